package io.github.liveupdate.defold;

/**
 * One resource that a Defold manifest lists.
 *
 * @param url the resource's path in the game, such as {@code /main/level2.texturec}
 * @param hash the lowercase hex digest that names the resource's Live update entry
 * @param flags the manifest's flag bits for the resource, such as {@link #EXCLUDED}
 */
public record ResourceEntry(String url, String hash, int flags) {

    /** The flag of a resource that is left out of the game bundle and published with Live update. */
    public static final int EXCLUDED = 2;

    public boolean excluded() {
        return (flags & EXCLUDED) != 0;
    }
}

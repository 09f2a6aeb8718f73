package io.github.liveupdate.defold;

/** The names that bob gives the files of Live update content. */
public final class ResourceNames {

    /** The manifest's name, beside the resources in a zip or folder and in the bucket. */
    public static final String MANIFEST = "liveupdate.game.dmanifest";

    private ResourceNames() {}

    /**
     * Returns whether a name is a resource entry name: the lowercase hex digest of the resource. The lengths
     * accepted are those of the hash algorithms a Defold manifest header can name: MD5 (32 characters), SHA-1
     * (40, bob's default), SHA-256 (64) and SHA-512 (128).
     */
    public static boolean isResourceName(String name) {
        int length = name.length();
        if (length != 32 && length != 40 && length != 64 && length != 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Returns the lowercase hex form of a digest. */
    public static String hex(byte[] digest) {
        StringBuilder hex = new StringBuilder(digest.length * 2);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}

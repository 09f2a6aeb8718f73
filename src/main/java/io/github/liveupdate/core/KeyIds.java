package io.github.liveupdate.core;

/** Masks access key ids for logs and messages. */
public final class KeyIds {

    private KeyIds() {}

    /**
     * Returns the key id with all but its first four and last four characters replaced by asterisks, for
     * example {@code AKIA************MPLE}. Ids of eight characters or fewer are masked whole.
     */
    public static String mask(String accessKeyId) {
        if (accessKeyId == null) {
            return "(none)";
        }
        int length = accessKeyId.length();
        if (length <= 8) {
            return "*".repeat(length);
        }
        return accessKeyId.substring(0, 4) + "*".repeat(length - 8) + accessKeyId.substring(length - 4);
    }
}

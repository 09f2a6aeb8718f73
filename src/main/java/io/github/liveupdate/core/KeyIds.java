package io.github.liveupdate.core;

import java.util.regex.Pattern;

/** Masks access key ids for logs and messages, and tells a key id from other text. */
public final class KeyIds {

    private static final Pattern WELL_FORMED = Pattern.compile("\\w{16,128}");
    private static final Pattern WORD_CHARACTERS = Pattern.compile("\\w+");

    private KeyIds() {}

    /**
     * Returns whether the text has the form AWS gives access key ids: 16 to 128 letters, digits or
     * underscores. A secret access key has 40 characters and usually a {@code /} or {@code +}, so a key id and
     * secret given the wrong way round fail this check.
     */
    public static boolean isWellFormed(String accessKeyId) {
        return accessKeyId != null && WELL_FORMED.matcher(accessKeyId).matches();
    }

    /**
     * Returns the key id with all but its first four and last four characters replaced by asterisks, for
     * example {@code AKIA************MPLE}. Ids of eight characters or fewer are masked whole, and so is text
     * with a character other than a letter, digit or underscore, because that is likely a secret access key
     * found where the id belongs.
     */
    public static String mask(String accessKeyId) {
        if (accessKeyId == null) {
            return "(none)";
        }
        int length = accessKeyId.length();
        if (length <= 8 || !WORD_CHARACTERS.matcher(accessKeyId).matches()) {
            return "*".repeat(length);
        }
        return accessKeyId.substring(0, 4) + "*".repeat(length - 8) + accessKeyId.substring(length - 4);
    }
}

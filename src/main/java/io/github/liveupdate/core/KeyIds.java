package io.github.liveupdate.core;

import java.util.regex.Pattern;

/** Masks access key ids for logs and messages, and checks whether text can be a key id. */
public final class KeyIds {

    private static final Pattern WORD_CHARACTERS = Pattern.compile("\\w+");
    private static final Pattern AWS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");
    private static final int MAX_LENGTH = 128;
    private static final int AWS_SECRET_LENGTH = 40;

    private KeyIds() {}

    /**
     * Returns whether the text can be an access key id: 1 to 128 letters, digits or underscores. AWS ids have
     * 16 or more, but S3-compatible stores such as MinIO accept shorter ones, so the lower bound is 1. A
     * secret access key usually has a {@code /} or {@code +}, so a secret given as the id mostly fails here.
     */
    public static boolean isWellFormed(String accessKeyId) {
        return accessKeyId != null
                && accessKeyId.length() <= MAX_LENGTH
                && WORD_CHARACTERS.matcher(accessKeyId).matches();
    }

    /**
     * Returns whether an id and a secret look given the wrong way round: the "secret" has the form of an AWS
     * key id and the "id" the 40 characters of an AWS secret. This catches the swaps that {@link
     * #isWellFormed} misses, where the secret has no {@code /} or {@code +}.
     */
    public static boolean looksSwapped(String accessKeyId, String secretAccessKey) {
        return accessKeyId != null
                && secretAccessKey != null
                && accessKeyId.length() == AWS_SECRET_LENGTH
                && AWS_KEY_ID.matcher(secretAccessKey).matches();
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

package io.github.liveupdate.iam;

import io.github.liveupdate.core.LiveUpdateException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Derives the default IAM user and policy names from the bucket and checks names against IAM's rules. IAM
 * allows letters, digits and {@code _+=,.@-} in both, at most 64 characters in a user name and 128 in a
 * policy name.
 */
public final class IamNames {

    public static final int MAX_USER_NAME_LENGTH = 64;
    public static final int MAX_POLICY_NAME_LENGTH = 128;

    private static final String PREFIX = "liveupdate-";
    private static final Pattern ALLOWED = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\w+=,.@-]");
    private static final int HASH_LENGTH = 8;

    private IamNames() {}

    /** Returns {@code liveupdate-<bucket>}, shortened to at most 64 characters as {@link #fit} describes. */
    public static String defaultUserName(String bucket) {
        return fit(PREFIX + bucket, MAX_USER_NAME_LENGTH);
    }

    /** Returns {@code liveupdate-<bucket>}, shortened to at most 128 characters as {@link #fit} describes. */
    public static String defaultPolicyName(String bucket) {
        return fit(PREFIX + bucket, MAX_POLICY_NAME_LENGTH);
    }

    /**
     * Replaces each character that IAM does not allow with {@code -}. A result longer than {@code maxLength}
     * is cut and ends with {@code -} and the first 8 hex digits of the SHA-256 of the whole name, so two long
     * names that share their beginning still differ.
     */
    static String fit(String name, int maxLength) {
        String allowed = NOT_ALLOWED.matcher(name).replaceAll("-");
        if (allowed.length() <= maxLength) {
            return allowed;
        }
        String hash = sha256Hex(name).substring(0, HASH_LENGTH);
        return allowed.substring(0, maxLength - HASH_LENGTH - 1) + "-" + hash;
    }

    /**
     * Checks a configured user name.
     *
     * @throws LiveUpdateException if the name is empty, too long or has a character IAM does not allow
     */
    public static String checkUserName(String name) {
        return check(name, MAX_USER_NAME_LENGTH, "user", "<userName> or -Dliveupdate.userName");
    }

    /**
     * Checks a configured policy name.
     *
     * @throws LiveUpdateException if the name is empty, too long or has a character IAM does not allow
     */
    public static String checkPolicyName(String name) {
        return check(name, MAX_POLICY_NAME_LENGTH, "policy", "<policyName> or -Dliveupdate.policyName");
    }

    private static String check(String name, int maxLength, String kind, String parameter) {
        if (name.length() > maxLength || !ALLOWED.matcher(name).matches()) {
            throw new LiveUpdateException("IAM " + kind + " name '" + name + "' is invalid: IAM " + kind
                    + " names have 1 to " + maxLength + " characters from letters, digits and _+=,.@-. Set "
                    + parameter + " to a valid name, or leave it unset to use the default derived from the"
                    + " bucket.");
        }
        return name;
    }

    private static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}

package io.github.liveupdate.core;

import java.text.Normalizer;

/**
 * Checks and normalizes the key prefix under which Live update content is published, and builds keys and
 * ARN patterns from it. A normalized prefix is empty or has no leading or trailing slash, such as
 * {@code game/v1}.
 */
public final class Prefixes {

    private Prefixes() {}

    /**
     * Returns the prefix in NFC form with one trailing slash removed, or an empty string for null or blank.
     *
     * @throws LiveUpdateException if the prefix starts with a slash, contains a backslash, an empty segment,
     *     a {@code .} or {@code ..} segment, or a control character
     */
    public static String normalize(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        String value = Normalizer.normalize(prefix.strip(), Normalizer.Form.NFC);
        if (value.startsWith("/")) {
            throw invalid(prefix, "it starts with '/'. Write it without the leading slash, such as 'game/v1'");
        }
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.indexOf('\\') >= 0) {
            throw invalid(prefix, "it contains a backslash. Separate folders with '/'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw invalid(prefix, "it contains a control character");
            }
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid(prefix, "it contains an empty folder name ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid(prefix, "it contains a '" + segment + "' folder name");
            }
        }
        return value;
    }

    /** Returns the object key of {@code name} under a normalized prefix. */
    public static String key(String normalizedPrefix, String name) {
        return normalizedPrefix.isEmpty() ? name : normalizedPrefix + "/" + name;
    }

    /**
     * Returns the part of an object ARN after the bucket that matches every key under a normalized prefix:
     * {@code game/v1/*}, or {@code *} for the whole bucket.
     */
    public static String objectPattern(String normalizedPrefix) {
        return normalizedPrefix.isEmpty() ? "*" : normalizedPrefix + "/*";
    }

    /**
     * Escapes the characters that IAM and bucket policies read as wildcards or variables, {@code *}, {@code ?}
     * and {@code $}, as the policy variables {@code ${*}}, {@code ${?}} and {@code ${$}}, so a prefix such as
     * {@code game*} matches only itself.
     */
    public static String escapeForPolicy(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '*' || c == '?' || c == '$') {
                escaped.append("${").append(c).append('}');
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static LiveUpdateException invalid(String prefix, String reason) {
        return new LiveUpdateException(
                "Prefix '" + prefix + "' is invalid: " + reason + ". Set <prefix> or -Dliveupdate.prefix.");
    }
}

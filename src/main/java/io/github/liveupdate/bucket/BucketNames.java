package io.github.liveupdate.bucket;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks bucket names against the naming rules of S3 general purpose buckets, so an invalid name fails
 * before any request. The rules are those of the Amazon S3 User Guide, "General purpose bucket naming
 * rules".
 */
public final class BucketNames {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 63;

    /** Prefixes that S3 reserves for its own bucket types and features. */
    static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");

    /** Suffixes that S3 reserves for access point aliases, directory buckets and other bucket types. */
    static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private BucketNames() {}

    /**
     * Checks a bucket name.
     *
     * @throws LiveUpdateException if the name is missing or breaks a naming rule; the message names the rule
     *     and how to set another name
     */
    public static void check(String name) {
        if (name == null || name.isBlank()) {
            throw new LiveUpdateException(
                    "No bucket is set. Set <bucket> in the plugin configuration or pass -Dliveupdate.bucket=NAME.");
        }
        Optional<String> broken = brokenRule(name);
        if (broken.isPresent()) {
            throw new LiveUpdateException("Bucket name '" + name + "' is invalid: " + broken.get()
                    + ". Choose a valid name and set it with <bucket> or -Dliveupdate.bucket.");
        }
    }

    /** Returns the first naming rule that a non-null name breaks, or an empty optional for a valid name. */
    public static Optional<String> brokenRule(String name) {
        if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
            return Optional.of("it has " + name.length() + " characters, and S3 bucket names have " + MIN_LENGTH
                    + " to " + MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLowercaseLetterOrDigit(c) && c != '.' && c != '-') {
                return Optional.of("it contains '" + c + "', and S3 bucket names use only lowercase letters,"
                        + " digits, dots (.) and hyphens (-)");
            }
        }
        if (!isLowercaseLetterOrDigit(name.charAt(0)) || !isLowercaseLetterOrDigit(name.charAt(name.length() - 1))) {
            return Optional.of("S3 bucket names begin and end with a lowercase letter or a digit");
        }
        if (name.contains("..")) {
            return Optional.of("it contains two adjacent dots (..), which S3 bucket names must not");
        }
        if (name.contains(".-") || name.contains("-.")) {
            return Optional.of("it has a dot next to a hyphen (.- or -.), which S3 bucket names must not");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return Optional.of("it is formatted as an IP address, which S3 bucket names must not be");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Optional.of("it starts with '" + prefix + "', a prefix that S3 reserves");
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("it ends with '" + suffix + "', a suffix that S3 reserves");
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether HTTPS requests with virtual-hosted-style addresses such as
     * {@code https://NAME.s3.eu-west-1.amazonaws.com} fail for this name. They do for names with dots, because
     * S3's wildcard certificate covers one level of subdomain only.
     */
    public static boolean breaksVirtualHostedHttps(String name) {
        return name.indexOf('.') >= 0;
    }

    private static boolean isLowercaseLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}

package io.github.liveupdate.bucket;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Prefixes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bucket should look like. The constructor checks every value, so a spec that exists is valid and
 * no request is sent for an invalid one.
 *
 * @param bucket the bucket name, checked by {@link BucketNames#check}
 * @param prefix the key prefix that the public-read statement covers, normalized by
 *     {@link Prefixes#normalize}: empty for the whole bucket
 * @param publicRead whether anyone may read the objects under the prefix through the bucket policy
 * @param cors whether the bucket has a CORS rule that lets browsers GET and HEAD its objects
 * @param corsAllowedOrigins the origins of that rule, such as {@code https://example.com} or {@code *}
 * @param corsAllowedHeaders the request headers of that rule, such as {@code *}
 * @param corsMaxAgeSeconds the time, in seconds, that a browser may cache the response to a preflight request
 */
public record BucketSpec(
        String bucket,
        String prefix,
        boolean publicRead,
        boolean cors,
        List<String> corsAllowedOrigins,
        List<String> corsAllowedHeaders,
        int corsMaxAgeSeconds) {

    /** The default of {@link #corsAllowedOrigins}: any origin. */
    public static final List<String> ANY_ORIGIN = List.of("*");

    /** The default of {@link #corsAllowedHeaders}: any request header. */
    public static final List<String> ANY_HEADER = List.of("*");

    /** The default of {@link #corsMaxAgeSeconds}. */
    public static final int DEFAULT_CORS_MAX_AGE_SECONDS = 3000;

    /**
     * Checks and normalizes the values: trims the bucket name, normalizes the prefix, drops blank list
     * entries, and uses {@code *} for a missing or empty list of origins or headers.
     *
     * @throws LiveUpdateException if the bucket name, the prefix, an origin, a header or the max age is
     *     invalid
     */
    public BucketSpec {
        bucket = bucket == null ? null : bucket.trim();
        BucketNames.check(bucket);
        prefix = Prefixes.normalize(prefix);
        corsAllowedOrigins = cleaned(corsAllowedOrigins, ANY_ORIGIN);
        corsAllowedHeaders = cleaned(corsAllowedHeaders, ANY_HEADER);
        for (String origin : corsAllowedOrigins) {
            checkWildcards(origin, "origin", "<corsAllowedOrigins> or -Dliveupdate.corsAllowedOrigins");
        }
        for (String header : corsAllowedHeaders) {
            checkWildcards(header, "header", "<corsAllowedHeaders> or -Dliveupdate.corsAllowedHeaders");
        }
        if (corsMaxAgeSeconds < 0) {
            throw new LiveUpdateException("CORS max age " + corsMaxAgeSeconds + " is invalid: it is a number of"
                    + " seconds and must not be negative. Set <corsMaxAgeSeconds> or"
                    + " -Dliveupdate.corsMaxAgeSeconds, such as 3000.");
        }
    }

    private static List<String> cleaned(List<String> values, List<String> fallback) {
        if (values == null) {
            return fallback;
        }
        List<String> result = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                result.add(value.trim());
            }
        }
        return result.isEmpty() ? fallback : List.copyOf(result);
    }

    /** S3 accepts at most one {@code *} wildcard in each allowed origin and each allowed header. */
    private static void checkWildcards(String value, String kind, String setting) {
        if (value.indexOf('*') != value.lastIndexOf('*')) {
            throw new LiveUpdateException("CORS allowed " + kind + " '" + value + "' is invalid: S3 accepts at most"
                    + " one '*' wildcard in each " + kind + ". Set " + setting + ".");
        }
    }
}

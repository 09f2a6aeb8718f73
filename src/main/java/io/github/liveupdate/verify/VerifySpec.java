package io.github.liveupdate.verify;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Prefixes;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The request of a verify run: the bucket and prefix that the game reads, the profile that Defold's editor uploads with,
 * and the origin of the CORS preflight.
 *
 * @param bucket the S3 bucket
 * @param prefix the key prefix, normalized by {@link Prefixes#normalize}
 * @param profile the uploader's profile, which the signed checks use
 * @param origin the origin of the CORS preflight, such as {@code https://example.com}
 * @param dryRun whether to skip writing the probe object
 */
public record VerifySpec(String bucket, String prefix, String profile, String origin, boolean dryRun) {

    public static final String DEFAULT_ORIGIN = "https://example.com";

    /** Checks the values and fills in the default origin when it is null or blank. */
    public VerifySpec {
        if (bucket == null || bucket.isBlank()) {
            throw new LiveUpdateException(
                    "No bucket is set. Set <bucket> in the plugin configuration or pass -Dliveupdate.bucket=NAME.");
        }
        bucket = bucket.trim();
        prefix = Prefixes.normalize(prefix);
        origin = origin == null || origin.isBlank() ? DEFAULT_ORIGIN : origin.trim();
        checkOrigin(origin);
    }

    /** Rejects an origin that is not a scheme and a host with an optional port, the form that browsers send. */
    private static void checkOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            boolean valid = scheme != null
                    && (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
            if (valid) {
                return;
            }
        } catch (URISyntaxException e) {
            // Reported below with the expected form.
        }
        throw new LiveUpdateException("Origin '" + origin + "' is invalid: an origin is a scheme and a host, such"
                + " as " + DEFAULT_ORIGIN + ", with no path or trailing slash. Set <verifyOrigin> or"
                + " -Dliveupdate.verifyOrigin.");
    }
}

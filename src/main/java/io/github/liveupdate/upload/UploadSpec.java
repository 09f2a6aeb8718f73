package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Prefixes;
import java.nio.file.Path;

/**
 * The source to publish, its destination and the transfer settings.
 *
 * @param source the zip or folder that bob wrote
 * @param bucket the S3 bucket
 * @param prefix the key prefix, normalized by {@link Prefixes#normalize}
 * @param layout one object per resource, or the zip as one object
 * @param concurrency how many requests are in flight at most, from 1 to {@value #MAX_CONCURRENCY}
 * @param resourceCacheControl the Cache-Control of hash-named resource entries, whose content never changes
 * @param manifestCacheControl the Cache-Control of every other object: the manifest, an archive, other files
 * @param dryRun list what would be uploaded and upload nothing
 */
public record UploadSpec(
        Path source,
        String bucket,
        String prefix,
        Layout layout,
        int concurrency,
        String resourceCacheControl,
        String manifestCacheControl,
        boolean dryRun) {

    /**
     * The default number of requests in flight. In the upload benchmark (bench/, results in docs/BENCHMARKS.md)
     * 64 was no faster than 32, because on its 2-core machine the upload was bound by CPU, not by the 20 ms
     * delay. At 20 ms per request, 32 sends up to 1,600 PUTs a second, well under the 3,500 writes a second
     * that S3 supports per partitioned prefix, where 64 would come close to that rate.
     */
    // NOTE: not yet measured against real S3, nor on a machine with idle cores.
    public static final int DEFAULT_CONCURRENCY = 32;

    public static final int MAX_CONCURRENCY = 256;
    public static final String DEFAULT_RESOURCE_CACHE_CONTROL = "public, max-age=31536000, immutable";
    public static final String DEFAULT_MANIFEST_CACHE_CONTROL = "no-cache";

    /**
     * Checks every value and fills in the defaults of the layout and the Cache-Control values when they are
     * null.
     */
    public UploadSpec {
        if (source == null) {
            throw new LiveUpdateException("No source is set. Set <source> or -Dliveupdate.source to the zip or folder"
                    + " that bob writes with --archive --liveupdate yes.");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new LiveUpdateException(
                    "No bucket is set. Set <bucket> in the plugin configuration or pass -Dliveupdate.bucket=NAME.");
        }
        bucket = bucket.trim();
        prefix = Prefixes.normalize(prefix);
        layout = layout == null ? Layout.RESOURCES : layout;
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new LiveUpdateException("Concurrency " + concurrency + " is invalid: use 1 to " + MAX_CONCURRENCY
                    + " requests at once. Set <concurrency> or -Dliveupdate.concurrency.");
        }
        resourceCacheControl =
                headerValue(resourceCacheControl, DEFAULT_RESOURCE_CACHE_CONTROL, "resourceCacheControl");
        manifestCacheControl =
                headerValue(manifestCacheControl, DEFAULT_MANIFEST_CACHE_CONTROL, "manifestCacheControl");
    }

    private static String headerValue(String value, String fallback, String parameter) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new LiveUpdateException(parameter + " '" + value.strip() + "' is invalid: an HTTP header value"
                        + " holds printable ASCII only, such as '" + fallback + "'. Set <" + parameter
                        + "> or -Dliveupdate." + parameter + ".");
            }
        }
        return value.trim();
    }

    /**
     * Checks that the source is a zip file or a folder, so that a wrong path fails before credentials are
     * read or any request is sent.
     *
     * @throws LiveUpdateException if the source is missing or neither a file nor a folder
     */
    public void checkSource() {
        ContentSource.requireZipOrFolder(source);
    }
}

package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects directly under the prefix, listed once before an upload: each name relative to the prefix and
 * its size. Only sizes are kept, because ETags do not identify content in general (a multipart or
 * KMS-encrypted object's ETag is not the MD5 of its bytes), and content checksums come from HeadObject where
 * they are needed.
 */
public final class RemoteListing {

    private static final int PAGE_SIZE = 1000;

    private final Map<String, Long> sizes;
    private final boolean available;

    RemoteListing(Map<String, Long> sizes, boolean available) {
        this.sizes = sizes;
        this.available = available;
    }

    /** Returns an empty listing, for when the prefix could not be listed. */
    static RemoteListing unavailable() {
        return new RemoteListing(Map.of(), false);
    }

    /**
     * Lists the objects directly under the prefix, 1,000 keys a page. When the credentials may not list the
     * bucket (AccessDenied), warns once and returns {@link #unavailable()}.
     *
     * @throws LiveUpdateException if the bucket does not exist or is in another region
     */
    public static RemoteListing list(S3Client s3, String bucket, String prefix, Reporter reporter) {
        String keyPrefix = prefix.isEmpty() ? "" : prefix + "/";
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(keyPrefix)
                .delimiter("/")
                .maxKeys(PAGE_SIZE)
                .build();
        Map<String, Long> sizes = new HashMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                sizes.put(object.key().substring(keyPrefix.length()), object.size());
            }
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                reporter.warn("Cannot list s3://" + bucket + "/" + keyPrefix + " (" + errorCode(e) + "), so every"
                        + " object is uploaded, changed or not. Allow s3:ListBucket on the bucket for the"
                        + " profile to upload only what changed.");
                return unavailable();
            }
            throw bucketProblem(e, bucket);
        }
        return new RemoteListing(sizes, true);
    }

    /** Turns an S3 failure about the bucket itself into a message with the fix, or returns it unchanged. */
    static RuntimeException bucketProblem(S3Exception e, String bucket) {
        String code = errorCode(e);
        if (code.equals("NoSuchBucket")) {
            return new LiveUpdateException("Bucket '" + bucket + "' does not exist. Create it with"
                    + " 'mvn liveupdate:setup', or set <bucket> or -Dliveupdate.bucket to an existing bucket.");
        }
        if (e.statusCode() == 301 || code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")) {
            return new LiveUpdateException("Bucket '" + bucket + "' is in another region than the one configured ("
                    + code + "). Set <region> or -Dliveupdate.region to the bucket's region.");
        }
        return e;
    }

    static String errorCode(S3Exception e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return "HTTP " + e.statusCode();
    }

    /** Returns whether the prefix was listed. When false, nothing is known about the bucket's content. */
    public boolean available() {
        return available;
    }

    /** Returns the size of the object with the given name under the prefix, if it exists. */
    public OptionalLong size(String name) {
        Long size = sizes.get(name);
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    public boolean contains(String name) {
        return sizes.containsKey(name);
    }

    /** Returns the number of objects directly under the prefix. */
    public int count() {
        return sizes.size();
    }
}

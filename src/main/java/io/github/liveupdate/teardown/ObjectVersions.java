package io.github.liveupdate.teardown;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Counts and deletes every object version and delete marker of a bucket, and aborts its unfinished multipart
 * uploads. ListObjectVersions also lists the
 * objects of a bucket that never had versioning, each with version id {@code null}, so one listing covers both
 * kinds of bucket.
 *
 * <p>NOTE: objects under S3 Object Lock or a bucket with MFA delete cannot be deleted this way; S3 reports
 * them as errors, and teardown fails with the first one.
 */
final class ObjectVersions {

    /** S3 deletes at most 1000 keys per DeleteObjects request. */
    static final int MAX_KEYS_PER_DELETE = 1000;

    private ObjectVersions() {}

    /** Returns the number of object versions and delete markers in the bucket. */
    static long count(S3Client s3, String bucket) {
        long count = 0;
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
            count += page.versions().size() + page.deleteMarkers().size();
        }
        return count;
    }

    /**
     * Deletes every object version and delete marker, one page of the listing at a time.
     *
     * @return the number deleted
     * @throws LiveUpdateException if S3 reports an object that it did not delete
     */
    static long deleteAll(S3Client s3, String bucket, Reporter reporter) {
        long deleted = 0;
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
            List<ObjectIdentifier> identifiers = new ArrayList<>();
            page.versions().forEach(version -> identifiers.add(identifier(version.key(), version.versionId())));
            page.deleteMarkers().forEach(marker -> identifiers.add(identifier(marker.key(), marker.versionId())));
            for (int start = 0; start < identifiers.size(); start += MAX_KEYS_PER_DELETE) {
                List<ObjectIdentifier> batch =
                        identifiers.subList(start, Math.min(identifiers.size(), start + MAX_KEYS_PER_DELETE));
                DeleteObjectsResponse response = s3.deleteObjects(r ->
                        r.bucket(bucket).delete(delete -> delete.objects(batch).quiet(true)));
                if (!response.errors().isEmpty()) {
                    throw notDeleted(bucket, response.errors());
                }
                deleted += batch.size();
                reporter.debug("DeleteObjects " + bucket + ": " + batch.size() + " versions deleted");
            }
        }
        return deleted;
    }

    /**
     * Aborts every unfinished multipart upload, so that no stored part outlives the bucket.
     *
     * @return the number aborted
     */
    static int abortUploads(S3Client s3, String bucket, Reporter reporter) {
        int aborted = 0;
        for (ListMultipartUploadsResponse page : s3.listMultipartUploadsPaginator(r -> r.bucket(bucket))) {
            for (MultipartUpload upload : page.uploads()) {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                reporter.debug("AbortMultipartUpload " + bucket + "/" + upload.key());
                aborted++;
            }
        }
        return aborted;
    }

    private static ObjectIdentifier identifier(String key, String versionId) {
        return ObjectIdentifier.builder().key(key).versionId(versionId).build();
    }

    private static LiveUpdateException notDeleted(String bucket, List<S3Error> errors) {
        S3Error first = errors.get(0);
        return new LiveUpdateException("S3 did not delete " + errors.size() + " objects of bucket " + bucket
                + ", such as " + first.key() + " (version " + first.versionId() + "): " + first.code() + ", "
                + first.message() + ". Remove what keeps them (Object Lock retention, a legal hold, MFA delete)"
                + " and run teardown again.");
    }
}

package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.defold.ResourceNames;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Publishes one object: compares its checksum with the bucket's copy when the listing cannot tell, then sends
 * it in one PUT or, above the multipart threshold, in parts. Every PUT carries an integrity checksum that the
 * AWS SDK computes while sending and S3 checks against the body it received: SHA-256 for objects that are not
 * resources, CRC32 for resources and parts.
 *
 * <p>NOTE: moto 5.2.1 stores these checksums but does not check them, so the tests show that they are sent,
 * not that a corrupted body is rejected.
 *
 * <p>Without request checksums, for stores that reject the SDK's checksum headers, a PUT carries no checksum
 * of its own: over HTTPS, TLS protects the body, and over plain HTTP, the SigV4 signature covers its SHA-256.
 */
final class ObjectPublisher {

    /** The user metadata key, {@code x-amz-meta-sha256}, holding the hex SHA-256 of an object's content. */
    static final String CHECKSUM_METADATA = "sha256";

    /** S3 accepts at most this many parts per upload. */
    private static final int MAX_PARTS = 10_000;

    enum Result {
        UPLOADED,
        UNCHANGED,
        /** A dry run found that the object would be uploaded. */
        PLANNED
    }

    private final S3Client s3;
    private final String bucket;
    private final UploadTuning tuning;
    private final Progress progress;
    private final Reporter reporter;
    private final boolean dryRun;
    private final boolean requestChecksums;

    /** @param requestChecksums whether each PUT requests a CRC32 or SHA-256 checksum header from the SDK */
    ObjectPublisher(
            S3Client s3,
            String bucket,
            UploadTuning tuning,
            Progress progress,
            Reporter reporter,
            boolean dryRun,
            boolean requestChecksums) {
        this.s3 = s3;
        this.bucket = bucket;
        this.tuning = tuning;
        this.progress = progress;
        this.reporter = reporter;
        this.dryRun = dryRun;
        this.requestChecksums = requestChecksums;
    }

    /** Returns whether the item is sent in parts rather than in one PUT. */
    boolean needsParts(UploadItem item) {
        return item.size() > tuning.multipartThreshold();
    }

    /** Publishes an object in one PUT, after a checksum comparison when the listing decision requires one. */
    Result publish(UploadItem item) {
        if (dryRun && item.decision() != Decision.COMPARE_CHECKSUM) {
            return Result.PLANNED;
        }
        byte[] sha256 = item.resource() ? null : sha256(item);
        if (isUnchanged(item, sha256)) {
            return Result.UNCHANGED;
        }
        if (dryRun) {
            return Result.PLANNED;
        }
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(item.key())
                .contentType(item.contentType())
                .cacheControl(item.cacheControl())
                .contentLength(item.size());
        if (sha256 != null) {
            request.metadata(Map.of(CHECKSUM_METADATA, ResourceNames.hex(sha256)));
        }
        if (requestChecksums) {
            request.checksumAlgorithm(sha256 == null ? ChecksumAlgorithm.CRC32 : ChecksumAlgorithm.SHA256);
        }
        try (RangeBody body = new RangeBody(item.body(), 0, item.size())) {
            retrying(
                    "upload " + item.key(),
                    () -> s3.putObject(
                            request.build(), RequestBody.fromContentProvider(body, item.size(), item.contentType())));
        }
        progress.bytesSent(item.size());
        reporter.debug("Uploaded " + item.key() + " (" + Sizes.bytes(item.size()) + ")");
        return Result.UPLOADED;
    }

    /**
     * Publishes a large object in parts, which the pool's worker threads send in parallel. The calling thread
     * hashes the content, creates the upload and completes it, or aborts it when a part fails or the thread is
     * interrupted, so no incomplete upload is left behind.
     */
    Result publishInParts(UploadItem item, TransferPool pool) throws Exception {
        if (dryRun && item.decision() != Decision.COMPARE_CHECKSUM) {
            return Result.PLANNED;
        }
        byte[] sha256 = item.resource() ? null : sha256(item);
        if (pool.call(() -> isUnchanged(item, sha256))) {
            return Result.UNCHANGED;
        }
        if (dryRun) {
            return Result.PLANNED;
        }
        String uploadId = pool.call(() -> retrying("start the multipart upload of " + item.key(), () -> {
            var request = CreateMultipartUploadRequest.builder()
                    .bucket(bucket)
                    .key(item.key())
                    .contentType(item.contentType())
                    .cacheControl(item.cacheControl())
                    .checksumAlgorithm(requestChecksums ? ChecksumAlgorithm.CRC32 : null);
            if (sha256 != null) {
                request.metadata(Map.of(CHECKSUM_METADATA, ResourceNames.hex(sha256)));
            }
            return s3.createMultipartUpload(request.build()).uploadId();
        }));
        boolean completed = false;
        try {
            CompletedPart[] parts = sendParts(item, uploadId, pool);
            pool.call(() -> retrying(
                    "complete the multipart upload of " + item.key(),
                    () -> s3.completeMultipartUpload(request -> request.bucket(bucket)
                            .key(item.key())
                            .uploadId(uploadId)
                            .multipartUpload(upload -> upload.parts(parts)))));
            completed = true;
        } finally {
            if (!completed) {
                abort(item.key(), uploadId);
            }
        }
        reporter.debug("Uploaded " + item.key() + " in parts (" + Sizes.bytes(item.size()) + ")");
        return Result.UPLOADED;
    }

    private CompletedPart[] sendParts(UploadItem item, String uploadId, TransferPool pool) throws InterruptedException {
        long partSize = Math.max(tuning.partSize(), ceilDiv(item.size(), MAX_PARTS));
        int count = (int) ceilDiv(item.size(), partSize);
        CompletedPart[] parts = new CompletedPart[count];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(count);
        AtomicInteger submitted = new AtomicInteger();
        try {
            for (int index = 0; index < count && failure.get() == null; index++) {
                int partNumber = index + 1;
                long offset = index * partSize;
                long length = Math.min(partSize, item.size() - offset);
                pool.submit(() -> {
                    try {
                        if (failure.get() == null) {
                            parts[partNumber - 1] = sendPart(item, uploadId, partNumber, offset, length);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        finished.countDown();
                    }
                });
                submitted.incrementAndGet();
            }
        } finally {
            for (int unsent = count - submitted.get(); unsent > 0; unsent--) {
                finished.countDown();
            }
        }
        pool.await(finished);
        if (failure.get() != null) {
            throw failure.get();
        }
        return parts;
    }

    private CompletedPart sendPart(UploadItem item, String uploadId, int partNumber, long offset, long length) {
        try (RangeBody body = new RangeBody(item.body(), offset, length)) {
            UploadPartResponse response = retrying(
                    "upload part " + partNumber + " of " + item.key(),
                    () -> s3.uploadPart(
                            request -> request.bucket(bucket)
                                    .key(item.key())
                                    .uploadId(uploadId)
                                    .partNumber(partNumber)
                                    .contentLength(length)
                                    .checksumAlgorithm(requestChecksums ? ChecksumAlgorithm.CRC32 : null),
                            RequestBody.fromContentProvider(body, length, item.contentType())));
            progress.bytesSent(length);
            return CompletedPart.builder()
                    .partNumber(partNumber)
                    .eTag(response.eTag())
                    .checksumCRC32(response.checksumCRC32())
                    .build();
        }
    }

    /** Aborts a multipart upload so S3 drops its parts, even while the thread is being interrupted. */
    private void abort(String key, String uploadId) {
        boolean interrupted = Thread.interrupted();
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
            reporter.debug("Aborted the multipart upload of " + key);
        } catch (SdkException e) {
            reporter.warn("Aborting the multipart upload " + uploadId + " of " + key + " failed: " + e.getMessage()
                    + ". S3 keeps its parts, and bills for them, until a lifecycle rule or an abort removes them.");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns whether the listing decision is a checksum comparison and the bucket's copy has the same SHA-256. */
    private boolean isUnchanged(UploadItem item, byte[] sha256) {
        if (item.decision() != Decision.COMPARE_CHECKSUM || sha256 == null) {
            return false;
        }
        String remote = remoteChecksum(item.key());
        boolean unchanged = ResourceNames.hex(sha256).equals(remote);
        reporter.debug((unchanged ? "Unchanged " : "Changed ") + item.key() + " (SHA-256 in the bucket: "
                + (remote == null ? "none" : remote) + ")");
        return unchanged;
    }

    /** Returns the SHA-256 that an earlier upload stored in the object's metadata, or null. */
    private String remoteChecksum(String key) {
        try {
            HeadObjectResponse head = retrying(
                    "read the metadata of " + key,
                    () -> s3.headObject(r -> r.bucket(bucket).key(key)));
            return head.metadata().get(CHECKSUM_METADATA);
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                reporter.debug("Cannot read the metadata of " + key + " (HTTP " + e.statusCode() + "), so it is"
                        + " uploaded");
                return null;
            }
            throw e;
        }
    }

    private byte[] sha256(UploadItem item) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime has no SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = item.body().open()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new LiveUpdateException("Cannot read the content of " + item.key() + ": " + e.getMessage(), e);
        }
        return digest.digest();
    }

    /** Runs a request, sending it again after transient failures as {@link UploadTuning#retry()} allows. */
    private <T> T retrying(String description, Supplier<T> request) {
        AtomicInteger attempts = new AtomicInteger();
        return tuning.retry().run(description, reporter, Retries::isRetryable, () -> {
            if (attempts.getAndIncrement() > 0) {
                progress.retried();
            }
            return request.get();
        });
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}

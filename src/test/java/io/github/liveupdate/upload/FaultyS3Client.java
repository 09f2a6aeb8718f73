package io.github.liveupdate.upload;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Passes requests to a real client of moto_server, failing chosen ones first as S3 would: throttling, server
 * errors, a denied listing. Moto itself never throttles, so this is how the tests reach the retry and failure
 * paths.
 */
final class FaultyS3Client implements S3Client {

    private final S3Client delegate;
    private final Map<String, AtomicInteger> putAttempts = new ConcurrentHashMap<>();
    private volatile Predicate<String> slowDownOnFirstPut = key -> false;
    private volatile Predicate<String> failingPuts = key -> false;
    private volatile Predicate<Integer> failingParts = part -> false;
    private volatile boolean listingDenied;
    private volatile Duration putDelay = Duration.ZERO;

    FaultyS3Client(S3Client delegate) {
        this.delegate = delegate;
    }

    /** Fails the first PUT of each matching key with 503 SlowDown. */
    FaultyS3Client slowDownOnFirstPut(Predicate<String> keys) {
        this.slowDownOnFirstPut = keys;
        return this;
    }

    /** Fails every PUT of each matching key with 500 InternalError. */
    FaultyS3Client failPuts(Predicate<String> keys) {
        this.failingPuts = keys;
        return this;
    }

    /** Fails every upload of the matching part numbers with 500 InternalError. */
    FaultyS3Client failParts(Predicate<Integer> partNumbers) {
        this.failingParts = partNumbers;
        return this;
    }

    /** Fails ListObjectsV2 with 403 AccessDenied. */
    FaultyS3Client denyListing() {
        this.listingDenied = true;
        return this;
    }

    /** Waits before each PUT, so a test can interrupt an upload in progress. */
    FaultyS3Client delayPuts(Duration delay) {
        this.putDelay = delay;
        return this;
    }

    int putAttempts(String key) {
        AtomicInteger attempts = putAttempts.get(key);
        return attempts == null ? 0 : attempts.get();
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        int attempt = putAttempts
                .computeIfAbsent(request.key(), key -> new AtomicInteger())
                .incrementAndGet();
        if (!putDelay.isZero()) {
            try {
                Thread.sleep(putDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw software.amazon.awssdk.core.exception.AbortedException.create("interrupted", e);
            }
        }
        if (failingPuts.test(request.key())) {
            throw error(500, "InternalError");
        }
        if (attempt == 1 && slowDownOnFirstPut.test(request.key())) {
            throw error(503, "SlowDown");
        }
        return delegate.putObject(request, body);
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        if (failingParts.test(request.partNumber())) {
            throw error(500, "InternalError");
        }
        return delegate.uploadPart(request, body);
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        if (listingDenied) {
            throw error(403, "AccessDenied");
        }
        return delegate.listObjectsV2(request);
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        return delegate.headObject(request);
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        return delegate.createMultipartUpload(request);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        return delegate.completeMultipartUpload(request);
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        return delegate.abortMultipartUpload(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {}

    private static S3Exception error(int status, String code) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("injected by the test")
                        .serviceName("S3")
                        .build())
                .build();
    }
}

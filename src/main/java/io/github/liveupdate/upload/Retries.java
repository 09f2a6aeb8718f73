package io.github.liveupdate.upload;

import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Decides which failed S3 requests are worth sending again. */
final class Retries {

    /**
     * Error codes that S3 returns with a 4xx status although a later attempt may succeed: a slow or corrupted
     * upload body, and throttling.
     */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "SlowDown",
            "Throttling",
            "ThrottlingException",
            "RequestTimeout",
            "BadDigest",
            "XAmzContentChecksumMismatch",
            "InternalError",
            "ServiceUnavailable");

    private Retries() {}

    /**
     * Returns whether a failure is transient: throttling (503 SlowDown, 429), any 5xx, the retryable codes
     * above, and client-side failures caused by I/O such as timeouts and connection resets. An interrupted
     * request is never retried.
     */
    static boolean isRetryable(RuntimeException e) {
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            return status >= 500 || status == 429 || RETRYABLE_CODES.contains(errorCode(service));
        }
        if (e instanceof ApiCallAttemptTimeoutException
                || e instanceof ApiCallTimeoutException
                || e instanceof Crc32MismatchException
                || e instanceof RetryableException) {
            return true;
        }
        return e instanceof SdkClientException && hasIoCause(e);
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CrcCheckedStream.CorruptEntryException) {
                return false;
            }
            if (cause instanceof IOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}

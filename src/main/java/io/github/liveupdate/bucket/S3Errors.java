package io.github.liveupdate.bucket;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads the error code and message of S3 error responses, which the SDK models as plain S3Exceptions. */
public final class S3Errors {

    private S3Errors() {}

    /** Returns whether S3 responded with the given error code, such as {@code NoSuchBucketPolicy}. */
    public static boolean hasCode(S3Exception e, String code) {
        return e.awsErrorDetails() != null && code.equals(e.awsErrorDetails().errorCode());
    }

    /** Returns S3's error message, without the SDK's request details. */
    public static String message(S3Exception e) {
        return e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }
}

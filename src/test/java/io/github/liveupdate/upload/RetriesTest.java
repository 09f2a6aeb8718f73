package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class RetriesTest {

    @Test
    void retriesSlowDown() {
        assertThat(Retries.isRetryable(s3Error(503, "SlowDown"))).isTrue();
    }

    @Test
    void retriesServerErrors() {
        assertThat(Retries.isRetryable(s3Error(500, "InternalError"))).isTrue();
        assertThat(Retries.isRetryable(s3Error(502, "BadGateway"))).isTrue();
    }

    @Test
    void retriesRequestTimeoutAndBadDigest() {
        assertThat(Retries.isRetryable(s3Error(400, "RequestTimeout"))).isTrue();
        assertThat(Retries.isRetryable(s3Error(400, "BadDigest"))).isTrue();
    }

    @Test
    void doesNotRetryAccessDenied() {
        assertThat(Retries.isRetryable(s3Error(403, "AccessDenied"))).isFalse();
    }

    @Test
    void retriesConnectionReset() {
        SdkClientException reset = SdkClientException.create(
                "Unable to execute HTTP request: Connection reset", new SocketException("Connection reset"));

        assertThat(Retries.isRetryable(reset)).isTrue();
    }

    @Test
    void retriesAttemptTimeout() {
        assertThat(Retries.isRetryable(ApiCallAttemptTimeoutException.create(1000)))
                .isTrue();
    }

    @Test
    void doesNotRetryAbortedRequest() {
        assertThat(Retries.isRetryable(AbortedException.create("interrupted"))).isFalse();
    }

    @Test
    void doesNotRetryOtherFailures() {
        assertThat(Retries.isRetryable(new UncheckedIOException(new java.io.IOException("disk"))))
                .isFalse();
        assertThat(Retries.isRetryable(SdkClientException.create("Unable to marshall request")))
                .isFalse();
    }

    static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(code + " message")
                        .build())
                .build();
    }
}

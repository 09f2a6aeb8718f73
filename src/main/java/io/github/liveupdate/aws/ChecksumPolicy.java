package io.github.liveupdate.aws;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * When the S3 client sends request checksums and validates response checksums. S3-compatible stores that do
 * not know the SDK's flexible checksums reject their headers ({@code x-amz-sdk-checksum-algorithm},
 * {@code x-amz-checksum-*}, {@code x-amz-trailer}), which AWS SDK for Java 2.30 and later send by default.
 */
public enum ChecksumPolicy {

    /** The SDK's default: a CRC32 checksum on every request that can carry one, and validation of responses. */
    WHEN_SUPPORTED(
            "when-supported", RequestChecksumCalculation.WHEN_SUPPORTED, ResponseChecksumValidation.WHEN_SUPPORTED),

    /**
     * Checksums only for the operations that S3 requires one for, such as PutBucketCors, which also get the
     * {@code Content-MD5} header that SDKs before 2.30 sent. The operations of upload (PutObject, the multipart
     * upload operations, HeadObject, ListObjectsV2) then carry no checksum headers.
     *
     * <p>NOTE: SDK 2.59.1 still adds its CRC32 headers to the operations that require a checksum, so the
     * setup goals fail against a store that rejects those headers whatever this policy.
     */
    WHEN_REQUIRED("when-required", RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation.WHEN_REQUIRED);

    private final String value;
    private final RequestChecksumCalculation requestCalculation;
    private final ResponseChecksumValidation responseValidation;

    ChecksumPolicy(
            String value,
            RequestChecksumCalculation requestCalculation,
            ResponseChecksumValidation responseValidation) {
        this.value = value;
        this.requestCalculation = requestCalculation;
        this.responseValidation = responseValidation;
    }

    /**
     * Parses a parameter value such as {@code when-required}, ignoring case and surrounding spaces. An underscore
     * counts as a hyphen, so the SDK's and the AWS config file's spelling {@code WHEN_REQUIRED} is accepted too.
     *
     * @throws LiveUpdateException naming the value and the allowed values when the value is invalid
     */
    public static ChecksumPolicy parse(String text) {
        String normalized =
                text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ChecksumPolicy policy : values()) {
            if (policy.value.equals(normalized)) {
                return policy;
            }
        }
        String allowed = Arrays.stream(values()).map(ChecksumPolicy::value).collect(Collectors.joining(", "));
        throw new LiveUpdateException("Checksums '" + text + "' is invalid: use one of " + allowed
                + ". Set <checksums> or -Dliveupdate.checksums.");
    }

    /** Returns the parameter value, such as {@code when-required}. */
    public String value() {
        return value;
    }

    public RequestChecksumCalculation requestCalculation() {
        return requestCalculation;
    }

    public ResponseChecksumValidation responseValidation() {
        return responseValidation;
    }
}

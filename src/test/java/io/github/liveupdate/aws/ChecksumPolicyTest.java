package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

class ChecksumPolicyTest {

    @Test
    void parsesBothValues() {
        assertThat(ChecksumPolicy.parse("when-supported")).isEqualTo(ChecksumPolicy.WHEN_SUPPORTED);
        assertThat(ChecksumPolicy.parse(" When-Required ")).isEqualTo(ChecksumPolicy.WHEN_REQUIRED);
    }

    @Test
    void parsesSdkSpellingWithUnderscore() {
        // The SDK's enum, the AWS_REQUEST_CHECKSUM_CALCULATION variable and the config file spell it so.
        assertThat(ChecksumPolicy.parse("WHEN_REQUIRED")).isEqualTo(ChecksumPolicy.WHEN_REQUIRED);
        assertThat(ChecksumPolicy.parse("when_supported")).isEqualTo(ChecksumPolicy.WHEN_SUPPORTED);
    }

    @Test
    void whenRequiredSetsBothDirections() {
        assertThat(ChecksumPolicy.WHEN_REQUIRED.requestCalculation())
                .isEqualTo(RequestChecksumCalculation.WHEN_REQUIRED);
        assertThat(ChecksumPolicy.WHEN_REQUIRED.responseValidation())
                .isEqualTo(ResponseChecksumValidation.WHEN_REQUIRED);
    }

    @Test
    void rejectsOtherValueNamingAllowed() {
        assertThatThrownBy(() -> ChecksumPolicy.parse("never"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'never'")
                .hasMessageContaining("when-supported, when-required")
                .hasMessageContaining("-Dliveupdate.checksums");
    }

    @Test
    void optionsDefaultToWhenSupported() {
        AwsOptions options = new AwsOptions(null, null, null, null, null, java.util.Map.of(), 1);

        assertThat(options.checksums()).isEqualTo(ChecksumPolicy.WHEN_SUPPORTED);
        assertThat(options.proxy()).isNull();
    }
}

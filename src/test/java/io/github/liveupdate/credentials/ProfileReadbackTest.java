package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.LiveUpdateException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileReadbackTest {

    private static final AccessKeyPair KEY = new AccessKeyPair("AKIATESTFAKE00000001", "fake-secret-for-tests-only-1");
    private static final Path CREDENTIALS = Path.of("/test/credentials");
    private static final Path CONFIG = Path.of("/test/config");
    private static final String MATCHING_CREDENTIALS = "[liveupdate]\naws_access_key_id = AKIATESTFAKE00000001\n"
            + "aws_secret_access_key = fake-secret-for-tests-only-1\n";
    private static final String MATCHING_CONFIG = "[profile liveupdate]\nregion = eu-west-1\n";

    private static void check(String credentials, String config) {
        ProfileReadback.check(
                credentials,
                config,
                CREDENTIALS,
                CONFIG,
                "liveupdate",
                KEY,
                "eu-west-1",
                "After writing, the SDK reads");
    }

    @Test
    void acceptsMatchingProfile() {
        assertThatCode(() -> check(MATCHING_CREDENTIALS, MATCHING_CONFIG)).doesNotThrowAnyException();
    }

    @Test
    void rejectsOtherKeyIdMasked() {
        String credentials = MATCHING_CREDENTIALS.replace("AKIATESTFAKE00000001", "AKIATESTFAKE00000009");

        assertThatThrownBy(() -> check(credentials, MATCHING_CONFIG))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("AKIA************0009 instead of AKIA************0001")
                .message()
                .doesNotContain("AKIATESTFAKE00000009");
    }

    @Test
    void rejectsOtherSecretWithoutShowingIt() {
        String credentials = MATCHING_CREDENTIALS.replace("tests-only-1", "tests-only-9");

        assertThatThrownBy(() -> check(credentials, MATCHING_CONFIG))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("the secret access key differs")
                .message()
                .doesNotContain("fake-secret-for-tests-only");
    }

    @Test
    void rejectsRegionOverriddenByCredentialsFile() {
        String credentials = MATCHING_CREDENTIALS + "region = us-east-1\n";

        assertThatThrownBy(() -> check(credentials, MATCHING_CONFIG))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("the region is us-east-1 instead of eu-west-1");
    }

    @Test
    void rejectsMissingProfile() {
        assertThatThrownBy(() -> check("", ""))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("the profile is missing");
    }

    @Test
    void rejectsSessionTokenFromConfig() {
        String config = MATCHING_CONFIG + "aws_session_token = fake-token\n";

        assertThatThrownBy(() -> check(MATCHING_CREDENTIALS, config))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("aws_session_token");
    }

    @Test
    void rejectsCredentialProcess() {
        String config = MATCHING_CONFIG + "credential_process = /bin/get-key\n";

        assertThatThrownBy(() -> check(MATCHING_CREDENTIALS, config))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("credential_process");
    }
}

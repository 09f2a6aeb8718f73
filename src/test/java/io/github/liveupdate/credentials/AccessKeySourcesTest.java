package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.testing.RecordingReporter;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AccessKeySourcesTest {

    private static final AccessKeyPair FROM_IAM = new AccessKeyPair("AKIATESTFAKE0000IAM1", "fake-secret-from-iam");
    private static final AccessKeyPair FROM_SERVER =
            new AccessKeyPair("AKIATESTFAKE000SERV1", "fake-secret-from-server");
    private static final Function<String, AccessKeyPair> SERVER = id -> {
        assertThat(id).isEqualTo("aws-liveupdate");
        return FROM_SERVER;
    };
    private static final Function<String, AccessKeyPair> NO_SERVER = id -> {
        throw new AssertionError("the server must not be read");
    };

    private final RecordingReporter reporter = new RecordingReporter();

    @Test
    void prefersKeyFromSetupIam() {
        Optional<AccessKeyPair> key = AccessKeySources.choose(
                FROM_IAM, true, "AKIATESTFAKE00000001", "fake-secret", "aws-liveupdate", NO_SERVER, reporter);

        assertThat(key).contains(FROM_IAM);
        assertThat(reporter.all()).contains("WARN Ignoring -Dliveupdate.accessKeyId/secretAccessKey");
    }

    @Test
    void takesExplicitKey() {
        Optional<AccessKeyPair> key = AccessKeySources.choose(
                null, false, " AKIATESTFAKE00000001 ", "fake-secret", null, NO_SERVER, reporter);

        assertThat(key).contains(new AccessKeyPair("AKIATESTFAKE00000001", "fake-secret"));
    }

    @Test
    void rejectsSwappedExplicitKeyWithoutShowingIt() {
        String secretAsId = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKESECRET";

        assertThatThrownBy(() -> AccessKeySources.choose(
                        null, false, secretAsId, "AKIATESTFAKE00000001", null, NO_SERVER, reporter))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("not swapped")
                .hasMessageNotContaining("wJal")
                .hasMessageNotContaining("CRET");
    }

    @Test
    void secretGivenAloneAsIdIsNotShown() {
        String secretAsId = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKESECRET";

        assertThatThrownBy(() -> AccessKeySources.choose(null, false, secretAsId, null, null, NO_SERVER, reporter))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.secretAccessKey is not")
                .hasMessageNotContaining("wJal")
                .hasMessageNotContaining("CRET");
    }

    @Test
    void rejectsMalformedServerKeyId() {
        Function<String, AccessKeyPair> swapped =
                id -> new AccessKeyPair("fakeSecretWithoutSlashOfFortyCharacters1", "AKIATESTFAKE000SERV1");

        assertThatThrownBy(() -> AccessKeySources.choose(null, false, null, null, "aws-liveupdate", swapped, reporter))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("settings.xml server 'aws-liveupdate'");
    }

    @Test
    void acceptsShortKeyIdOfOtherStore() {
        Optional<AccessKeyPair> key =
                AccessKeySources.choose(null, false, "minioadmin", "minio-fake-secret", null, NO_SERVER, reporter);

        assertThat(key).isPresent();
    }

    @Test
    void explicitKeyWinsOverKeptKey() {
        Optional<AccessKeyPair> key =
                AccessKeySources.choose(null, true, "AKIATESTFAKE00000001", "fake-secret", null, NO_SERVER, reporter);

        assertThat(key).isPresent();
    }

    @Test
    void takesServerKey() {
        Optional<AccessKeyPair> key =
                AccessKeySources.choose(null, false, null, null, "aws-liveupdate", SERVER, reporter);

        assertThat(key).contains(FROM_SERVER);
    }

    @Test
    void keepsKeyWhenSetupIamCreatedNone() {
        Optional<AccessKeyPair> key = AccessKeySources.choose(null, true, null, "", null, NO_SERVER, reporter);

        assertThat(key).isEmpty();
    }

    @Test
    void noSourceListsThreeWays() {
        assertThatThrownBy(() -> AccessKeySources.choose(null, false, null, null, " ", NO_SERVER, reporter))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("setup-iam")
                .hasMessageContaining("-Dliveupdate.accessKeyId")
                .hasMessageContaining("-Dliveupdate.secretAccessKey")
                .hasMessageContaining("-Dliveupdate.serverId");
    }

    @Test
    void rejectsIdWithoutSecret() {
        assertThatThrownBy(() ->
                        AccessKeySources.choose(null, false, "AKIATESTFAKE00000001", null, null, NO_SERVER, reporter))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("AKIA************0001")
                .hasMessageContaining("-Dliveupdate.secretAccessKey is not");
    }

    @Test
    void rejectsSecretWithoutIdWithoutShowingIt() {
        assertThatThrownBy(() -> AccessKeySources.choose(null, false, null, "fake-secret-x", null, NO_SERVER, reporter))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.accessKeyId is not")
                .message()
                .doesNotContain("fake-secret-x");
    }

    @Test
    void rejectsExplicitKeyAndServer() {
        assertThatThrownBy(() -> AccessKeySources.choose(
                        null, false, "AKIATESTFAKE00000001", "fake-secret", "aws-liveupdate", NO_SERVER, reporter))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Set only one");
    }
}

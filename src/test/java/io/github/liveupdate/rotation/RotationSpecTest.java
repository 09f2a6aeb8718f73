package io.github.liveupdate.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RotationSpecTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void derivesUserNameFromBucket() {
        RotationSpec spec = RotationSpec.of("game-bucket", null, "liveupdate", WAIT, false, false);

        assertThat(spec.userName()).isEqualTo("liveupdate-game-bucket");
    }

    @Test
    void prefersConfiguredUserName() {
        RotationSpec spec = RotationSpec.of("game-bucket", " uploader ", "liveupdate", WAIT, false, false);

        assertThat(spec.userName()).isEqualTo("uploader");
    }

    @Test
    void needsBucketOrUserName() {
        assertThatThrownBy(() -> RotationSpec.of(" ", null, "liveupdate", WAIT, false, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.bucket=NAME");
    }

    @Test
    void rejectsInvalidUserName() {
        assertThatThrownBy(() -> RotationSpec.of(null, "no spaces", "liveupdate", WAIT, false, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("IAM user name 'no spaces' is invalid");
    }

    @Test
    void rejectsNegativeKeyWait() {
        assertThatThrownBy(
                        () -> RotationSpec.of("game-bucket", null, "liveupdate", Duration.ofSeconds(-1), false, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.keyWaitSeconds");
    }

    @Test
    void toStringOfResultMasksIds() {
        RotationResult result = new RotationResult(
                "user",
                "liveupdate",
                "AKIAOLDKEY0000000001",
                java.util.Optional.of("AKIANEWKEY0000000002"),
                java.util.Optional.empty());

        assertThat(result.toString()).doesNotContain("AKIAOLDKEY0000000001");
        assertThat(result.toString()).doesNotContain("AKIANEWKEY0000000002");
    }
}

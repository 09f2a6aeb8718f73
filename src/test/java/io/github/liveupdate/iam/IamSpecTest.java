package io.github.liveupdate.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IamSpecTest {

    @Test
    void unsetNamesDefaultToBucket() {
        IamSpec spec = new IamSpec("game-bucket", null, "aws", null, " ", Duration.ofSeconds(60), "liveupdate");

        assertThat(spec.policyName()).isEqualTo("liveupdate-game-bucket");
        assertThat(spec.userName()).isEqualTo("liveupdate-game-bucket");
    }

    @Test
    void prefixIsNormalized() {
        IamSpec spec = new IamSpec("game-bucket", "game/v1/", "aws", null, null, Duration.ZERO, "liveupdate");

        assertThat(spec.prefix()).isEqualTo("game/v1");
    }

    @Test
    void invalidUserNameIsRejected() {
        assertThatThrownBy(() -> new IamSpec("game-bucket", "", "aws", null, "bad name", Duration.ZERO, "liveupdate"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'bad name'");
    }

    @Test
    void negativeKeyWaitIsRejected() {
        assertThatThrownBy(
                        () -> new IamSpec("game-bucket", "", "aws", null, null, Duration.ofSeconds(-1), "liveupdate"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.keyWaitSeconds");
    }

    @Test
    void missingBucketIsRejected() {
        assertThatThrownBy(() -> new IamSpec(" ", "", "aws", null, null, Duration.ZERO, "liveupdate"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.bucket");
    }
}

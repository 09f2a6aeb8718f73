package io.github.liveupdate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifySpecTest {

    @Test
    void defaultsOrigin() {
        assertThat(new VerifySpec("game", "", "liveupdate", " ", false).origin())
                .isEqualTo("https://example.com");
    }

    @Test
    void normalizesPrefix() {
        assertThat(new VerifySpec("game", "game/v1/", "liveupdate", null, false).prefix())
                .isEqualTo("game/v1");
    }

    @Test
    void acceptsOriginWithPort() {
        assertThat(new VerifySpec("game", "", "liveupdate", "http://localhost:8080", false).origin())
                .isEqualTo("http://localhost:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "https://example.com/", "https://example.com/game", "ftp://example.com"})
    void rejectsInvalidOrigin(String origin) {
        assertThatThrownBy(() -> new VerifySpec("game", "", "liveupdate", origin, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.verifyOrigin");
    }

    @Test
    void rejectsMissingBucket() {
        assertThatThrownBy(() -> new VerifySpec(" ", "", "liveupdate", null, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.bucket");
    }
}

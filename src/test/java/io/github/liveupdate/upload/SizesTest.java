package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void formatsBytes() {
        assertThat(Sizes.bytes(512)).isEqualTo("512 B");
        assertThat(Sizes.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    }

    @Test
    void formatsDurations() {
        assertThat(Sizes.duration(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(Sizes.duration(Duration.ofSeconds(35))).isEqualTo("35 s");
        assertThat(Sizes.duration(Duration.ofSeconds(250))).isEqualTo("4 min 10 s");
        assertThat(Sizes.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }

    @Test
    void formatsCountsWithSeparators() {
        assertThat(Sizes.count(100_000)).isEqualTo("100,000");
    }
}

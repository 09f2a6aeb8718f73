package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UploadSpecTest {

    private static final Path SOURCE = Path.of("game.zip");

    @Test
    void fillsInDefaults() {
        UploadSpec spec = new UploadSpec(SOURCE, "bucket", null, null, 32, null, null, false);

        assertThat(spec.prefix()).isEmpty();
        assertThat(spec.layout()).isEqualTo(Layout.RESOURCES);
        assertThat(spec.resourceCacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(spec.manifestCacheControl()).isEqualTo("no-cache");
    }

    @Test
    void normalizesPrefix() {
        UploadSpec spec = new UploadSpec(SOURCE, "bucket", "game/v1/", null, 32, null, null, false);

        assertThat(spec.prefix()).isEqualTo("game/v1");
    }

    @Test
    void rejectsMissingSource() {
        assertThatThrownBy(() -> new UploadSpec(null, "bucket", "", null, 32, null, null, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.source");
    }

    @Test
    void rejectsMissingBucket() {
        assertThatThrownBy(() -> new UploadSpec(SOURCE, " ", "", null, 32, null, null, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.bucket");
    }

    @Test
    void rejectsConcurrencyOutOfRange() {
        assertThatThrownBy(() -> new UploadSpec(SOURCE, "bucket", "", null, 0, null, null, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.concurrency");
        assertThatThrownBy(() -> new UploadSpec(SOURCE, "bucket", "", null, 257, null, null, false))
                .isInstanceOf(LiveUpdateException.class);
    }

    @Test
    void rejectsHeaderValueWithLineBreak() {
        assertThatThrownBy(() -> new UploadSpec(SOURCE, "bucket", "", null, 8, "no-cache\r\nX-Evil: 1", null, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("resourceCacheControl");
    }
}

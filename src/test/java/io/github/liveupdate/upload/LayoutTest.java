package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void parsesIgnoringCase() {
        assertThat(Layout.parse("Archive")).isEqualTo(Layout.ARCHIVE);
    }

    @Test
    void defaultsToResources() {
        assertThat(Layout.parse(null)).isEqualTo(Layout.RESOURCES);
    }

    @Test
    void rejectsUnknownLayout() {
        assertThatThrownBy(() -> Layout.parse("flat"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'flat'")
                .hasMessageContaining("-Dliveupdate.layout");
    }
}

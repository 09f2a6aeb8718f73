package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryNamesTest {

    @Test
    void keepsHashName() {
        String hash = "0123456789abcdef0123456789abcdef01234567";

        assertThat(EntryNames.check(hash, "game.zip")).isEqualTo(hash);
    }

    @Test
    void normalizesToNfc() {
        String decomposed = "cafe\u0301.png";

        assertThat(EntryNames.check(decomposed, "folder")).isEqualTo("caf\u00e9.png");
    }

    @Test
    void keepsNameStartingWithDots() {
        assertThat(EntryNames.check("..data", "folder")).isEqualTo("..data");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "../x|'..' segment",
                "a/../../x|'..' segment",
                "..|'..' segment",
                "/etc/passwd|absolute path",
                "C:/x|absolute path",
                "c:x|absolute path",
                "a\\b|backslash",
                "..\\x|backslash",
                "sub/0123456789abcdef0123456789abcdef01234567|inside a folder",
                "sub/|inside a folder",
                ".|it is '.'",
            })
    void rejectsUnsafeName(String name, String reason) {
        assertThatThrownBy(() -> EntryNames.check(name, "zip game.zip"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("game.zip");
    }

    @Test
    void rejectsEmptyName() {
        assertThatThrownBy(() -> EntryNames.check("", "zip game.zip")).hasMessageContaining("empty");
    }

    @Test
    void rejectsControlCharacterAndShowsIt() {
        assertThatThrownBy(() -> EntryNames.check("a\nb", "zip game.zip"))
                .hasMessageContaining("control character")
                .hasMessageContaining("a\\u000ab");
    }
}

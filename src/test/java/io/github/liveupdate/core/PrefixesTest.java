package io.github.liveupdate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"game|game", "game/v1/|game/v1", " game/v1 |game/v1", "a-b_c.d/e|a-b_c.d/e"})
    void normalizesValidPrefixes(String input, String expected) {
        assertThat(Prefixes.normalize(input)).isEqualTo(expected);
    }

    @Test
    void treatsBlankAsNoPrefix() {
        assertThat(Prefixes.normalize(null)).isEmpty();
        assertThat(Prefixes.normalize("  ")).isEmpty();
    }

    @Test
    void normalizesToNfc() {
        String decomposed = "cafe\u0301";

        assertThat(Prefixes.normalize(decomposed)).isEqualTo("caf\u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/game", "game/../x", "..", "./game", "game//v1", "game\\v1", "game/\u0007"})
    void rejectsUnsafePrefixes(String prefix) {
        assertThatThrownBy(() -> Prefixes.normalize(prefix))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.prefix");
    }

    @Test
    void rejectsLeadingSlashWithReason() {
        assertThatThrownBy(() -> Prefixes.normalize("/game")).hasMessageContaining("starts with '/'");
    }

    @Test
    void buildsKeysAndPatterns() {
        assertThat(Prefixes.key("", "liveupdate.game.dmanifest")).isEqualTo("liveupdate.game.dmanifest");
        assertThat(Prefixes.key("game/v1", "abc")).isEqualTo("game/v1/abc");
        assertThat(Prefixes.objectPattern("")).isEqualTo("*");
        assertThat(Prefixes.objectPattern("game/v1")).isEqualTo("game/v1/*");
    }

    @Test
    void escapesPolicyWildcards() {
        assertThat(Prefixes.escapeForPolicy("game*")).isEqualTo("game${*}");
        assertThat(Prefixes.escapeForPolicy("v?")).isEqualTo("v${?}");
        assertThat(Prefixes.escapeForPolicy("a$b")).isEqualTo("a${$}b");
        assertThat(Prefixes.escapeForPolicy("game/v1")).isEqualTo("game/v1");
    }
}

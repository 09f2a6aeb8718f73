package io.github.liveupdate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextLinesTest {

    record Plain(int number, String text, String ending) implements TextLines.Line {}

    @Test
    void keepsEachLineEnding() {
        List<Plain> lines = TextLines.split("a\r\nb\rc\nd", Plain::new);

        assertThat(lines)
                .containsExactly(
                        new Plain(1, "a", "\r\n"),
                        new Plain(2, "b", "\r"),
                        new Plain(3, "c", "\n"),
                        new Plain(4, "d", ""));
    }

    @Test
    void findsFirstLineEnding() {
        assertThat(TextLines.lineEndingOf(TextLines.split("a\r\nb\n", Plain::new)))
                .isEqualTo("\r\n");
    }

    @Test
    void defaultsToNewlineWithoutEndings() {
        assertThat(TextLines.lineEndingOf(TextLines.split("a", Plain::new))).isEqualTo("\n");
    }

    @Property
    void joinGivesInputBack(
            @ForAll @StringLength(max = 60) @Chars({'\r', '\n', ' ', '='}) @CharRange(from = 'a', to = 'c')
                    String content) {
        assertThat(TextLines.join(TextLines.split(content, Plain::new))).isEqualTo(content);
    }
}

package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.defold.LiveUpdateSettingsEditor.Result;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveUpdateSettingsEditorTest {

    private static final Map<String, String> AMAZON = amazon("game-uploader", "my-game-liveupdate", "game/v1");

    @Test
    void emptyFileGetsSection() {
        Result result = edit("");

        assertThat(result.content())
                .isEqualTo("[liveupdate]\n"
                        + "mode = Amazon\n"
                        + "amazon-credential-profile = game-uploader\n"
                        + "amazon-bucket = my-game-liveupdate\n"
                        + "amazon-prefix = game/v1\n");
        assertThat(result.changedKeys())
                .containsExactly("mode", "amazon-credential-profile", "amazon-bucket", "amazon-prefix");
    }

    @Test
    void keepsOtherKeysAndComments() {
        String before = "[liveupdate]\n"
                + "# written by the Defold editor\n"
                + "mode = Zip\n"
                + "zip-filepath = /home/dev/out\n"
                + "supported-versions = 1.0\n";

        Result result = edit(before);

        assertThat(result.content())
                .isEqualTo("[liveupdate]\n"
                        + "# written by the Defold editor\n"
                        + "mode = Amazon\n"
                        + "zip-filepath = /home/dev/out\n"
                        + "supported-versions = 1.0\n"
                        + "amazon-credential-profile = game-uploader\n"
                        + "amazon-bucket = my-game-liveupdate\n"
                        + "amazon-prefix = game/v1\n");
    }

    @Test
    void sameValuesLeaveFileUnchanged() {
        String before = "[liveupdate]\r\n"
                + "mode=Amazon\r\n"
                + "AMAZON-BUCKET   =   my-game-liveupdate  \r\n"
                + "amazon-credential-profile = game-uploader\r\n"
                + "amazon-prefix = game/v1\r\n";

        Result result = edit(before);

        assertThat(result.content()).isEqualTo(before);
        assertThat(result.changed()).isFalse();
    }

    @Test
    void changesOnlyTheValue() {
        String before = "[liveupdate]\n  Amazon-Bucket\t=\told-bucket\n";

        Result result = edit(before, Map.of("amazon-bucket", "new-bucket"));

        assertThat(result.content()).isEqualTo("[liveupdate]\n  Amazon-Bucket\t=\tnew-bucket\n");
    }

    @Test
    void fillsEmptyValue() {
        Result result = edit("[liveupdate]\namazon-bucket =\n", Map.of("amazon-bucket", "b1"));

        assertThat(result.content()).isEqualTo("[liveupdate]\namazon-bucket = b1\n");
    }

    @Test
    void emptyValueHasNoTrailingSpace() {
        Result result = edit("[liveupdate]\namazon-prefix = old\n", Map.of("amazon-prefix", ""));

        assertThat(result.content()).isEqualTo("[liveupdate]\namazon-prefix =\n");
    }

    @Test
    void keyWithoutEqualsGetsValue() {
        Result result = edit("[liveupdate]\nmode\n", Map.of("mode", "Amazon"));

        assertThat(result.content()).isEqualTo("[liveupdate]\nmode = Amazon\n");
    }

    @Test
    void newKeysFollowCompactStyle() {
        Result result = edit("[liveupdate]\nmode=Zip\n", amazon("p", "b", ""));

        assertThat(result.content())
                .isEqualTo("[liveupdate]\nmode=Amazon\namazon-credential-profile=p\namazon-bucket=b\namazon-prefix=\n");
    }

    @Test
    void updatesEveryDuplicate() {
        Result result = edit(
                "[liveupdate]\namazon-bucket = one\nzip-filepath = x\namazon-bucket = two\n",
                Map.of("amazon-bucket", "three"));

        assertThat(result.content())
                .isEqualTo("[liveupdate]\namazon-bucket = three\nzip-filepath = x\namazon-bucket = three\n");
    }

    @Test
    void addsKeysBeforeNextSection() {
        Result result = edit("[liveupdate]\nmode = Zip\n\n[other]\nkey = value\n", Map.of("amazon-bucket", "b"));

        assertThat(result.content()).isEqualTo("[liveupdate]\nmode = Zip\namazon-bucket = b\n\n[other]\nkey = value\n");
    }

    @Test
    void addsKeysRightAfterEmptySection() {
        Result result = edit("# top\n[liveupdate]\n\n# end\n", Map.of("amazon-bucket", "b"));

        assertThat(result.content()).isEqualTo("# top\n[liveupdate]\namazon-bucket = b\n\n# end\n");
    }

    @Test
    void appendsSectionAfterBlankLine() {
        Result result = edit("[other]\nkey = value\n", Map.of("mode", "Amazon"));

        assertThat(result.content()).isEqualTo("[other]\nkey = value\n\n[liveupdate]\nmode = Amazon\n");
    }

    @Test
    void keepsCrlfLineEndings() {
        Result result = edit("[liveupdate]\r\nmode = Zip\r\n", Map.of("mode", "Amazon", "amazon-bucket", "b"));

        assertThat(result.content()).doesNotContain("\r\r").contains("\r\n").doesNotContainPattern("[^\r]\n");
    }

    @Test
    void keepsMissingFinalLineEnding() {
        Result result = edit("[liveupdate]\nmode = Zip", new LinkedHashMap<>(Map.of("amazon-bucket", "b")));

        assertThat(result.content()).isEqualTo("[liveupdate]\nmode = Zip\namazon-bucket = b");
    }

    @Test
    void appendedSectionKeepsMissingFinalLineEnding() {
        Result result = edit("[other]\nkey = value", Map.of("mode", "Amazon"));

        assertThat(result.content()).isEqualTo("[other]\nkey = value\n\n[liveupdate]\nmode = Amazon");
    }

    @Test
    void blankLineAfterLoneCarriageReturnStaysBlank() {
        Result result = edit("a = b\nc = d\r", Map.of("mode", "Amazon"));

        assertThat(result.content()).isEqualTo("a = b\nc = d\r\r[liveupdate]\nmode = Amazon\n");
    }

    @Test
    void blankLineAfterInsertedKeyStaysBlank() {
        Result result = edit("[liveupdate]\rzip-filepath=x\n\n", Map.of("mode", "Amazon"));

        assertThat(result.content()).isEqualTo("[liveupdate]\rzip-filepath=x\nmode=Amazon\r\n\n");
    }

    @Test
    void keepsByteOrderMark() {
        Result result = edit("\uFEFF[liveupdate]\nmode = Zip\n", Map.of("mode", "Amazon"));

        assertThat(result.content()).isEqualTo("\uFEFF[liveupdate]\nmode = Amazon\n");
    }

    @Test
    void rejectsTwoSections() {
        assertThatThrownBy(() -> edit("[liveupdate]\nmode = Zip\n[other]\n[LiveUpdate]\nmode = Folder\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("lines 1, 4")
                .hasMessageContaining("Merge them");
    }

    @Test
    void rejectsBrokenHeader() {
        assertThatThrownBy(() -> edit("[liveupdate\nmode = Zip\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Line 1 of liveupdate.settings");
    }

    @Test
    void rejectsEqualsInValue() {
        assertThatThrownBy(() -> edit("", Map.of("amazon-prefix", "a=b")))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'a=b'")
                .hasMessageContaining("amazon-prefix");
    }

    @Test
    void rejectsLineBreakInValue() {
        assertThatThrownBy(() -> edit("", Map.of("amazon-bucket", "a\nmode = Zip")))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("line break");
    }

    @Test
    void leavesKeysOfOtherSections() {
        Result result = edit("[other]\nmode = Zip\n[liveupdate]\nmode = Zip\n", Map.of("mode", "Amazon"));

        assertThat(result.content()).isEqualTo("[other]\nmode = Zip\n[liveupdate]\nmode = Amazon\n");
    }

    private static Result edit(String content) {
        return edit(content, AMAZON);
    }

    private static Result edit(String content, Map<String, String> values) {
        return new LiveUpdateSettingsEditor("liveupdate.settings").edit(content, values);
    }

    private static Map<String, String> amazon(String profile, String bucket, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mode", "Amazon");
        values.put("amazon-credential-profile", profile);
        values.put("amazon-bucket", bucket);
        values.put("amazon-prefix", prefix);
        return values;
    }
}

package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import org.junit.jupiter.api.Test;

class LiveUpdateSettingsTest {

    private static final String EDITOR_FILE = "[liveupdate]\n"
            + "mode = Zip\n"
            + "amazon-credential-profile = game-uploader\n"
            + "amazon-bucket = my-game-liveupdate\n"
            + "amazon-prefix = game/v1\n"
            + "zip-filepath = build/liveupdate\n"
            + "zip-filename = game.zip\n"
            + "supported-versions = 1.0\n";

    @Test
    void readsEveryKnownKey() {
        LiveUpdateSettings settings = LiveUpdateSettings.parse(EDITOR_FILE, "liveupdate.settings");

        assertThat(settings.mode()).hasValue(LiveUpdateMode.ZIP);
        assertThat(settings.amazonCredentialProfile()).hasValue("game-uploader");
        assertThat(settings.amazonBucket()).hasValue("my-game-liveupdate");
        assertThat(settings.amazonPrefix()).hasValue("game/v1");
        assertThat(settings.zipFilepath()).hasValue("build/liveupdate");
        assertThat(settings.zipFilename()).hasValue("game.zip");
    }

    @Test
    void trimsValuesAndKeys() {
        LiveUpdateSettings settings =
                LiveUpdateSettings.parse("  [ liveupdate ]  \n\t amazon-bucket   =   spaced-bucket \t\n", "f");

        assertThat(settings.amazonBucket()).hasValue("spaced-bucket");
    }

    @Test
    void matchesKeysAndSectionInAnyCase() {
        LiveUpdateSettings settings = LiveUpdateSettings.parse("[LiveUpdate]\nAmazon-Bucket = upper\n", "f");

        assertThat(settings.amazonBucket()).hasValue("upper");
    }

    @Test
    void emptyValueCountsAsUnset() {
        LiveUpdateSettings settings = LiveUpdateSettings.parse("[liveupdate]\namazon-bucket =\nmode = \n", "f");

        assertThat(settings.amazonBucket()).isEmpty();
        assertThat(settings.mode()).isEmpty();
    }

    @Test
    void ignoresOtherSections() {
        LiveUpdateSettings settings =
                LiveUpdateSettings.parse("[other]\namazon-bucket = wrong\n[liveupdate]\nmode = Folder\n", "f");

        assertThat(settings.amazonBucket()).isEmpty();
        assertThat(settings.mode()).hasValue(LiveUpdateMode.FOLDER);
    }

    @Test
    void ignoresCommentLines() {
        LiveUpdateSettings settings =
                LiveUpdateSettings.parse("[liveupdate]\n# amazon-bucket = commented\n; mode = Zip\n", "f");

        assertThat(settings.amazonBucket()).isEmpty();
        assertThat(settings.mode()).isEmpty();
    }

    @Test
    void laterDuplicateWins() {
        LiveUpdateSettings settings =
                LiveUpdateSettings.parse("[liveupdate]\namazon-bucket = first\namazon-bucket = second\n", "f");

        assertThat(settings.amazonBucket()).hasValue("second");
    }

    @Test
    void splitsAtFirstEquals() {
        LiveUpdateSettings settings = LiveUpdateSettings.parse("[liveupdate]\namazon-prefix = a=b\n", "f");

        assertThat(settings.amazonPrefix()).hasValue("a=b");
    }

    @Test
    void readsCrlfAndByteOrderMark() {
        LiveUpdateSettings settings =
                LiveUpdateSettings.parse("\uFEFF[liveupdate]\r\nmode = Amazon\r\namazon-bucket = b\r\n", "f");

        assertThat(settings.mode()).hasValue(LiveUpdateMode.AMAZON);
        assertThat(settings.amazonBucket()).hasValue("b");
    }

    @Test
    void lowercaseModeIsInvalid() {
        LiveUpdateSettings settings =
                LiveUpdateSettings.parse("[liveupdate]\n\nmode = zip\n", "/game/liveupdate.settings");

        assertThatThrownBy(settings::mode)
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Line 3 of /game/liveupdate.settings")
                .hasMessageContaining("mode = zip")
                .hasMessageContaining("Amazon, Zip or Folder");
    }

    @Test
    void retiredDefoldModeIsInvalid() {
        LiveUpdateSettings settings = LiveUpdateSettings.parse("[liveupdate]\nmode = Defold\n", "f");

        assertThatThrownBy(settings::mode)
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Defold");
    }

    @Test
    void invalidModeDoesNotHideOtherKeys() {
        LiveUpdateSettings settings =
                LiveUpdateSettings.parse("[liveupdate]\nmode = S3\namazon-bucket = still-read\n", "f");

        assertThat(settings.amazonBucket()).hasValue("still-read");
    }

    @Test
    void headerWithoutBracketNamesTheLine() {
        assertThatThrownBy(() -> LiveUpdateSettings.parse("[liveupdate]\nmode = Zip\n[other\n", "settings-file"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Line 3 of settings-file")
                .hasMessageContaining("']'");
    }

    @Test
    void bundleFolderFlagsNeedOne() {
        LiveUpdateSettings on = LiveUpdateSettings.parse(
                "[liveupdate]\nsave-zip-in-bundle-folder = 1\nsave-folder-in-bundle-folder = 1\n", "f");
        LiveUpdateSettings off = LiveUpdateSettings.parse(
                "[liveupdate]\nsave-zip-in-bundle-folder = 0\nsave-folder-in-bundle-folder = true\n", "f");

        assertThat(on.saveZipInBundleFolder()).isTrue();
        assertThat(on.saveFolderInBundleFolder()).isTrue();
        assertThat(off.saveZipInBundleFolder()).isFalse();
        assertThat(off.saveFolderInBundleFolder()).isFalse();
    }

    @Test
    void describesKeyLocation() {
        LiveUpdateSettings settings = LiveUpdateSettings.parse("[liveupdate]\nmode = Amazon\n", "settings-file");

        assertThat(settings.describeLocation("mode")).isEqualTo("line 2 of settings-file");
        assertThat(settings.describeLocation("zip-filepath")).isEqualTo("settings-file");
    }
}

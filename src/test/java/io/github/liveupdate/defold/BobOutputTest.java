package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BobOutputTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @TempDir
    Path root;

    private final RecordingReporter reporter = new RecordingReporter();

    @Test
    void zipFilenameNamesTheZip() throws IOException {
        Path zip = file("build/liveupdate/game.zip", NOW);

        Path found = locate("mode = Zip\nzip-filepath = build/liveupdate\nzip-filename = game.zip\n");

        assertThat(found).isEqualTo(zip);
        assertThat(reporter.all()).contains("the zip that settings names");
    }

    @Test
    void absoluteZipFilepathIsKept() throws IOException {
        Path zip = file("elsewhere/game.zip", NOW);

        Path found = locate("mode = Zip\nzip-filepath = " + zip.getParent() + "\nzip-filename = game.zip\n");

        assertThat(found).isEqualTo(zip);
    }

    @Test
    void missingZipFilepathMeansProjectFolder() throws IOException {
        Path zip = file("game.zip", NOW);

        assertThat(locate("mode = Zip\nzip-filename = game.zip\n")).isEqualTo(zip);
    }

    @Test
    void namedZipMustExist() {
        assertThatThrownBy(() -> locate("mode = Zip\nzip-filepath = out\nzip-filename = game.zip\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("game.zip")
                .hasMessageContaining("line 4 of settings")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("<source>");
    }

    @Test
    void picksNewestZipWithoutFilename() throws IOException {
        file("out/defold.resourcepack_wasm-web_111.zip", NOW.minusSeconds(3600));
        Path newest = file("out/defold.resourcepack_wasm-web_222.zip", NOW);
        file("out/notes.txt", NOW.plusSeconds(60));

        Path found = locate("mode = Zip\nzip-filepath = out\n");

        assertThat(found).isEqualTo(newest);
        assertThat(reporter.all()).contains("the newest of 2 zips");
    }

    @Test
    void singleZipIsTaken() throws IOException {
        Path zip = file("out/defold.resourcepack_x86_64-linux_5.zip", NOW);

        assertThat(locate("mode = Zip\nzip-filepath = out\n")).isEqualTo(zip);
        assertThat(reporter.all()).contains("the only zip in");
    }

    @Test
    void zipsOfSameTimeAreAmbiguous() throws IOException {
        file("out/a.zip", NOW);
        file("out/b.zip", NOW.minusSeconds(1));
        file("out/old.zip", NOW.minusSeconds(3600));

        assertThatThrownBy(() -> locate("mode = Zip\nzip-filepath = out\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("a.zip, b.zip")
                .hasMessageNotContaining("old.zip")
                .hasMessageContaining("<source>");
    }

    @Test
    void hiddenZipsAreIgnored() throws IOException {
        Path zip = file("out/game.zip", NOW);
        file("out/._game.zip", NOW);

        assertThat(locate("mode = Zip\nzip-filepath = out\n")).isEqualTo(zip);
    }

    @Test
    void emptyFolderNamesTheKey() throws IOException {
        Files.createDirectories(root.resolve("out"));

        assertThatThrownBy(() -> locate("mode = Zip\nzip-filepath = out\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("No zip found in " + root.resolve("out"))
                .hasMessageContaining("line 3 of settings")
                .hasMessageContaining("bob --archive --liveupdate yes");
    }

    @Test
    void zipInBundleFolderNeedsSource() {
        assertThatThrownBy(() -> locate("mode = Zip\nsave-zip-in-bundle-folder = 1\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("save-zip-in-bundle-folder = 1")
                .hasMessageContaining("<source>");
    }

    @Test
    void amazonModeNeedsSource() {
        assertThatThrownBy(() -> locate("mode = Amazon\namazon-bucket = b\nzip-filepath = out\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("line 2 of settings sets mode = Amazon")
                .hasMessageContaining("<source>");
    }

    @Test
    void missingModeNeedsSource() {
        assertThatThrownBy(() -> locate("zip-filepath = out\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("sets no mode")
                .hasMessageContaining("<source>");
    }

    @Test
    void invalidModeNamesTheLine() {
        assertThatThrownBy(() -> locate("mode = zip\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Line 2 of settings");
    }

    @Test
    void outputFolderNameNamesTheFolder() throws IOException {
        Path folder = Files.createDirectories(root.resolve("lu/content"));

        Path found = locate("mode = Folder\noutput-directory = lu\noutput-folder-name = content\n");

        assertThat(found).isEqualTo(folder);
    }

    @Test
    void picksNewestBobFolder() throws IOException {
        folder("lu/defold_resources_wasm-web1700000000", NOW.minusSeconds(600));
        Path newest = folder("lu/defold_resources_wasm-web1700000600", NOW);
        folder("lu/unrelated", NOW.plusSeconds(600));

        Path found = locate("mode = Folder\noutput-directory = lu\n");

        assertThat(found).isEqualTo(newest);
    }

    @Test
    void folderInBundleFolderNeedsSource() {
        assertThatThrownBy(() -> locate("mode = Folder\nsave-folder-in-bundle-folder = 1\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("save-folder-in-bundle-folder = 1");
    }

    private Path locate(String body) {
        LiveUpdateSettings settings = LiveUpdateSettings.parse("[liveupdate]\n" + body, "settings");
        return BobOutput.locate(root, settings, reporter);
    }

    private Path file(String name, Instant modified) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private Path folder(String name, Instant modified) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.setLastModifiedTime(folder, FileTime.from(modified));
        return folder;
    }
}

package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveUpdateSettingsWriterTest {

    private static final AmazonSettings VALUES = new AmazonSettings("game-uploader", "my-game-liveupdate", "game/v1");

    @TempDir
    Path root;

    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void writeGameProject() throws IOException {
        Files.writeString(root.resolve("game.project"), "[project]\ntitle = Game\n");
    }

    @Test
    void createsFileAtDefaultPath() throws IOException {
        Outcome outcome = write(false);

        assertThat(outcome).isEqualTo(Outcome.CREATED);
        assertThat(Files.readString(root.resolve("liveupdate.settings")))
                .isEqualTo("[liveupdate]\nmode = Amazon\namazon-credential-profile = game-uploader\n"
                        + "amazon-bucket = my-game-liveupdate\namazon-prefix = game/v1\n");
        assertThat(Files.readString(root.resolve("game.project"))).isEqualTo("[project]\ntitle = Game\n");
    }

    @Test
    void createsFileThatGameProjectNames() throws IOException {
        Files.writeString(root.resolve("game.project"), "[liveupdate]\nsettings = /config/lu.settings\n");

        write(false);

        assertThat(root.resolve("config/lu.settings")).exists();
        assertThat(root.resolve("liveupdate.settings")).doesNotExist();
    }

    @Test
    void updatesAndKeepsOtherKeys() throws IOException {
        Files.writeString(root.resolve("liveupdate.settings"), "[liveupdate]\nmode = Zip\nzip-filepath = out\n");

        Outcome outcome = write(false);

        assertThat(outcome).isEqualTo(Outcome.UPDATED);
        assertThat(Files.readString(root.resolve("liveupdate.settings"))).contains("zip-filepath = out\n");
    }

    @Test
    void secondWriteIsUnchanged() throws IOException {
        write(false);
        Path file = root.resolve("liveupdate.settings");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);

        Outcome outcome = write(false);

        assertThat(outcome).isEqualTo(Outcome.UNCHANGED);
        assertThat(Files.getLastModifiedTime(file)).as("file not rewritten").isEqualTo(old);
    }

    @Test
    void reportsOneLineWithOutcome() {
        write(false);

        assertThat(reporter.lines)
                .containsExactly(
                        "INFO Live update settings " + root.resolve("liveupdate.settings")
                                + " (mode Amazon, bucket my-game-liveupdate, prefix 'game/v1', profile 'game-uploader'): created");
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        Files.writeString(root.resolve("liveupdate.settings"), "[liveupdate]\nmode = Zip\n");

        Outcome outcome = write(true);

        assertThat(outcome).isEqualTo(Outcome.PLANNED);
        assertThat(Files.readString(root.resolve("liveupdate.settings"))).isEqualTo("[liveupdate]\nmode = Zip\n");
        assertThat(reporter.all()).contains("Dry run: would set mode, amazon-credential-profile");
    }

    @Test
    void dryRunCreatesNothing() {
        Outcome outcome = write(true);

        assertThat(outcome).isEqualTo(Outcome.PLANNED);
        assertThat(root.resolve("liveupdate.settings")).doesNotExist();
    }

    @Test
    void reportsModeChangeFromZip() throws IOException {
        Files.writeString(root.resolve("liveupdate.settings"), "[liveupdate]\nmode = Zip\n");

        write(false);

        assertThat(reporter.all()).contains("from Zip to Amazon").contains("-Dliveupdate.writeSettings=false");
    }

    @Test
    void keepsPermissionsOfFile() throws IOException {
        Path file = Files.writeString(root.resolve("liveupdate.settings"), "[liveupdate]\nmode = Zip\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        write(false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw-r--");
    }

    @Test
    void newFileGetsGameProjectPermissions() throws IOException {
        Files.setPosixFilePermissions(root.resolve("game.project"), PosixFilePermissions.fromString("rw-r-----"));

        write(false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("liveupdate.settings"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void keepsSymbolicLink() throws IOException {
        Path real = Files.writeString(root.resolve("shared.settings"), "[liveupdate]\nmode = Zip\n");
        Path link = Files.createSymbolicLink(root.resolve("liveupdate.settings"), real.getFileName());

        write(false);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("mode = Amazon");
    }

    @Test
    void leavesNoTemporaryFile() throws IOException {
        write(false);

        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("game.project", "liveupdate.settings");
        }
    }

    @Test
    void checkRejectsTwoSections() throws IOException {
        Files.writeString(root.resolve("liveupdate.settings"), "[liveupdate]\n[liveupdate]\n");
        DefoldProject project = DefoldProject.find(root).orElseThrow();
        LiveUpdateSettingsWriter writer = new LiveUpdateSettingsWriter(reporter);

        assertThatThrownBy(() -> writer.check(project, VALUES))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("more than one [liveupdate] section");
    }

    @Test
    void folderInPlaceOfFileFails() throws IOException {
        Files.createDirectory(root.resolve("liveupdate.settings"));

        assertThatThrownBy(() -> write(false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("is not a file");
    }

    @Test
    void invalidBucketIsRejected() {
        assertThatThrownBy(() -> new AmazonSettings("p", "My_Bucket", ""))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'My_Bucket'");
    }

    @Test
    void prefixIsNormalized() {
        assertThat(new AmazonSettings("p", "bucket-name", "game/v1/").prefix()).isEqualTo("game/v1");
    }

    private Outcome write(boolean dryRun) {
        DefoldProject project = DefoldProject.find(root).orElseThrow();
        return new LiveUpdateSettingsWriter(reporter).write(project, VALUES, dryRun);
    }
}

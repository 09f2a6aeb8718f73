package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.testing.LiveUpdateFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSourceTest {

    @TempDir
    Path folder;

    @Test
    void listsZipEntriesWithSizes() throws IOException {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(1).resources(3);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));

        try (ContentSource source = ContentSource.open(zip)) {
            LiveUpdateFixtures.Resource first = fixtures.resource(0);
            SourceEntry entry = source.entry(first.hash()).orElseThrow();

            assertThat(source.isZip()).isTrue();
            assertThat(source.entries()).hasSize(4);
            assertThat(entry.size()).isEqualTo(first.entry().length);
            try (InputStream in = source.open(entry)) {
                assertThat(in.readAllBytes()).isEqualTo(first.entry());
            }
        }
    }

    @Test
    void readsFolderLikeZip() throws IOException {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(1).resources(3);
        Path content = fixtures.writeFolder(folder.resolve("content"));

        try (ContentSource source = ContentSource.open(content)) {
            LiveUpdateFixtures.Resource first = fixtures.resource(0);

            assertThat(source.isZip()).isFalse();
            assertThat(source.entries()).hasSize(4);
            try (InputStream in = source.open(source.entry(first.hash()).orElseThrow())) {
                assertThat(in.readAllBytes()).isEqualTo(first.entry());
            }
        }
    }

    @Test
    void rejectsZipSlipEntry() {
        Path zip = LiveUpdateFixtures.seeded(1)
                .resources(2)
                .extraEntry("../x", new byte[] {1})
                .writeZip(folder.resolve("game.zip"));

        assertThatThrownBy(() -> ContentSource.open(zip))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'../x'")
                .hasMessageContaining("'..' segment");
    }

    @Test
    void rejectsZipEntryInSubfolder() {
        Path zip = LiveUpdateFixtures.seeded(1)
                .resources(1)
                .extraEntry("sub/x", new byte[] {1})
                .writeZip(folder.resolve("game.zip"));

        assertThatThrownBy(() -> ContentSource.open(zip)).hasMessageContaining("inside a folder");
    }

    @Test
    void rejectsEntriesEqualAfterNormalization() throws IOException {
        Path zip = folder.resolve("game.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("caf\u00e9.png"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("cafe\u0301.png"));
            out.closeEntry();
        }

        assertThatThrownBy(() -> ContentSource.open(zip))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void rejectsDuplicateEntryNames() throws IOException {
        Path zip = folder.resolve("game.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("name-a"));
            out.write(1);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("name-b"));
            out.write(2);
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("name-b", "name-a");
        Files.write(zip, text.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ContentSource.open(zip))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'name-a' twice");
    }

    @Test
    void rejectsFileThatIsNotZip() throws IOException {
        Path file = Files.writeString(folder.resolve("game.zip"), "not a zip");

        assertThatThrownBy(() -> ContentSource.open(file))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("neither a zip file nor a folder")
                .hasMessageContaining("-Dliveupdate.source");
    }

    @Test
    void rejectsMissingPath() {
        Path missing = folder.resolve("nowhere");

        assertThatThrownBy(() -> ContentSource.open(missing))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining(missing + " does not exist")
                .hasMessageContaining("<source>");
    }

    @Test
    void rejectsSubfolder() throws IOException {
        Path content = LiveUpdateFixtures.seeded(1).resources(1).writeFolder(folder.resolve("content"));
        Files.createDirectory(content.resolve("nested"));

        assertThatThrownBy(() -> ContentSource.open(content))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("subfolder 'nested'");
    }

    @Test
    void leavesOutSymbolicLinksAndHiddenFiles() throws IOException {
        Path content = LiveUpdateFixtures.seeded(1).resources(1).writeFolder(folder.resolve("content"));
        Path secret = Files.writeString(folder.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(content.resolve("link.txt"), secret);
        Files.createSymbolicLink(content.resolve("linked-folder"), folder);
        Files.writeString(content.resolve(".DS_Store"), "finder");

        try (ContentSource source = ContentSource.open(content)) {
            assertThat(source.entries()).extracting(SourceEntry::name).doesNotContain("link.txt", ".DS_Store");
            assertThat(source.ignored()).containsExactly(".DS_Store", "link.txt", "linked-folder");
        }
    }

    @Test
    void keepsEmptyFile() throws IOException {
        Path content = LiveUpdateFixtures.seeded(1).resources(1).writeFolder(folder.resolve("content"));
        Files.write(content.resolve("empty.txt"), new byte[0]);

        try (ContentSource source = ContentSource.open(content)) {
            assertThat(source.entry("empty.txt").orElseThrow().size()).isZero();
        }
    }

    @Test
    void namesFolderFilesInNfc() throws IOException {
        Path content = Files.createDirectory(folder.resolve("content"));
        Files.write(content.resolve("cafe\u0301.png"), new byte[] {1});

        try (ContentSource source = ContentSource.open(content)) {
            SourceEntry entry = source.entries().get(0);

            assertThat(entry.name()).isEqualTo("caf\u00e9.png");
            try (InputStream in = source.open(entry)) {
                assertThat(in.readAllBytes()).containsExactly(1);
            }
        }
    }
}

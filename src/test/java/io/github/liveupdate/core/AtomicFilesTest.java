package io.github.liveupdate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesContent() throws IOException {
        Path file = Files.writeString(folder.resolve("settings"), "old");

        AtomicFiles.write(
                file,
                bytes("new"),
                PosixFilePermissions.fromString("rw-r--r--"),
                AtomicFiles.TemporaryFileSetup.none());

        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void setsRequestedPermissions() throws IOException {
        Path file = folder.resolve("settings");

        AtomicFiles.write(
                file, bytes("x"), PosixFilePermissions.fromString("rw-r-----"), AtomicFiles.TemporaryFileSetup.none());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void leavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("settings");

        AtomicFiles.write(
                file, bytes("x"), PosixFilePermissions.fromString("rw-------"), AtomicFiles.TemporaryFileSetup.none());

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void failedSetupKeepsOldContent() throws IOException {
        Path file = Files.writeString(folder.resolve("settings"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(
                        file, bytes("new"), PosixFilePermissions.fromString("rw-------"), temporary -> {
                            throw new IOException("setup failed");
                        }))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("setup failed");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void missingFolderNamesTheFolder() {
        Path file = folder.resolve("missing/settings");

        assertThatThrownBy(() -> AtomicFiles.write(
                        file,
                        bytes("x"),
                        PosixFilePermissions.fromString("rw-------"),
                        AtomicFiles.TemporaryFileSetup.none()))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining(folder.resolve("missing").toString())
                .hasMessageContaining("no such file or folder");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

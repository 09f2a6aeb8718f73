package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path folder;

    @Test
    void describesAccessDenied() {
        assertThat(PrivateFiles.describe(new AccessDeniedException("/x/credentials")))
                .isEqualTo("permission denied");
    }

    @Test
    void describesMissingFile() {
        assertThat(PrivateFiles.describe(new NoSuchFileException("/x/credentials")))
                .isEqualTo("no such file or folder");
    }

    @Test
    void followsChainOfLinks() throws IOException {
        Path target = folder.resolve("real");
        Path middle = Files.createSymbolicLink(folder.resolve("middle"), target);
        Path first = Files.createSymbolicLink(folder.resolve("first"), middle.getFileName());

        assertThat(PrivateFiles.followLinks(first)).isEqualTo(target);
    }

    @Test
    void rejectsLinkLoop() throws IOException {
        Path one = folder.resolve("one");
        Path two = folder.resolve("two");
        Files.createSymbolicLink(one, two);
        Files.createSymbolicLink(two, one);

        assertThatThrownBy(() -> PrivateFiles.followLinks(one))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("or a loop");
    }

    @Test
    void createsEveryMissingFolderOwnerOnly() throws IOException {
        Path deep = folder.resolve("a/b");

        PrivateFiles.createFolders(deep);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("a"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(deep)))
                .isEqualTo("rwx------");
    }
}

package io.github.liveupdate.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Replaces a file's content so that readers see either the old file or the new one, never a part of it. The
 * bytes go to a temporary file in the same folder and are flushed to the disk. Then the temporary file is
 * renamed over the old one in one atomic step. A crash leaves at most a stray {@code .NAME.*.tmp} file next
 * to it.
 */
public final class AtomicFiles {

    /** Work on the temporary file after it is created and before the content goes in. */
    @FunctionalInterface
    public interface TemporaryFileSetup {

        /** Prepares the empty temporary file, such as by restricting who may open it. */
        void prepare(Path temporary) throws IOException;

        /** Returns a setup that does nothing. */
        static TemporaryFileSetup none() {
            return temporary -> {};
        }
    }

    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AtomicFiles() {}

    /**
     * Writes {@code content} to {@code file}, whose folder must exist. Until the rename, the temporary file is
     * readable by its owner only where the file system has POSIX permissions.
     *
     * @param file the file to replace or create, with symbolic links already followed
     * @param posixPermissions the mode of the new file where the file system has POSIX permissions. Other file
     *     systems ignore it.
     * @param setup work on the temporary file before the content goes in
     * @throws LiveUpdateException if the file cannot be written or the file system cannot rename atomically
     */
    public static void write(
            Path file, byte[] content, Set<PosixFilePermission> posixPermissions, TemporaryFileSetup setup) {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp", ownerOnly(folder));
            setup.prepare(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (isPosix(temporary)) {
                Files.setPosixFilePermissions(temporary, posixPermissions);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            syncFolder(folder);
        } catch (AtomicMoveNotSupportedException e) {
            throw new LiveUpdateException(
                    "Cannot replace " + file + " atomically: the file system of " + folder
                            + " does not support an atomic rename. Point the file at a local disk.",
                    e);
        } catch (IOException e) {
            throw new LiveUpdateException(
                    "Cannot write " + file + ": " + FileErrors.describe(e) + ". Check that you can write to " + folder
                            + ".",
                    e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        if (isPosix(folder)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)};
        }
        return new FileAttribute<?>[0];
    }

    /**
     * Flushes the folder entry of the rename to the disk, where the platform allows opening a folder (Linux
     * and macOS do, Windows does not, and there the rename is left to the file system).
     */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // The new content is already complete on disk. Only the rename's durability is left to the OS.
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The write already failed, and that failure is the one to report.
        }
    }
}

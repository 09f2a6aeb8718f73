package io.github.liveupdate.credentials;

import io.github.liveupdate.core.AtomicFiles;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file that contains secrets atomically with {@link AtomicFiles}. The temporary file is
 * owner-only before any byte goes in: mode 0600 where the file system has POSIX permissions, an access control
 * list with one entry for the owner where it has ACLs instead.
 */
final class AtomicFileWriter {

    private AtomicFileWriter() {}

    /**
     * Writes {@code content} to {@code file}, whose folder must exist.
     *
     * @param file the file to replace or create, with symbolic links already followed
     * @param posixPermissions the mode of the new file where the file system has POSIX permissions. Other file
     *     systems ignore it, and the file gets an owner-only access control list there.
     */
    static void write(Path file, byte[] content, Set<PosixFilePermission> posixPermissions) {
        AtomicFiles.write(file, content, posixPermissions, PrivateFiles::restrictToOwner);
    }
}

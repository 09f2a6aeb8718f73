package io.github.liveupdate.credentials;

import io.github.liveupdate.core.FileErrors;
import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Owner-only files and folders for secrets: mode 0600 files and 0700 folders where the file system has POSIX
 * permissions, an access control list with one entry for the owner where it has ACLs instead (Windows).
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    /** The maximum number of symbolic links followed to reach a file, so that a loop ends in an error. */
    private static final int MAX_LINKS = 40;

    private PrivateFiles() {}

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Returns the file that {@code path} names after following symbolic links, so that a write replaces the
     * link's target and keeps the link. A dangling link returns the missing target. Folders on the way may
     * be links, because renaming inside the final folder still replaces the right file.
     */
    static Path followLinks(Path path) {
        Path current = path.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new LiveUpdateException(path + " is a chain of more than " + MAX_LINKS
                        + " symbolic links, or a loop. Point the link at the real file.");
            }
            try {
                current = current.getParent().resolve(Files.readSymbolicLink(current));
            } catch (IOException e) {
                throw new LiveUpdateException("Cannot read the symbolic link " + current + ": " + describe(e), e);
            }
        }
        return current;
    }

    /**
     * Creates the folder and any missing parents. Each new folder is owner-only, and folders that exist keep
     * their permissions.
     */
    static void createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path current = folder.toAbsolutePath();
                current != null && !Files.isDirectory(current);
                current = current.getParent()) {
            missing.push(current);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                createFolder(next);
            } catch (FileAlreadyExistsException e) {
                // Another thread or build created it since the check above, and it keeps its permissions.
                if (!Files.isDirectory(next)) {
                    throw e;
                }
            }
        }
    }

    private static void createFolder(Path folder) throws IOException {
        if (isPosix(folder)) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ALL));
            // The umask can clear bits of the mode given at creation, so set the mode again.
            Files.setPosixFilePermissions(folder, OWNER_ALL);
        } else {
            Files.createDirectory(folder);
            restrictToOwner(folder);
        }
    }

    /** Returns the attributes that create an owner-only file, or none where POSIX permissions do not apply. */
    static FileAttribute<?>[] ownerOnlyFileAttributes(Path folder) {
        if (isPosix(folder)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)};
        }
        return new FileAttribute<?>[0];
    }

    /**
     * Replaces the access control list of a file or folder with one entry that gives its owner full
     * access, on file systems with ACLs and without POSIX permissions. Does nothing elsewhere.
     */
    // NOTE: untested on Windows. On the Linux file systems where the tests ran, POSIX permissions skip this path.
    static void restrictToOwner(Path path) throws IOException {
        if (isPosix(path)) {
            return;
        }
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(path);
        AclEntry ownerOnly = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        view.setAcl(List.of(ownerOnly));
    }

    /** Returns an I/O failure in words, such as "permission denied" or "no such file or folder". */
    static String describe(IOException e) {
        return FileErrors.describe(e);
    }
}

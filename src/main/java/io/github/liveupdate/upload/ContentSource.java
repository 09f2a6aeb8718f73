package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Live update content that bob wrote, as a zip or a folder: a flat list of named entries whose bytes can
 * be read any number of times, from several threads at once. Only names and sizes are held in memory.
 */
public interface ContentSource extends AutoCloseable {

    /** The zip file or folder. */
    Path path();

    /** Returns the entries sorted by name. */
    List<SourceEntry> entries();

    /** Returns the entry with the given NFC name. */
    Optional<SourceEntry> entry(String name);

    /** Opens a new stream over an entry's bytes. The caller closes it. */
    InputStream open(SourceEntry entry) throws IOException;

    /** Returns whether the source is a zip file, as opposed to a folder. */
    boolean isZip();

    /**
     * Returns the files of a folder that are not entries and are not published: hidden files such as
     * {@code .DS_Store}, and symbolic links, which are never followed. Always empty for a zip.
     */
    List<String> ignored();

    @Override
    void close();

    /**
     * Opens a zip file or a folder and checks every entry name.
     *
     * @throws LiveUpdateException if the path is missing, neither a zip nor a folder, or contains a rejected name
     */
    static ContentSource open(Path path) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return FolderSource.open(path);
        }
        requireZipOrFolder(path);
        return ZipSource.open(path);
    }

    /**
     * Checks that the path is a regular file or a folder, before any request is sent.
     *
     * @throws LiveUpdateException if the path is missing or neither a file nor a folder
     */
    static void requireZipOrFolder(Path path) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(path)) {
            return;
        }
        String problem = Files.exists(path) ? "is neither a zip file nor a folder" : "does not exist";
        throw new LiveUpdateException("Source " + path + " " + problem + ". Set <source> or -Dliveupdate.source to"
                + " the zip or folder that bob writes with --archive --liveupdate yes.");
    }
}

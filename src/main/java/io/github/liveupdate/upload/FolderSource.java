package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live update content in a folder: the files directly inside it. Symbolic links are not followed and hidden
 * files are left out, so neither is published by accident. A subfolder is an error, as bob writes the content
 * flat.
 */
final class FolderSource implements ContentSource {

    private final Path path;
    private final List<SourceEntry> entries;
    private final Map<String, SourceEntry> byName;
    private final List<String> ignored;

    private FolderSource(Path path, List<SourceEntry> entries, Map<String, SourceEntry> byName, List<String> ignored) {
        this.path = path;
        this.entries = entries;
        this.byName = byName;
        this.ignored = ignored;
    }

    static FolderSource open(Path path) {
        List<SourceEntry> entries = new ArrayList<>();
        Map<String, SourceEntry> byName = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
            for (Path file : files) {
                String storedName = file.getFileName().toString();
                BasicFileAttributes attributes =
                        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink() || storedName.startsWith(".")) {
                    ignored.add(storedName);
                    continue;
                }
                if (attributes.isDirectory()) {
                    throw new LiveUpdateException("Source folder " + path + " contains the subfolder '" + storedName
                            + "', but bob writes Live update content flat. Point <source> at the folder that bob"
                            + " wrote, or at its zip.");
                }
                if (!attributes.isRegularFile()) {
                    ignored.add(storedName);
                    continue;
                }
                String name = EntryNames.check(storedName, "folder " + path);
                SourceEntry entry = new SourceEntry(name, storedName, attributes.size());
                if (byName.putIfAbsent(name, entry) != null) {
                    throw new LiveUpdateException("Source folder " + path + " contains two files named '" + name
                            + "' (in different Unicode forms), which would get the same key. Rename or remove"
                            + " one of them.");
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new LiveUpdateException("Cannot read source folder " + path + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(SourceEntry::name));
        ignored.sort(Comparator.naturalOrder());
        return new FolderSource(path, entries, byName, List.copyOf(ignored));
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<SourceEntry> entries() {
        return entries;
    }

    @Override
    public Optional<SourceEntry> entry(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public InputStream open(SourceEntry entry) throws IOException {
        return Files.newInputStream(
                path.resolve(entry.storedName()), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean isZip() {
        return false;
    }

    @Override
    public List<String> ignored() {
        return ignored;
    }

    @Override
    public void close() {}
}

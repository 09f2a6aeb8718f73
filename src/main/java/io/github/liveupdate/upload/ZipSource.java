package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Live update content in a zip. Entries are read straight from the zip, never extracted to disk. {@link
 * ZipFile} allows streams over several entries at once from different threads.
 */
final class ZipSource implements ContentSource {

    private final Path path;
    private final ZipFile zip;
    private final List<SourceEntry> entries;
    private final Map<String, SourceEntry> byName;

    private ZipSource(Path path, ZipFile zip, List<SourceEntry> entries, Map<String, SourceEntry> byName) {
        this.path = path;
        this.zip = zip;
        this.entries = entries;
        this.byName = byName;
    }

    static ZipSource open(Path path) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new LiveUpdateException("Source " + path + " is neither a zip file nor a folder (" + e.getMessage()
                    + "). Set <source> or -Dliveupdate.source to the zip or folder that bob writes with"
                    + " --archive --liveupdate yes.");
        } catch (IOException e) {
            throw new LiveUpdateException("Cannot read source " + path + ": " + e.getMessage(), e);
        }
        try {
            List<SourceEntry> entries = new ArrayList<>(zip.size());
            Map<String, SourceEntry> byName = new HashMap<>(zip.size() * 4 / 3 + 1);
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry zipEntry = all.nextElement();
                String name = EntryNames.check(zipEntry.getName(), "zip " + path);
                SourceEntry entry = new SourceEntry(name, zipEntry.getName(), zipEntry.getSize());
                if (byName.putIfAbsent(name, entry) != null) {
                    throw new LiveUpdateException("Zip " + path + " contains the entry '" + name + "' twice, so it is"
                            + " unclear which one to publish. Use the zip exactly as bob wrote it.");
                }
                entries.add(entry);
            }
            entries.sort(Comparator.comparing(SourceEntry::name));
            return new ZipSource(path, zip, entries, byName);
        } catch (RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
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
        ZipEntry zipEntry = zip.getEntry(entry.storedName());
        if (zipEntry == null) {
            throw new IOException("entry " + entry.storedName() + " is gone from " + path);
        }
        InputStream stream = zip.getInputStream(zipEntry);
        if (zipEntry.getCrc() < 0 || zipEntry.getSize() < 0) {
            return stream;
        }
        return new CrcCheckedStream(
                stream, zipEntry.getCrc(), zipEntry.getSize(), "Entry " + entry.storedName() + " of zip " + path);
    }

    @Override
    public boolean isZip() {
        return true;
    }

    @Override
    public List<String> ignored() {
        return List.of();
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ZipFile zip, RuntimeException failure) {
        try {
            zip.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

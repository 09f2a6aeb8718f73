package io.github.liveupdate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates Live update content in the shape bob writes it, for tests: resource entries named by a 40-character
 * hex SHA-1, each a 16-byte header (big-endian uint32 payload size, one flags byte, 11 zero bytes) and a random
 * payload, plus {@code liveupdate.game.dmanifest}. The same seed and settings always give the same bytes.
 *
 * <p>The manifest uses Defold's field numbers and also carries fields the plugin does not read (a header, url
 * hashes, sizes, fixed-width values), so readers must skip them. Every fourth resource is listed under two urls.
 * A few entries are bundled (not Live update content) and absent from the output, as in real games.
 */
public final class LiveUpdateFixtures {

    public static final String MANIFEST = "liveupdate.game.dmanifest";
    public static final int HEADER_SIZE = 16;
    public static final int EXCLUDED = 2;
    public static final int BUNDLED = 1;

    /** One generated resource: its entry name, the urls the manifest lists it under, and its entry bytes. */
    public record Resource(String hash, List<String> urls, byte[] entry) {}

    private final long seed;
    private int resourceCount = 10;
    private int maxPayload = 200;
    private int bundledCount = 3;
    private int missingCount;
    private String manifestVersion = "1";
    private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();

    private LiveUpdateFixtures(long seed) {
        this.seed = seed;
    }

    public static LiveUpdateFixtures seeded(long seed) {
        return new LiveUpdateFixtures(seed);
    }

    /** Sets how many Live update resources the output contains (default 10). */
    public LiveUpdateFixtures resources(int count) {
        this.resourceCount = count;
        return this;
    }

    /** Sets the largest payload in bytes (default 200); each payload is 0 to this many bytes. */
    public LiveUpdateFixtures maxPayload(int bytes) {
        this.maxPayload = bytes;
        return this;
    }

    /** Adds Live update resources that the manifest lists but the output lacks. */
    public LiveUpdateFixtures missingResources(int count) {
        this.missingCount = count;
        return this;
    }

    /** Changes the manifest's bytes, and nothing else, as a new release that keeps every resource would. */
    public LiveUpdateFixtures manifestVersion(String version) {
        this.manifestVersion = version;
        return this;
    }

    /** Adds an entry with any name, such as {@code ../x}, to the zip or folder. */
    public LiveUpdateFixtures extraEntry(String name, byte[] content) {
        extraEntries.put(name, content);
        return this;
    }

    /** Returns the resource with the given index, generated on each call so large outputs need no memory. */
    public Resource resource(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        byte[] payload = new byte[random.nextInt(maxPayload + 1)];
        random.nextBytes(payload);
        ByteBuffer entry = ByteBuffer.allocate(HEADER_SIZE + payload.length);
        entry.putInt(payload.length).put((byte) 0).put(new byte[11]).put(payload);
        String hash = sha1Hex("resource " + seed + " " + index);
        List<String> urls = new ArrayList<>();
        urls.add("/fixture/resource" + index + ".texturec");
        if (index % 4 == 3) {
            urls.add("/fixture/copy" + index + ".texturec");
        }
        return new Resource(hash, urls, entry.array());
    }

    /** Returns every resource in the output. */
    public List<Resource> resources() {
        List<Resource> resources = new ArrayList<>(resourceCount);
        for (int index = 0; index < resourceCount; index++) {
            resources.add(resource(index));
        }
        return resources;
    }

    /** Returns the hashes that the manifest lists as Live update resources but the output lacks. */
    public List<String> missingHashes() {
        List<String> hashes = new ArrayList<>();
        for (int index = 0; index < missingCount; index++) {
            hashes.add(sha1Hex("missing " + seed + " " + index));
        }
        return hashes;
    }

    /** Returns the manifest bytes. */
    public byte[] manifest() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        // Fields 1 (header) and 2 (engine versions) are not read by the plugin.
        writeMessage(data, 1, message(out -> {
            writeVarintField(out, 1, 2);
            writeBytesField(out, 2, ("version " + manifestVersion).getBytes(StandardCharsets.UTF_8));
        }));
        writeMessage(data, 2, message(out -> writeBytesField(out, 1, sha1("engine " + manifestVersion))));
        for (int index = 0; index < resourceCount; index++) {
            Resource resource = resource(index);
            for (String url : resource.urls()) {
                writeMessage(data, 3, resourceEntry(url, resource.hash(), EXCLUDED, resource.entry().length));
            }
        }
        List<String> missing = missingHashes();
        for (int index = 0; index < missing.size(); index++) {
            writeMessage(
                    data, 3, resourceEntry("/fixture/missing" + index + ".texturec", missing.get(index), EXCLUDED, 64));
        }
        for (int index = 0; index < bundledCount; index++) {
            String hash = sha1Hex("bundled " + seed + " " + index + " " + manifestVersion);
            writeMessage(data, 3, resourceEntry("/fixture/bundled" + index + ".scriptc", hash, BUNDLED, 32));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        writeBytesField(file, 1, data.toByteArray());
        // Field 2 is the signature, which the plugin does not read.
        writeBytesField(file, 2, sha1("signature " + manifestVersion));
        return file.toByteArray();
    }

    /** Writes the output as a zip: every resource entry, the manifest and any extra entries. */
    public Path writeZip(Path zip) {
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (int index = 0; index < resourceCount; index++) {
                    Resource resource = resource(index);
                    putEntry(out, resource.hash(), resource.entry());
                }
                putEntry(out, MANIFEST, manifest());
                for (Map.Entry<String, byte[]> extra : extraEntries.entrySet()) {
                    putEntry(out, extra.getKey(), extra.getValue());
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the output as the files of a folder. Extra entries must be plain file names here. */
    public Path writeFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            for (int index = 0; index < resourceCount; index++) {
                Resource resource = resource(index);
                Files.write(folder.resolve(resource.hash()), resource.entry());
            }
            Files.write(folder.resolve(MANIFEST), manifest());
            for (Map.Entry<String, byte[]> extra : extraEntries.entrySet()) {
                Path file = folder.resolve(extra.getKey()).normalize();
                if (!folder.equals(file.getParent())) {
                    throw new IllegalArgumentException("extra entry " + extra.getKey() + " is not a plain file name");
                }
                Files.write(file, extra.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the SHA-256 hex of the given bytes, as the plugin stores it in object metadata. */
    public static String sha256Hex(byte[] bytes) {
        return hex(digest("SHA-256", bytes));
    }

    private static void putEntry(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(946_684_800_000L); // 2000-01-01, so the zip's bytes do not depend on the clock
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    private static byte[] resourceEntry(String url, String hash, int flags, int size) {
        return message(out -> {
            writeBytesField(out, 1, url.getBytes(StandardCharsets.UTF_8));
            writeVarintField(out, 2, url.hashCode() & 0xFFFF_FFFFL); // url_hash, not read
            writeMessage(out, 3, message(digest -> writeBytesField(digest, 1, unhex(hash))));
            writeVarintField(out, 5, flags);
            writeVarintField(out, 6, size); // size, not read
            writeTag(out, 14, 5); // a fixed32 field, not read
            out.write(new byte[] {1, 2, 3, 4}, 0, 4);
            writeTag(out, 15, 1); // a fixed64 field, not read
            out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8);
        });
    }

    private interface Writer {
        void write(ByteArrayOutputStream out);
    }

    private static byte[] message(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }

    private static void writeMessage(ByteArrayOutputStream out, int field, byte[] message) {
        writeBytesField(out, field, message);
    }

    private static void writeBytesField(ByteArrayOutputStream out, int field, byte[] bytes) {
        writeTag(out, field, 2);
        writeVarint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeVarintField(ByteArrayOutputStream out, int field, long value) {
        writeTag(out, field, 0);
        writeVarint(out, value);
    }

    private static void writeTag(OutputStream out, int field, int wireType) {
        writeVarint(out, ((long) field << 3) | wireType);
    }

    private static void writeVarint(OutputStream out, long value) {
        try {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha1(String text) {
        return digest("SHA-1", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha1Hex(String text) {
        return hex(sha1(text));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static byte[] unhex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}

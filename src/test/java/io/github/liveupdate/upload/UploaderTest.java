package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.testing.LiveUpdateFixtures;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.UploadItSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

class UploaderTest {

    private static final String BUCKET = "game-content";

    private static MotoServer moto;
    private static S3Client s3;

    @TempDir
    Path folder;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto", "UploaderTest.log"));
        s3 = UploadItSupport.client(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() {
        s3.close();
        moto.close();
    }

    @BeforeEach
    void createBucket() {
        moto.reset();
        s3.createBucket(request -> request.bucket(BUCKET)
                .createBucketConfiguration(configuration -> configuration.locationConstraint("eu-west-1")));
    }

    @Test
    void uploadsEveryEntryOfZip() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(1).resources(12);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));

        UploadSummary summary = uploader().upload(spec(zip, "game/v1", Layout.RESOURCES));

        List<String> expected = new ArrayList<>();
        for (LiveUpdateFixtures.Resource resource : fixtures.resources()) {
            expected.add("game/v1/" + resource.hash());
        }
        expected.add("game/v1/liveupdate.game.dmanifest");
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(summary.uploaded()).isEqualTo(13);
        assertThat(summary.manifest()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void storesEntryBytesUnchanged() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(2).resources(5);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));

        uploader().upload(spec(zip, "", Layout.RESOURCES));

        for (LiveUpdateFixtures.Resource resource : fixtures.resources()) {
            assertThat(get(resource.hash())).as(resource.hash()).isEqualTo(resource.entry());
        }
        assertThat(get("liveupdate.game.dmanifest")).isEqualTo(fixtures.manifest());
    }

    @Test
    void setsHeadersOfResourcesAndManifest() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(3).resources(2);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));

        uploader().upload(spec(zip, "p", Layout.RESOURCES));

        HeadObjectResponse resource = head("p/" + fixtures.resource(0).hash());
        assertThat(resource.contentType()).isEqualTo("application/octet-stream");
        assertThat(resource.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(resource.checksumCRC32()).isNotBlank();
        HeadObjectResponse manifest = head("p/liveupdate.game.dmanifest");
        assertThat(manifest.contentType()).isEqualTo("application/octet-stream");
        assertThat(manifest.cacheControl()).isEqualTo("no-cache");
        assertThat(manifest.metadata()).containsEntry("sha256", LiveUpdateFixtures.sha256Hex(fixtures.manifest()));
        assertThat(manifest.checksumSHA256()).isNotBlank();
    }

    @Test
    void secondRunUploadsNothing() {
        Path zip = LiveUpdateFixtures.seeded(4).resources(8).writeZip(folder.resolve("game.zip"));
        uploader().upload(spec(zip, "p", Layout.RESOURCES));

        UploadSummary second = uploader().upload(spec(zip, "p", Layout.RESOURCES));

        assertThat(second.uploaded()).isZero();
        assertThat(second.skipped()).isEqualTo(9);
        assertThat(second.manifest()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void changedManifestIsUploadedAlone() {
        LiveUpdateFixtures first = LiveUpdateFixtures.seeded(5).resources(6);
        uploader().upload(spec(first.writeZip(folder.resolve("v1.zip")), "p", Layout.RESOURCES));
        LiveUpdateFixtures second = LiveUpdateFixtures.seeded(5).resources(6).manifestVersion("2");

        UploadSummary summary =
                uploader().upload(spec(second.writeZip(folder.resolve("v2.zip")), "p", Layout.RESOURCES));

        assertThat(summary.uploaded()).isEqualTo(1);
        assertThat(summary.manifest()).isEqualTo(Outcome.UPDATED);
        assertThat(get("p/liveupdate.game.dmanifest")).isEqualTo(second.manifest());
    }

    @Test
    void uploadsFolderLikeZip() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(6).resources(7);
        Path content = fixtures.writeFolder(folder.resolve("content"));

        UploadSummary summary = uploader().upload(spec(content, "p", Layout.RESOURCES));

        assertThat(summary.uploaded()).isEqualTo(8);
        assertThat(get("p/" + fixtures.resource(6).hash()))
                .isEqualTo(fixtures.resource(6).entry());
    }

    @Test
    void uploadsArchiveAsOneObject() throws Exception {
        Path zip = LiveUpdateFixtures.seeded(7).resources(5).writeZip(folder.resolve("game.zip"));

        UploadSummary summary = uploader().upload(spec(zip, "p", Layout.ARCHIVE));

        assertThat(keys()).containsExactly("p/game.zip");
        assertThat(get("p/game.zip")).isEqualTo(Files.readAllBytes(zip));
        assertThat(head("p/game.zip").contentType()).isEqualTo("application/zip");
        assertThat(summary.uploaded()).isEqualTo(1);
    }

    @Test
    void uploadsLargeArchiveInParts() throws Exception {
        Path zip = LiveUpdateFixtures.seeded(8)
                .resources(3)
                .extraEntry("big.bin", randomBytes(12 * 1024 * 1024))
                .writeZip(folder.resolve("game.zip"));
        UploadTuning tuning =
                new UploadTuning(6 * UploadTuning.MIB, 5 * UploadTuning.MIB, quickRetry(), Duration.ofSeconds(5));

        new Uploader(s3, reporter(), tuning, System::nanoTime).upload(spec(zip, "p", Layout.ARCHIVE));

        assertThat(get("p/game.zip")).isEqualTo(Files.readAllBytes(zip));
        assertThat(head("p/game.zip").metadata())
                .containsEntry("sha256", LiveUpdateFixtures.sha256Hex(Files.readAllBytes(zip)));
        assertThat(s3.listMultipartUploads(request -> request.bucket(BUCKET)).uploads())
                .isEmpty();
    }

    @Test
    void missingResourceFailsBeforeUpload() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(9).resources(4).missingResources(2);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));

        assertThatThrownBy(() -> uploader().upload(spec(zip, "p", Layout.RESOURCES)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining(fixtures.missingHashes().get(0))
                .hasMessageContaining("/fixture/missing0.texturec");
        assertThat(keys()).isEmpty();
    }

    @Test
    void corruptZipEntryFailsAndIsNotStored() throws Exception {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(15).resources(3);
        Path zip = folder.resolve("game.zip");
        writeStoredZip(fixtures, zip);
        LiveUpdateFixtures.Resource damaged = fixtures.resource(1);
        flipByteOf(zip, damaged.entry());

        assertThatThrownBy(() -> uploader().upload(spec(zip, "p", Layout.RESOURCES)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Entry " + damaged.hash() + " of zip " + zip + " is corrupt");
        assertThat(keys()).doesNotContain("p/" + damaged.hash(), "p/liveupdate.game.dmanifest");
    }

    @Test
    void dryRunUploadsNothing() {
        Path zip = LiveUpdateFixtures.seeded(10).resources(3).writeZip(folder.resolve("game.zip"));

        UploadSummary summary = uploader().upload(dryRun(zip));

        assertThat(keys()).isEmpty();
        assertThat(summary.uploaded()).isEqualTo(4);
        assertThat(log).anyMatch(line -> line.startsWith("info: Would upload p/liveupdate.game.dmanifest"));
    }

    @Test
    void missingBucketFailsWithFix() {
        Path zip = LiveUpdateFixtures.seeded(11).resources(1).writeZip(folder.resolve("game.zip"));
        UploadSpec spec = new UploadSpec(zip, "no-such-bucket", "p", Layout.RESOURCES, 2, null, null, false);

        assertThatThrownBy(() -> uploader().upload(spec))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Bucket 'no-such-bucket' does not exist")
                .hasMessageContaining("-Dliveupdate.bucket");
    }

    @Test
    void folderSourceRejectsArchiveLayout() {
        Path content = LiveUpdateFixtures.seeded(12).resources(1).writeFolder(folder.resolve("content"));

        assertThatThrownBy(() -> uploader().upload(spec(content, "p", Layout.ARCHIVE)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("is a folder, but the archive layout uploads a zip");
    }

    @Test
    void sourceWithoutManifestFails() throws Exception {
        Path content = Files.createDirectory(folder.resolve("content"));
        Files.write(content.resolve("0123456789abcdef0123456789abcdef01234567"), new byte[16]);

        assertThatThrownBy(() -> uploader().upload(spec(content, "p", Layout.RESOURCES)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("has no liveupdate.game.dmanifest");
    }

    @Test
    void typesOtherFilesByExtension() throws Exception {
        Path content = LiveUpdateFixtures.seeded(13)
                .resources(1)
                .extraEntry("dmengine.wasm", new byte[] {0, 'a', 's', 'm'})
                .extraEntry("empty.json", new byte[0])
                .writeFolder(folder.resolve("content"));

        uploader().upload(spec(content, "p", Layout.RESOURCES));

        assertThat(head("p/dmengine.wasm").contentType()).isEqualTo("application/wasm");
        assertThat(head("p/dmengine.wasm").cacheControl()).isEqualTo("no-cache");
        assertThat(head("p/empty.json").contentLength()).isZero();
        assertThat(head("p/empty.json").contentType()).isEqualTo("application/json");
    }

    @Test
    void logsProgressOnLongUpload() {
        Path zip = LiveUpdateFixtures.seeded(14).resources(30).writeZip(folder.resolve("game.zip"));
        UploadTuning tuning =
                new UploadTuning(64 * UploadTuning.MIB, 16 * UploadTuning.MIB, quickRetry(), Duration.ZERO);

        new Uploader(s3, reporter(), tuning, System::nanoTime).upload(spec(zip, "p", Layout.RESOURCES));

        assertThat(log).anyMatch(line -> line.startsWith("info: Uploaded ") && line.contains(" of 30 objects"));
        assertThat(log)
                .noneMatch(line -> line.startsWith("info:")
                        && line.contains(
                                LiveUpdateFixtures.seeded(14).resource(0).hash()));
    }

    private Uploader uploader() {
        return new Uploader(
                s3,
                reporter(),
                new UploadTuning(64 * UploadTuning.MIB, 16 * UploadTuning.MIB, quickRetry(), Duration.ofSeconds(5)),
                System::nanoTime);
    }

    private static Backoff quickRetry() {
        return new Backoff(
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                duration -> Thread.sleep(duration.toMillis()));
    }

    private Reporter reporter() {
        return new Reporter() {
            @Override
            public void info(String message) {
                log.add("info: " + message);
            }

            @Override
            public void warn(String message) {
                log.add("warn: " + message);
            }

            @Override
            public void debug(String message) {
                log.add("debug: " + message);
            }
        };
    }

    private static UploadSpec spec(Path source, String prefix, Layout layout) {
        return new UploadSpec(source, BUCKET, prefix, layout, 8, null, null, false);
    }

    private static UploadSpec dryRun(Path source) {
        return new UploadSpec(source, BUCKET, "p", Layout.RESOURCES, 8, null, null, true);
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents()) {
            keys.add(object.key());
        }
        return keys;
    }

    private static byte[] get(String key) {
        return s3.getObject(request -> request.bucket(BUCKET).key(key), ResponseTransformer.toBytes())
                .asByteArray();
    }

    private static HeadObjectResponse head(String key) {
        return s3.headObject(request -> request.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    }

    /** Writes the fixture's entries uncompressed, so a test can find an entry's bytes in the file. */
    private static void writeStoredZip(LiveUpdateFixtures fixtures, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (LiveUpdateFixtures.Resource resource : fixtures.resources()) {
                putStored(out, resource.hash(), resource.entry());
            }
            putStored(out, "liveupdate.game.dmanifest", fixtures.manifest());
        }
    }

    private static void putStored(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    private static void flipByteOf(Path zip, byte[] entryBytes) throws IOException {
        byte[] content = Files.readAllBytes(zip);
        int at = indexOf(content, entryBytes);
        assertThat(at).as("the entry's bytes in the zip").isNotNegative();
        content[at + entryBytes.length / 2] ^= 0x01;
        Files.write(zip, content);
    }

    private static int indexOf(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= content.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }
}

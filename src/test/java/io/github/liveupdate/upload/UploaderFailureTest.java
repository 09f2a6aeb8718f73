package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.LiveUpdateException;
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
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Uploads against moto_server with failures injected: throttling, errors that persist, interrupts. */
class UploaderFailureTest {

    private static final String BUCKET = "game-content";

    private static MotoServer moto;
    private static S3Client s3;

    @TempDir
    Path folder;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto", "UploaderFailureTest.log"));
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
    void retriesThrottledUploads() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(1).resources(6);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));
        FaultyS3Client faulty = new FaultyS3Client(s3).slowDownOnFirstPut(key -> true);

        UploadSummary summary = uploader(faulty).upload(spec(zip));

        assertThat(summary.retries()).isEqualTo(7);
        assertThat(faulty.putAttempts("p/" + fixtures.resource(0).hash())).isEqualTo(2);
        assertThat(keys()).hasSize(7);
    }

    @Test
    void failedObjectKeepsManifestOut() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(2).resources(6);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));
        String failing = "p/" + fixtures.resource(2).hash();
        FaultyS3Client faulty = new FaultyS3Client(s3).failPuts(failing::equals);

        assertThatThrownBy(() -> uploader(faulty).upload(spec(zip)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("1 object could not be uploaded")
                .hasMessageContaining(failing + ": InternalError (HTTP 500)")
                .hasMessageContaining("The manifest was not uploaded");
        assertThat(keys()).doesNotContain("p/liveupdate.game.dmanifest", failing);
    }

    @Test
    void nextRunUploadsTheRest() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(3).resources(6);
        Path zip = fixtures.writeZip(folder.resolve("game.zip"));
        String failing = "p/" + fixtures.resource(4).hash();
        FaultyS3Client faulty = new FaultyS3Client(s3).failPuts(failing::equals);
        assertThatThrownBy(() -> uploader(faulty).upload(spec(zip))).isInstanceOf(LiveUpdateException.class);
        int uploadedBefore = keys().size();

        UploadSummary summary = uploader(s3).upload(spec(zip));

        assertThat(summary.uploaded()).isEqualTo(7 - uploadedBefore);
        assertThat(keys()).contains(failing, "p/liveupdate.game.dmanifest");
    }

    @Test
    void stopsStartingObjectsAfterFailure() {
        Path zip = LiveUpdateFixtures.seeded(4).resources(200).writeZip(folder.resolve("game.zip"));
        FaultyS3Client faulty = new FaultyS3Client(s3).failPuts(key -> true);
        UploadSpec spec = new UploadSpec(zip, BUCKET, "p", Layout.RESOURCES, 2, null, null, false);

        assertThatThrownBy(() -> uploader(faulty).upload(spec)).hasMessageContaining("were not started");
    }

    @Test
    void listingDeniedUploadsEverything() {
        Path zip = LiveUpdateFixtures.seeded(5).resources(4).writeZip(folder.resolve("game.zip"));
        uploader(s3).upload(spec(zip));
        FaultyS3Client faulty = new FaultyS3Client(s3).denyListing();

        UploadSummary summary = uploader(faulty).upload(spec(zip));

        assertThat(summary.uploaded()).isEqualTo(5);
        assertThat(log).filteredOn(line -> line.startsWith("warn: Cannot list")).hasSize(1);
    }

    @Test
    void listingDeniedStillFindsResourcesInBucket() throws IOException {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(6).resources(4);
        LiveUpdateFixtures.Resource published = fixtures.resource(0);
        s3.putObject(
                request -> request.bucket(BUCKET).key("p/" + published.hash()),
                RequestBody.fromBytes(published.entry()));
        Path content = fixtures.writeFolder(folder.resolve("content"));
        Files.delete(content.resolve(published.hash()));
        FaultyS3Client faulty = new FaultyS3Client(s3).denyListing();

        UploadSummary summary = uploader(faulty).upload(spec(content));

        assertThat(summary.uploaded()).isEqualTo(4);
    }

    @Test
    void failedPartAbortsMultipartUpload() {
        Path zip = LiveUpdateFixtures.seeded(7)
                .resources(2)
                .extraEntry("big.bin", randomBytes(11 * 1024 * 1024))
                .writeZip(folder.resolve("game.zip"));
        FaultyS3Client faulty = new FaultyS3Client(s3).failParts(part -> part == 2);
        UploadTuning tuning =
                new UploadTuning(5 * UploadTuning.MIB, 5 * UploadTuning.MIB, quickRetry(), Duration.ofSeconds(5));
        UploadSpec spec = new UploadSpec(zip, BUCKET, "p", Layout.ARCHIVE, 4, null, null, false);

        assertThatThrownBy(() -> new Uploader(faulty, reporter(), tuning, System::nanoTime).upload(spec))
                .hasMessageContaining("p/game.zip: InternalError (HTTP 500)");
        assertThat(keys()).isEmpty();
        assertThat(s3.listMultipartUploads(request -> request.bucket(BUCKET)).uploads())
                .isEmpty();
    }

    @Test
    void interruptStopsWithoutManifest() throws InterruptedException {
        Path zip = LiveUpdateFixtures.seeded(8).resources(300).writeZip(folder.resolve("game.zip"));
        FaultyS3Client faulty = new FaultyS3Client(s3).delayPuts(Duration.ofMillis(20));
        UploadSpec spec = new UploadSpec(zip, BUCKET, "p", Layout.RESOURCES, 4, null, null, false);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread upload = new Thread(() -> {
            try {
                uploader(faulty).upload(spec);
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });

        upload.start();
        Thread.sleep(500);
        upload.interrupt();
        upload.join(20_000);

        assertThat(upload.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(LiveUpdateException.class).hasMessageContaining("interrupted");
        assertThat(keys()).doesNotContain("p/liveupdate.game.dmanifest").isNotEmpty();
        assertThat(log).noneMatch(line -> line.contains("still running"));
        assertThat(stillInterrupted).isTrue();
    }

    private Uploader uploader(S3Client client) {
        UploadTuning tuning =
                new UploadTuning(64 * UploadTuning.MIB, 16 * UploadTuning.MIB, quickRetry(), Duration.ofSeconds(5));
        return new Uploader(client, reporter(), tuning, System::nanoTime);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static Backoff quickRetry() {
        return new Backoff(
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                Duration.ofMillis(100),
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

    private static UploadSpec spec(Path source) {
        return new UploadSpec(source, BUCKET, "p", Layout.RESOURCES, 8, null, null, false);
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents()) {
            keys.add(object.key());
        }
        return keys;
    }
}

package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.testing.FaultProxy;
import io.github.liveupdate.testing.FlexibleChecksumRejection;
import io.github.liveupdate.testing.LiveUpdateFixtures;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.UploadItSupport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads to a store that rejects the AWS SDK's flexible-checksum headers, played by a proxy before moto. */
class UploaderWithoutChecksumsTest {

    private static final String BUCKET = "game-content";

    private static MotoServer moto;

    @TempDir
    Path folder;

    private FaultProxy proxy;
    private FlexibleChecksumRejection store;
    private S3Client s3;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto", "UploaderWithoutChecksumsTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void startStore() {
        moto.reset();
        try (S3Client direct = UploadItSupport.client(moto.endpoint())) {
            direct.createBucket(request -> request.bucket(BUCKET));
        }
        store = new FlexibleChecksumRejection();
        proxy = FaultProxy.start(moto.endpoint()).play(store);
        s3 = S3Client.builder()
                .endpointOverride(URI.create(proxy.endpoint()))
                .forcePathStyle(true)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)))
                .httpClient(ApacheHttpClient.builder().maxConnections(8).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @AfterEach
    void stopStore() {
        s3.close();
        proxy.close();
    }

    @Test
    void uploadsResourcesWithoutChecksumHeaders() {
        Path zip = LiveUpdateFixtures.seeded(51).resources(10).writeZip(folder.resolve("game.zip"));

        UploadSummary summary = uploader().withoutRequestChecksums().upload(spec(zip, Layout.RESOURCES));

        assertThat(summary.uploaded()).isEqualTo(11);
        assertThat(store.seenHeaders()).isEmpty();
    }

    @Test
    void uploadsPartsWithoutChecksumHeaders() throws Exception {
        byte[] big = new byte[12 * 1024 * 1024];
        new Random(52).nextBytes(big);
        Path zip = LiveUpdateFixtures.seeded(52)
                .resources(2)
                .extraEntry("big.bin", big)
                .writeZip(folder.resolve("game.zip"));

        uploader().withoutRequestChecksums().upload(spec(zip, Layout.ARCHIVE));

        assertThat(store.seenHeaders()).isEmpty();
        // The zip is a little over 12 MiB, so it goes in three parts of at most 5 MiB.
        assertThat(proxy.requests("UploadPart")).hasSize(3);
        try (S3Client direct = UploadItSupport.client(moto.endpoint())) {
            byte[] stored = direct.getObjectAsBytes(
                            request -> request.bucket(BUCKET).key("p/game.zip"))
                    .asByteArray();
            assertThat(stored).isEqualTo(Files.readAllBytes(zip));
        }
    }

    @Test
    void defaultUploaderStillSendsChecksums() {
        Path zip = LiveUpdateFixtures.seeded(53).resources(2).writeZip(folder.resolve("game.zip"));

        assertThatThrownBy(() -> uploader().upload(spec(zip, Layout.RESOURCES)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("InvalidArgument");
        assertThat(store.rejected()).isPositive();
    }

    private Uploader uploader() {
        UploadTuning tuning = new UploadTuning(
                6 * UploadTuning.MIB,
                5 * UploadTuning.MIB,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(200), duration -> {}),
                Duration.ofSeconds(5));
        return new Uploader(s3, Reporter.silent(), tuning, System::nanoTime);
    }

    private static UploadSpec spec(Path source, Layout layout) {
        return new UploadSpec(source, BUCKET, "p", layout, 4, null, null, false);
    }
}

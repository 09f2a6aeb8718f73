package io.github.liveupdate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.bucket.BucketSpec;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.setup.FullSetup;
import io.github.liveupdate.testing.LiveUpdateFixtures;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.RecordingReporter;
import io.github.liveupdate.upload.Layout;
import io.github.liveupdate.upload.UploadSpec;
import io.github.liveupdate.upload.Uploader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The checks of {@link SetupVerifier} against a moto_server, after the setup that {@link FullSetup} makes.
 * moto_server runs with {@code MOTO_DISABLE_GLOBAL_CORS}, because by default it adds CORS headers that allow
 * every origin and method to each response, which would hide the bucket's own CORS rules.
 *
 * <p>NOTE: without a CORS configuration, moto 5.2.1 accepts a preflight with HTTP 200 and no CORS headers, where
 * S3 rejects it with HTTP 403, so these tests reach the missing-header branch and only the unit tests the 403 one.
 */
class SetupVerifierTest {

    private static final String BUCKET = "verify-test-game";
    private static final String PREFIX = "game/v1";
    private static final String PROFILE = "liveupdate";
    private static final String PROBE_KEY = PREFIX + "/" + SetupVerifier.PROBE_NAME;

    private static MotoServer moto;

    @TempDir
    Path folder;

    private AwsFiles files;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(
                Path.of("target", "moto-logs", "SetupVerifierTest.log"), Map.of("MOTO_DISABLE_GLOBAL_CORS", "true"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void resetState() {
        moto.reset();
        files = AwsFiles.resolve(folder.resolve("credentials"), folder.resolve("config"), Map.of(), folder);
    }

    @Test
    void goodSetupPassesEveryCheck() {
        setUp();
        publish(LiveUpdateFixtures.seeded(3).resources(10));

        VerifyReport report = verify(adminOptions());

        assertThat(report.checks()).hasSize(8);
        assertThat(report.checks()).allMatch(check -> check.status() == Check.Status.PASS, "every check passes");
        assertThat(report.firstFailure()).isEmpty();
        assertThat(detail(report, SetupVerifier.ANONYMOUS_GET)).contains("liveupdate.game.dmanifest");
        assertThat(detail(report, SetupVerifier.MANIFEST)).contains("all 10 Live update resources");
        assertThat(detail(report, SetupVerifier.PUT_OBJECT)).contains("removed it with the admin credentials");
    }

    @Test
    void goodSetupLeavesNoProbe() {
        setUp();

        verify(adminOptions());

        assertThat(exists(PROBE_KEY)).isFalse();
    }

    @Test
    void removedCorsRuleFailsPreflight() {
        setUp();
        publish(LiveUpdateFixtures.seeded(4).resources(5));
        try (AwsConnection aws = admin()) {
            aws.s3().deleteBucketCors(request -> request.bucket(BUCKET));
        }

        VerifyReport report = verify(adminOptions());

        Check cors = check(report, SetupVerifier.CORS);
        assertThat(cors.status()).isEqualTo(Check.Status.FAIL);
        assertThat(cors.fix()).contains("mvn liveupdate:setup");
        assertThat(cors.fix()).contains("LiveUpdateCors");
        assertThat(report.firstFailure()).contains(cors);
        assertThat(check(report, SetupVerifier.ANONYMOUS_GET).status()).isEqualTo(Check.Status.PASS);
        assertThat(check(report, SetupVerifier.MANIFEST).status()).isEqualTo(Check.Status.PASS);
    }

    @Test
    void otherOriginFailsPreflight() {
        setUp(List.of("https://games.example.org"));

        VerifyReport report = verify(adminOptions());

        Check cors = check(report, SetupVerifier.CORS);
        assertThat(cors.status()).isEqualTo(Check.Status.FAIL);
        assertThat(cors.fix()).contains("include https://example.com");
    }

    @Test
    void missingResourceFailsManifestCheck() {
        setUp();
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(5).resources(10);
        publish(fixtures);
        String deleted = fixtures.resource(7).hash();
        try (AwsConnection aws = admin()) {
            aws.s3().deleteObject(request -> request.bucket(BUCKET).key(PREFIX + "/" + deleted));
        }

        VerifyReport report = verify(adminOptions());

        Check manifest = check(report, SetupVerifier.MANIFEST);
        assertThat(manifest.status()).isEqualTo(Check.Status.FAIL);
        assertThat(manifest.detail()).startsWith("1 of 10 Live update resources");
        assertThat(manifest.detail()).contains(deleted);
        assertThat(manifest.fix()).contains("mvn package");
    }

    @Test
    void withoutManifestFetchesProbe() {
        setUp();

        VerifyReport report = verify(adminOptions());

        assertThat(check(report, SetupVerifier.ANONYMOUS_GET).status()).isEqualTo(Check.Status.PASS);
        assertThat(detail(report, SetupVerifier.ANONYMOUS_GET)).contains(SetupVerifier.PROBE_NAME);
        assertThat(check(report, SetupVerifier.MANIFEST).status()).isEqualTo(Check.Status.SKIP);
        assertThat(detail(report, SetupVerifier.MANIFEST)).contains("no manifest at");
    }

    @Test
    void removedPublicReadFailsAnonymousGet() {
        setUp();
        publish(LiveUpdateFixtures.seeded(6).resources(3));
        try (AwsConnection aws = admin()) {
            aws.s3().deleteBucketPolicy(request -> request.bucket(BUCKET));
        }

        VerifyReport report = verify(adminOptions());

        Check get = check(report, SetupVerifier.ANONYMOUS_GET);
        assertThat(get.status()).isEqualTo(Check.Status.FAIL);
        assertThat(get.detail()).contains("HTTP 403");
        assertThat(get.fix()).contains("LiveUpdatePublicRead");
        assertThat(check(report, SetupVerifier.MANIFEST).status()).isEqualTo(Check.Status.SKIP);
    }

    @Test
    void removesProbeWithRegionFromProfile() {
        setUp();

        VerifyReport report = verify(adminOptions().withRegion(null));

        assertThat(detail(report, SetupVerifier.PUT_OBJECT)).contains("removed it with the admin credentials");
        assertThat(exists(PROBE_KEY)).isFalse();
    }

    @Test
    void unavailableAdminLeavesProbe() {
        setUp();
        AwsOptions missingAdmin = adminOptions().withCredentials(null).withProfile("no-such-admin");

        VerifyReport report = verify(missingAdmin);

        Check put = check(report, SetupVerifier.PUT_OBJECT);
        assertThat(put.status()).isEqualTo(Check.Status.PASS);
        assertThat(put.detail()).contains("left it there");
        assertThat(exists(PROBE_KEY)).isTrue();
    }

    @Test
    void missingProfileSkipsLaterChecks() {
        VerifyReport report = verify(adminOptions());

        Check profile = check(report, SetupVerifier.PROFILE);
        assertThat(profile.status()).isEqualTo(Check.Status.FAIL);
        assertThat(profile.fix()).contains("mvn liveupdate:setup");
        assertThat(report.checks().subList(1, 8)).allMatch(check -> check.status() == Check.Status.SKIP);
    }

    /** Runs on a server of its own, because moto keeps enforcing IAM after a reset. */
    @Test
    void wrongSecretFailsAuthentication() throws IOException {
        Files.writeString(
                files.credentialsFile(),
                "[" + PROFILE + "]\naws_access_key_id = AKIAWRONGWRONGWRONG1\naws_secret_access_key = wrong\n");
        Files.writeString(files.configFile(), "[profile " + PROFILE + "]\nregion = eu-west-1\n");
        VerifyReport report;
        try (MotoServer enforcing = MotoServer.start(Path.of("target", "moto-logs", "SetupVerifierTest-iam.log"))) {
            enforcing.enforceIam();
            AwsOptions options = adminOptions().withCredentials(null);
            options = new AwsOptions(
                    options.region(),
                    enforcing.endpoint(),
                    files,
                    null,
                    null,
                    Map.of(),
                    AwsOptions.DEFAULT_MAX_CONNECTIONS);
            report = new SetupVerifier(options, options, reporter)
                    .verify(new VerifySpec(BUCKET, PREFIX, PROFILE, null, false));
        }

        Check authenticates = check(report, SetupVerifier.AUTHENTICATES);
        assertThat(authenticates.status()).isEqualTo(Check.Status.FAIL);
        assertThat(authenticates.detail()).contains("HTTP 403");
        assertThat(authenticates.fix()).contains("Check the key in profile 'liveupdate'");
        assertThat(check(report, SetupVerifier.PROFILE).detail()).contains("AKIA************ONG1");
        assertThat(report.checks().subList(2, 8)).allMatch(check -> check.status() == Check.Status.SKIP);
    }

    @Test
    void dryRunWritesNoProbe() {
        setUp();

        VerifyReport report = new SetupVerifier(adminOptions(), adminOptions(), reporter)
                .verify(new VerifySpec(BUCKET, PREFIX, PROFILE, null, true));

        assertThat(check(report, SetupVerifier.PUT_OBJECT).status()).isEqualTo(Check.Status.SKIP);
        assertThat(check(report, SetupVerifier.ANONYMOUS_GET).status()).isEqualTo(Check.Status.SKIP);
        assertThat(exists(PROBE_KEY)).isFalse();
    }

    /**
     * Signs with the key that setup wrote while moto enforces IAM, so the uploader's policy decides checks 2 to 5.
     * The root account's key stops working once IAM is enforced, so the admin cannot delete the probe here. Checks
     * 6 to 8 are not asserted, because moto 5.2.1, while it enforces IAM, fails unsigned requests with HTTP 500 and
     * rejects the uploader's listing of a prefix.
     */
    @Test
    void setupKeyPassesUnderIam() {
        VerifyReport report;
        try (MotoServer enforcing = MotoServer.start(
                Path.of("target", "moto-logs", "SetupVerifierTest-policy.log"),
                Map.of("MOTO_DISABLE_GLOBAL_CORS", "true"))) {
            AwsOptions root = new AwsOptions(
                    "eu-west-1",
                    enforcing.endpoint(),
                    files,
                    null,
                    AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY),
                    Map.of(),
                    AwsOptions.DEFAULT_MAX_CONNECTIONS);
            try (AwsConnection aws = AwsConnection.open(root)) {
                BucketSpec bucket = new BucketSpec(BUCKET, "game", true, true, null, null, 3000);
                new FullSetup(aws, files, Reporter.silent())
                        .run(bucket, null, null, Duration.ofSeconds(10), PROFILE, false);
                Path zip = LiveUpdateFixtures.seeded(8).resources(4).writeZip(folder.resolve("content.zip"));
                new Uploader(aws.s3(), Reporter.silent())
                        .upload(new UploadSpec(zip, BUCKET, "game", Layout.RESOURCES, 4, null, null, false));
            }
            enforcing.enforceIam();
            report = new SetupVerifier(root, root, reporter)
                    .verify(new VerifySpec(BUCKET, "game", PROFILE, null, false));
        }

        for (String name : List.of(
                SetupVerifier.PROFILE,
                SetupVerifier.AUTHENTICATES,
                SetupVerifier.LIST_BUCKETS,
                SetupVerifier.BUCKET_ACL,
                SetupVerifier.PUT_OBJECT)) {
            assertThat(check(report, name).status()).as(name).isEqualTo(Check.Status.PASS);
        }
        assertThat(detail(report, SetupVerifier.PUT_OBJECT)).contains("left it there");
    }

    @Test
    void outputContainsNoSecret() throws IOException {
        setUp();
        String secret = AwsConnection.loadProfiles(files)
                .profile(PROFILE)
                .flatMap(profile -> profile.property(ProfileProperty.AWS_SECRET_ACCESS_KEY))
                .orElseThrow();
        String keyId = AwsConnection.loadProfiles(files)
                .profile(PROFILE)
                .flatMap(profile -> profile.property(ProfileProperty.AWS_ACCESS_KEY_ID))
                .orElseThrow();

        VerifyReport report = verify(adminOptions());

        String output = String.join("\n", report.lines()) + "\n" + reporter.all();
        assertThat(output.contains(secret)).as("output contains the secret").isFalse();
        assertThat(output.contains(keyId))
                .as("output contains the unmasked key id")
                .isFalse();
    }

    private void setUp() {
        setUp(null);
    }

    private void setUp(List<String> corsOrigins) {
        try (AwsConnection aws = admin()) {
            BucketSpec bucket = new BucketSpec(BUCKET, PREFIX, true, true, corsOrigins, null, 3000);
            new FullSetup(aws, files, Reporter.silent())
                    .run(bucket, null, null, Duration.ofSeconds(10), PROFILE, false);
        }
    }

    private void publish(LiveUpdateFixtures fixtures) {
        Path zip = fixtures.writeZip(folder.resolve("content.zip"));
        try (AwsConnection aws = admin()) {
            new Uploader(aws.s3(), Reporter.silent())
                    .upload(new UploadSpec(zip, BUCKET, PREFIX, Layout.RESOURCES, 4, null, null, false));
        }
    }

    private VerifyReport verify(AwsOptions adminOptions) {
        VerifySpec spec = new VerifySpec(BUCKET, PREFIX, PROFILE, null, false);
        return new SetupVerifier(adminOptions, adminOptions, reporter).verify(spec);
    }

    private boolean exists(String key) {
        try (AwsConnection aws = admin()) {
            aws.s3().headObject(request -> request.bucket(BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private AwsConnection admin() {
        return AwsConnection.open(adminOptions());
    }

    private AwsOptions adminOptions() {
        return new AwsOptions(
                "eu-west-1",
                moto.endpoint(),
                files,
                null,
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY),
                Map.of(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS);
    }

    private static Check check(VerifyReport report, String name) {
        return report.checks().stream()
                .filter(check -> check.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name));
    }

    private static String detail(VerifyReport report, String name) {
        return check(report, name).detail();
    }
}

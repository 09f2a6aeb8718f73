package io.github.liveupdate.teardown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.bucket.BucketSpec;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.iam.IamResult;
import io.github.liveupdate.setup.FullSetup;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Runs setup and then teardown against moto_server. */
class TeardownTest {

    private static final String BUCKET = "teardown-test";
    private static final String USER = "liveupdate-teardown-test";
    private static final String PROFILE = "liveupdate";
    private static final String OTHER_PROFILE = "[staging]\naws_access_key_id = AKIAOTHERSTAGING0002\n"
            + "aws_secret_access_key = other-staging-secret-not-real\n";
    private static final String FOREIGN_STATEMENT = "{\"Sid\":\"CdnRead\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::teardown-test/*\"}";
    private static final CORSRule FOREIGN_RULE = CORSRule.builder()
            .id("Uploads")
            .allowedMethods("PUT")
            .allowedOrigins("https://admin.example.com")
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MotoServer moto;

    @TempDir
    Path folder;

    private AwsFiles files;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto-logs", "TeardownTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void resetState() throws IOException {
        moto.reset();
        files = AwsFiles.resolve(folder.resolve("credentials"), folder.resolve("config"), Map.of(), folder);
        Files.writeString(files.credentialsFile(), OTHER_PROFILE);
    }

    @Test
    void removesSetupAndKeepsForeignItems() throws IOException {
        setup();
        addForeignStatementAndRule();

        teardown(BUCKET, false, false);

        try (IamClient iam = iam()) {
            assertThatThrownBy(() -> iam.getUser(r -> r.userName(USER))).isInstanceOf(NoSuchEntityException.class);
            assertThat(iam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
        }
        try (S3Client s3 = s3()) {
            assertThat(statementIds(s3)).containsExactly("CdnRead");
            assertThat(s3.getBucketCors(r -> r.bucket(BUCKET)).corsRules())
                    .extracting(CORSRule::id)
                    .containsExactly("Uploads");
            assertThat(s3.headBucket(r -> r.bucket(BUCKET)).sdkHttpResponse().isSuccessful())
                    .isTrue();
        }
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(OTHER_PROFILE);
        assertThat(Files.readString(files.configFile())).doesNotContain("[profile liveupdate]");
    }

    @Test
    void removesEveryAccessKeyOfUser() {
        setup();
        try (IamClient iam = iam()) {
            iam.createAccessKey(r -> r.userName(USER));
        }
        reporter.lines.clear();

        teardown(BUCKET, false, false);

        try (IamClient iam = iam()) {
            assertThat(iam.listUsers().users()).isEmpty();
        }
        assertThat(reporter.infoLines())
                .filteredOn(line -> line.startsWith("Access key "))
                .hasSize(2);
    }

    @Test
    void deletesPolicyWithOlderVersions() {
        setup("game/v1");
        setup("game/v2");
        try (IamClient iam = iam()) {
            String arn =
                    iam.listPolicies(r -> r.scope("Local")).policies().get(0).arn();
            assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).hasSize(2);
        }

        teardown(BUCKET, false, false);

        try (IamClient iam = iam()) {
            assertThat(iam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
        }
        assertThat(reporter.infoLines())
                .anyMatch(line -> line.startsWith("Version v1 of IAM policy") && line.endsWith(": deleted"));
    }

    @Test
    void restoresBlockWhenNoStatementLeft() {
        setup();

        teardown(BUCKET, false, false);

        try (S3Client s3 = s3()) {
            var block = s3.getPublicAccessBlock(r -> r.bucket(BUCKET)).publicAccessBlockConfiguration();
            assertThat(block.blockPublicPolicy()).isTrue();
            assertThat(block.restrictPublicBuckets()).isTrue();
            assertThat(s3.listBuckets().buckets()).hasSize(1);
        }
    }

    @Test
    void keepsUserWithoutOurTag() throws IOException {
        try (IamClient iam = iam()) {
            iam.createUser(r -> r.userName(USER));
        }
        setup();
        String credentials = Files.readString(files.credentialsFile());

        teardown(BUCKET, false, false);

        try (IamClient iam = iam()) {
            assertThat(iam.getUser(r -> r.userName(USER)).user().userName()).isEqualTo(USER);
            assertThat(iam.listAccessKeys(r -> r.userName(USER)).accessKeyMetadata())
                    .hasSize(1);
            assertThat(iam.listAttachedUserPolicies(r -> r.userName(USER)).attachedPolicies())
                    .isEmpty();
            assertThat(iam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
        }
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(credentials);
        assertThat(reporter.infoLines())
                .anyMatch(line -> line.startsWith("  keep: IAM user " + USER) && line.contains("no tag"));
    }

    @Test
    void deleteBucketRemovesVersionsAndBucket() {
        setup();
        try (S3Client s3 = s3()) {
            s3.putBucketVersioning(
                    r -> r.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            for (int i = 0; i < 3; i++) {
                s3.putObject(r -> r.bucket(BUCKET).key("game/v1/manifest"), RequestBody.fromString("v" + i));
            }
            s3.putObject(r -> r.bucket(BUCKET).key("game/v1/a"), RequestBody.fromString("a"));
            s3.deleteObject(r -> r.bucket(BUCKET).key("game/v1/a"));
        }

        teardown(BUCKET, true, false);

        try (S3Client s3 = s3()) {
            assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(BUCKET))).isInstanceOf(NoSuchBucketException.class);
        }
        assertThat(reporter.infoLines()).anyMatch(line -> line.contains("all 5 object versions and delete markers"));
    }

    @Test
    void deleteBucketRemovesUnversionedObjectsAndUploads() {
        setup();
        try (S3Client s3 = s3()) {
            s3.putObject(r -> r.bucket(BUCKET).key("game/v1/manifest"), RequestBody.fromString("m"));
            s3.createMultipartUpload(r -> r.bucket(BUCKET).key("game/v1/big.zip"));
        }

        teardown(BUCKET, true, false);

        try (S3Client s3 = s3()) {
            assertThat(s3.listBuckets().buckets()).isEmpty();
        }
        assertThat(reporter.infoLines()).contains("Aborted 1 unfinished multipart uploads of bucket teardown-test.");
    }

    @Test
    void secondRunChangesNothing() throws IOException {
        setup();
        addForeignStatementAndRule();
        teardown(BUCKET, false, false);
        String credentials = Files.readString(files.credentialsFile());
        String config = Files.readString(files.configFile());
        reporter.lines.clear();

        TeardownPlan plan = teardown(BUCKET, false, false);

        assertThat(plan.hasChanges()).isFalse();
        assertThat(reporter.infoLines())
                .contains("Teardown found nothing of the setup for bucket teardown-test to delete.");
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(credentials);
        assertThat(Files.readString(files.configFile())).isEqualTo(config);
    }

    @Test
    void secondRunWithoutConfirmationSucceeds() {
        setup();
        teardown(BUCKET, false, false);

        TeardownPlan plan = teardown(null, false, false);

        assertThat(plan.hasChanges()).isFalse();
    }

    @Test
    void refusesWithoutConfirmation() throws IOException {
        setup();
        String credentials = Files.readString(files.credentialsFile());

        assertThatThrownBy(() -> teardown(null, false, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.teardown.confirm=teardown-test");

        assertEverythingThere(credentials);
        assertThat(reporter.infoLines()).anyMatch(line -> line.startsWith("  delete: IAM user " + USER));
    }

    @Test
    void refusesWrongConfirmation() throws IOException {
        setup();
        String credentials = Files.readString(files.credentialsFile());

        assertThatThrownBy(() -> teardown("yes", true, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("The confirmation 'yes' is not the bucket name");

        assertEverythingThere(credentials);
    }

    @Test
    void dryRunChangesNothing() throws IOException {
        setup();
        String credentials = Files.readString(files.credentialsFile());

        TeardownPlan plan = teardown(null, true, true);

        assertThat(plan.hasChanges()).isTrue();
        assertEverythingThere(credentials);
        assertThat(reporter.infoLines()).contains("Dry run: teardown deleted nothing.");
    }

    @Test
    void printsNoSecret() {
        IamResult result = setup();
        String secret = result.newKey().orElseThrow().secretAccessKey();
        String keyId = result.newKey().orElseThrow().accessKeyId();

        teardown(BUCKET, false, false);

        assertThat(reporter.all().contains(secret))
                .as("a log line contains the secret")
                .isFalse();
        assertThat(reporter.all().contains(keyId))
                .as("a log line contains the unmasked key id")
                .isFalse();
    }

    private void assertEverythingThere(String credentials) throws IOException {
        try (IamClient iam = iam();
                S3Client s3 = s3()) {
            assertThat(iam.listAccessKeys(r -> r.userName(USER)).accessKeyMetadata())
                    .hasSize(1);
            assertThat(iam.listPolicies(r -> r.scope("Local")).policies()).hasSize(1);
            assertThat(statementIds(s3)).containsExactly("LiveUpdatePublicRead");
            assertThat(s3.getBucketCors(r -> r.bucket(BUCKET)).corsRules())
                    .extracting(CORSRule::id)
                    .containsExactly("LiveUpdateCors");
            assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET)).keyCount()).isZero();
        }
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(credentials);
    }

    private IamResult setup() {
        return setup("game/v1");
    }

    private IamResult setup(String prefix) {
        try (AwsConnection aws = AwsConnection.open(admin())) {
            BucketSpec bucket = new BucketSpec(BUCKET, prefix, true, true, null, null, 3000);
            return new FullSetup(aws, files, reporter).run(bucket, null, null, Duration.ZERO, PROFILE, false);
        }
    }

    private TeardownPlan teardown(String confirmation, boolean deleteBucket, boolean dryRun) {
        try (AwsConnection aws = AwsConnection.open(admin())) {
            TeardownSpec spec = new TeardownSpec(BUCKET, null, null, PROFILE, deleteBucket, confirmation, dryRun);
            return new Teardown(aws, files, reporter).run(spec);
        }
    }

    private void addForeignStatementAndRule() {
        try (S3Client s3 = s3()) {
            String policy = s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy();
            String withForeign =
                    policy.replaceFirst("\"Statement\"\\s*:\\s*\\[", "\"Statement\":[" + FOREIGN_STATEMENT + ",");
            s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(withForeign));
            List<CORSRule> rules =
                    new ArrayList<>(s3.getBucketCors(r -> r.bucket(BUCKET)).corsRules());
            rules.add(FOREIGN_RULE);
            s3.putBucketCors(r -> r.bucket(BUCKET).corsConfiguration(c -> c.corsRules(rules)));
        }
    }

    private static List<String> statementIds(S3Client s3) throws IOException {
        JsonNode policy =
                JSON.readTree(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy());
        List<String> ids = new ArrayList<>();
        policy.get("Statement")
                .forEach(statement -> ids.add(statement.path("Sid").asText()));
        return ids;
    }

    private AwsOptions admin() {
        return new AwsOptions(
                "eu-west-1",
                moto.endpoint(),
                files,
                null,
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY),
                Map.of(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS);
    }

    private S3Client s3() {
        return AwsConnection.open(admin()).s3();
    }

    private IamClient iam() {
        return AwsConnection.open(admin()).iam();
    }
}

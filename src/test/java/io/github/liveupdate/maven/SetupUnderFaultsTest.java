package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.testing.EntityPropagation;
import io.github.liveupdate.testing.Fault;
import io.github.liveupdate.testing.FaultProxy;
import io.github.liveupdate.testing.FaultSummary;
import io.github.liveupdate.testing.ItAws;
import io.github.liveupdate.testing.KeyPropagation;
import io.github.liveupdate.testing.Match;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.NewBucketDefaults;
import io.github.liveupdate.testing.RecordedRequest;
import io.github.liveupdate.testing.Trigger;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * Runs the setup goal in this JVM, as Maven would, against moto behind a {@link FaultProxy}: transient
 * errors, resets and cut responses on each kind of setup request, the settings of new buckets, and the
 * eventual consistency of IAM. Each test checks that setup succeeds, that the account ends as one clean
 * setup leaves it, and that the log contains no secret. The counts go to
 * {@code target/reliability/setup.tsv} for the reliability report.
 */
class SetupUnderFaultsTest {

    private static final String BUCKET = "faults-game-bucket";
    private static final String USER = "liveupdate-faults-game-bucket";
    private static final Path REPORT = Path.of("target", "reliability", "setup.tsv");

    private static MotoServer moto;
    private FaultProxy proxy;
    private CapturingLog log;

    @TempDir
    Path folder;

    @BeforeAll
    static void startMoto() throws IOException {
        moto = MotoServer.start(Path.of("target", "moto-logs", "SetupUnderFaultsTest.log"));
        Files.createDirectories(REPORT.getParent());
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void startProxy() {
        moto.reset();
        proxy = FaultProxy.start(moto.endpoint());
        log = new CapturingLog();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /** Returns one fault on the first request of each kind that setup sends. */
    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("HeadBucket", Fault.slowDown()),
                Arguments.of("CreateBucket", Fault.slowDown()),
                Arguments.of("CreateBucket", Fault.resetBeforeForward()),
                Arguments.of("CreateBucket", Fault.resetAfterForward()),
                Arguments.of("GetBucketOwnershipControls", Fault.internalError()),
                Arguments.of("GetBucketOwnershipControls", Fault.truncatedSuccess()),
                Arguments.of("PutPublicAccessBlock", Fault.internalError()),
                Arguments.of("GetBucketPolicy", Fault.resetBeforeForward()),
                Arguments.of("PutBucketPolicy", Fault.slowDown()),
                Arguments.of("PutBucketPolicy", Fault.resetAfterForward()),
                Arguments.of("PutBucketCors", Fault.truncatedSuccess()),
                Arguments.of("PutBucketCors", Fault.resetBeforeForward()),
                Arguments.of("GetCallerIdentity", Fault.internalError()),
                Arguments.of("GetPolicy", Fault.slowDown()),
                Arguments.of("CreatePolicy", Fault.slowDown()),
                Arguments.of("CreatePolicy", Fault.resetAfterForward()),
                Arguments.of("GetUser", Fault.throttling()),
                Arguments.of("CreateUser", Fault.internalError()),
                Arguments.of("CreateUser", Fault.resetAfterForward()),
                Arguments.of("ListAttachedUserPolicies", Fault.truncatedSuccess()),
                Arguments.of("AttachUserPolicy", Fault.slowDown()),
                Arguments.of("ListAccessKeys", Fault.resetBeforeForward()),
                Arguments.of("CreateAccessKey", Fault.internalError()),
                Arguments.of("CreateAccessKey", Fault.resetAfterForward()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("transientFaults")
    void transientFaultIsRetried(String action, Fault fault) throws Exception {
        proxy.inject(Match.action(action), Trigger.nth(1), fault);

        runSetup();

        RecordedRequest first = proxy.requests(action).get(0);
        assertThat(first.fault()).as("fault on the first %s", action).isEqualTo(fault.label());
        FaultSummary summary = proxy.summary();
        assertThat(summary.notRetried()).as("failed requests not sent again").isEmpty();
        assertCleanSetup();
        assertNoSecretInLog();
        report(action + ": " + fault.label(), summary, "success");
    }

    /** SDK 2.59.1 reads the GetBucketPolicy body in an interceptor, outside its own retries. */
    @Test
    void cutBucketPolicyResponseIsRetried() throws Exception {
        runSetup();
        proxy.inject(Match.action("GetBucketPolicy"), Trigger.nth(1), Fault.truncatedSuccess());

        runSetup();

        List<RecordedRequest> reads = proxy.requests("GetBucketPolicy");
        assertThat(reads.get(1).fault())
                .as("second run's first GetBucketPolicy")
                .isEqualTo("truncated response");
        assertThat(reads).as("GetBucketPolicy requests").hasSize(3);
        assertCleanSetup();
        report("GetBucketPolicy: truncated response (second run)", proxy.summary(), "success");
    }

    @Test
    void survivesNewBucketDefaults() throws Exception {
        proxy.play(new NewBucketDefaults(moto.endpoint(), Duration.ofSeconds(3)));

        runSetup();

        List<RecordedRequest> policyPuts = proxy.requests("PutBucketPolicy");
        assertThat(policyPuts.get(0).status()).as("first PutBucketPolicy").isEqualTo(403);
        assertThat(policyPuts.get(policyPuts.size() - 1).status())
                .as("last PutBucketPolicy")
                .isEqualTo(200);
        try (S3Client s3 = s3Direct()) {
            PublicAccessBlockConfiguration block =
                    s3.getPublicAccessBlock(r -> r.bucket(BUCKET)).publicAccessBlockConfiguration();
            assertThat(block.blockPublicAcls()).as("BlockPublicAcls").isTrue();
            assertThat(block.ignorePublicAcls()).as("IgnorePublicAcls").isTrue();
            assertThat(block.blockPublicPolicy()).as("BlockPublicPolicy").isFalse();
        }
        assertThat(proxy.requests("PutBucketAcl")).as("ACL requests").isEmpty();
        assertThat(log.text()).contains("Block Public Access (public policies allowed, ACLs blocked): updated");
        assertCleanSetup();
        assertNoSecretInLog();
        report("new bucket defaults, public policy refused for 3 s", proxy.summary(), "success");
    }

    @Test
    void waitsForNewKeyAndUser() throws Exception {
        proxy.play(new KeyPropagation(Duration.ofSeconds(5)));
        proxy.play(new EntityPropagation(Duration.ofSeconds(3)));

        runSetup();

        List<RecordedRequest> keyChecks = proxy.requests("GetCallerIdentity").stream()
                .filter(r -> !"testing".equals(r.signerKeyId()))
                .toList();
        assertThat(keyChecks.get(0).fault())
                .as("first check of the new key")
                .isEqualTo("new-key: InvalidClientTokenId");
        assertThat(keyChecks.get(keyChecks.size() - 1).status())
                .as("last check of the new key")
                .isEqualTo(200);
        long entityRejections = proxy.requests().stream()
                .filter(r -> r.faulted() && r.fault().startsWith("new-entity"))
                .count();
        assertThat(entityRejections)
                .as("requests that found no new user or policy")
                .isPositive();
        assertCleanSetup();
        assertNoSecretInLog();
        try (S3Client s3 = s3WithProfileKey()) {
            s3.putObject(r -> r.bucket(BUCKET).key("game/v1/probe"), RequestBody.fromString("probe"));
        }
        report("new key rejected 5 s, new user and policy not found 3 s", proxy.summary(), "success");
    }

    @Test
    void threeRunsWithFaultsConverge() throws Exception {
        proxy.play(new NewBucketDefaults(moto.endpoint(), Duration.ofSeconds(2)));
        proxy.play(new KeyPropagation(Duration.ofSeconds(3)));
        proxy.play(new EntityPropagation(Duration.ofSeconds(2)));
        proxy.inject(Match.any(), Trigger.rate(0.10, 11), Fault.slowDown());
        proxy.inject(Match.any(), Trigger.rate(0.05, 12), Fault.internalError());
        proxy.inject(Match.any(), Trigger.rate(0.05, 13), Fault.resetBeforeForward());
        proxy.inject(Match.any(), Trigger.rate(0.05, 14), Fault.truncatedSuccess());
        proxy.inject(
                Match.action("CreateUser", "CreatePolicy", "PutBucketPolicy"),
                Trigger.nth(1),
                Fault.resetAfterForward());

        runSetup();
        runSetup();
        runSetup();

        String[] runs = log.text().split(Pattern.quote("[INFO] Setup complete"));
        for (int run = 1; run < 3; run++) {
            List<String> changed = runs[run]
                    .lines()
                    .filter(line -> line.startsWith("[INFO] ") && line.matches(".*: (created|updated)( .*)?$"))
                    .toList();
            assertThat(changed).as("steps changed by run %d", run + 1).isEmpty();
        }
        assertCleanSetup();
        assertNoSecretInLog();
        FaultSummary summary = proxy.summary();
        assertThat(summary.injected()).as("injected faults").isPositive();
        assertThat(summary.notRetried()).as("failed requests not sent again").isEmpty();
        report("three runs, all behaviours, 25% of requests faulted", summary, "success, runs 2-3 unchanged");
    }

    private void runSetup() throws MojoExecutionException, MojoFailureException {
        SetupMojo mojo = SetupMojos.withDefaults(BUCKET, proxy.endpoint(), folder);
        mojo.setLog(log);
        mojo.execute();
    }

    /** Checks that the account contains what one clean setup creates, and nothing twice. */
    private void assertCleanSetup() {
        Profile profile = ProfileFile.builder()
                .content(folder.resolve("aws/credentials"))
                .type(ProfileFile.Type.CREDENTIALS)
                .build()
                .profile(AbstractLiveUpdateMojo.DEFAULT_PROFILE)
                .orElseThrow();
        String keyId = profile.property("aws_access_key_id").orElseThrow();
        try (IamClient iam = iamDirect()) {
            assertThat(iam.listUsers().users()).as("IAM users").hasSize(1);
            List<String> keys = iam.listAccessKeys(r -> r.userName(USER)).accessKeyMetadata().stream()
                    .map(key -> key.accessKeyId())
                    .toList();
            assertThat(keys).as("access keys of the user").containsExactly(keyId);
            List<Policy> policies = iam.listPolicies(r -> r.scope("Local")).policies();
            assertThat(policies).as("managed policies").hasSize(1);
            int versions = iam.listPolicyVersions(
                            r -> r.policyArn(policies.get(0).arn()))
                    .versions()
                    .size();
            assertThat(versions).as("policy versions").isBetween(1, 5);
            assertThat(iam.listAttachedUserPolicies(r -> r.userName(USER)).attachedPolicies())
                    .as("attached policies")
                    .hasSize(1);
        }
        try (S3Client s3 = s3Direct()) {
            String policy = s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy();
            assertThat(Pattern.compile("LiveUpdatePublicRead")
                            .matcher(policy)
                            .results()
                            .count())
                    .as("statements with our Sid")
                    .isEqualTo(1);
            List<String> rules = s3.getBucketCors(r -> r.bucket(BUCKET)).corsRules().stream()
                    .map(rule -> rule.id())
                    .toList();
            assertThat(rules).as("CORS rules").containsExactly("LiveUpdateCors");
        }
    }

    private void assertNoSecretInLog() {
        List<String> secrets = ItAws.issuedSecrets(moto.endpoint());
        assertThat(secrets).as("secrets that moto issued").isNotEmpty();
        String text = log.text();
        boolean leaked = secrets.stream().anyMatch(text::contains);
        assertThat(leaked).as("the log contains a secret access key").isFalse();
    }

    private void report(String faults, FaultSummary summary, String outcome) throws IOException {
        String line = String.join(
                        "\t",
                        faults,
                        Integer.toString(summary.requests()),
                        Integer.toString(summary.injected()),
                        Integer.toString(summary.modelled()),
                        Integer.toString(summary.retried()),
                        outcome)
                + System.lineSeparator();
        System.out.print("RELIABILITY\t" + line);
        Files.writeString(REPORT, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private S3Client s3WithProfileKey() {
        Profile profile = ProfileFile.builder()
                .content(folder.resolve("aws/credentials"))
                .type(ProfileFile.Type.CREDENTIALS)
                .build()
                .profile(AbstractLiveUpdateMojo.DEFAULT_PROFILE)
                .orElseThrow();
        return S3Client.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(proxy.endpoint()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        profile.property("aws_access_key_id").orElseThrow(),
                        profile.property("aws_secret_access_key").orElseThrow())))
                .build();
    }

    private static S3Client s3Direct() {
        return S3Client.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(moto.endpoint()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    private static IamClient iamDirect() {
        return IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create(moto.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }
}

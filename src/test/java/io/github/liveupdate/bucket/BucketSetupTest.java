package io.github.liveupdate.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.testing.MotoServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Runs the bucket setup against moto_server. */
class BucketSetupTest {

    private static final String BUCKET = "my-game-lu";
    private static final String OTHER_ACCOUNT = "111122223333";
    private static final String FOREIGN_STATEMENT = "{\"Sid\":\"CdnRead\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::my-game-lu/*\"}";
    private static final CORSRule FOREIGN_RULE = CORSRule.builder()
            .id("Uploads")
            .allowedMethods("PUT")
            .allowedOrigins("https://admin.example.com")
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MotoServer moto;

    private final List<String> lines = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<S3Client> clients = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void debug(String message) {}
    };

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto", "BucketSetupTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void resetMoto() {
        moto.reset();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(S3Client::close);
    }

    @Test
    void createsBucketInEuWest1() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(lines).contains("Bucket my-game-lu (eu-west-1): created");
        assertThat(s3(Region.EU_WEST_1).getBucketLocation(r -> r.bucket(BUCKET)).locationConstraint())
                .isEqualTo(BucketLocationConstraint.EU_WEST_1);
    }

    @Test
    void createsBucketInUsEast1() {
        setup(s3(Region.US_EAST_1), Region.US_EAST_1).apply(spec(true, true), false);

        assertThat(lines).contains("Bucket my-game-lu (us-east-1): created");
        assertThat(s3(Region.US_EAST_1).headBucket(r -> r.bucket(BUCKET)).bucketRegion())
                .isEqualTo("us-east-1");
    }

    @Test
    void reportsEveryStepOfNewBucket() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(lines)
                .containsExactly(
                        "Bucket my-game-lu (eu-west-1): created",
                        "Object ownership (bucket owner enforced): unchanged",
                        "Block Public Access (public policies allowed, ACLs blocked): created",
                        "Bucket policy statement LiveUpdatePublicRead: created",
                        "CORS rule LiveUpdateCors: created");
    }

    @Test
    void enforcesBucketOwner() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(ownership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }

    @Test
    void keepsAclBlocksOn() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        PublicAccessBlockConfiguration block = publicAccessBlock();
        assertThat(block.blockPublicAcls()).as("BlockPublicAcls").isTrue();
        assertThat(block.ignorePublicAcls()).as("IgnorePublicAcls").isTrue();
        assertThat(block.blockPublicPolicy()).as("BlockPublicPolicy").isFalse();
        assertThat(block.restrictPublicBuckets()).as("RestrictPublicBuckets").isFalse();
    }

    @Test
    void putsPublicReadStatementForPrefix() throws Exception {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        JsonNode statement = statement("LiveUpdatePublicRead");
        assertThat(statement.get("Principal").asText()).isEqualTo("*");
        assertThat(statement.get("Action").asText()).isEqualTo("s3:GetObject");
        assertThat(statement.get("Resource").asText()).isEqualTo("arn:aws:s3:::my-game-lu/game/v1/*");
    }

    @Test
    void putsCorsRule() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        CORSRule rule = corsRule("LiveUpdateCors");
        assertThat(rule.allowedMethods()).containsExactlyInAnyOrder("GET", "HEAD");
        assertThat(rule.allowedOrigins()).containsExactly("*");
        assertThat(rule.allowedHeaders()).containsExactly("*");
        assertThat(rule.maxAgeSeconds()).isEqualTo(3000);
    }

    @Test
    void secondApplyReportsUnchanged() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);
        lines.clear();

        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(line).endsWith(": unchanged"));
    }

    @Test
    void secondApplySendsOnlyReads() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));

        setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(recording.calls).allSatisfy(call -> assertThat(call).matches("(head|get|list).*"));
    }

    @Test
    void keepsExistingPolicyStatement() throws Exception {
        S3Client s3 = s3(Region.EU_WEST_1);
        createBucket(s3, Region.EU_WEST_1);
        s3.putBucketPolicy(
                r -> r.bucket(BUCKET).policy("{\"Version\":\"2012-10-17\",\"Statement\":[" + FOREIGN_STATEMENT + "]}"));

        setup(s3, Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(statement("CdnRead")).isEqualTo(JSON.readTree(FOREIGN_STATEMENT));
        assertThat(statement("LiveUpdatePublicRead")).isNotNull();
    }

    @Test
    void keepsExistingCorsRule() {
        S3Client s3 = s3(Region.EU_WEST_1);
        createBucket(s3, Region.EU_WEST_1);
        s3.putBucketCors(r -> r.bucket(BUCKET).corsConfiguration(c -> c.corsRules(FOREIGN_RULE)));

        setup(s3, Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(corsRule("Uploads").allowedMethods()).containsExactly("PUT");
        assertThat(corsRule("LiveUpdateCors")).isNotNull();
    }

    @Test
    void reusesExistingBucket() {
        createBucket(s3(Region.EU_WEST_1), Region.EU_WEST_1);

        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(lines).contains("Bucket my-game-lu (eu-west-1): unchanged");
    }

    @Test
    void updatesExistingObjectOwnership() {
        s3(Region.EU_WEST_1)
                .createBucket(r -> r.bucket(BUCKET)
                        .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                        .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(lines).contains("Object ownership (bucket owner enforced): updated");
        assertThat(ownership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }

    @Test
    void updatesStatementWhenPrefixChanges() throws Exception {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);
        lines.clear();
        BucketSpec otherPrefix = new BucketSpec(BUCKET, "game/v2", true, true, null, null, 3000);

        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(otherPrefix, false);

        assertThat(lines).contains("Bucket policy statement LiveUpdatePublicRead: updated");
        assertThat(statement("LiveUpdatePublicRead").get("Resource").asText())
                .isEqualTo("arn:aws:s3:::my-game-lu/game/v2/*");
    }

    @Test
    void warnsWhenPublicReadMovesToNewPrefix() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);
        lines.clear();
        BucketSpec otherPrefix = new BucketSpec(BUCKET, "game/v2", true, true, null, null, 3000);

        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(otherPrefix, false);

        assertThat(lines)
                .anyMatch(line -> line.startsWith("WARN Public read moves from arn:aws:s3:::my-game-lu/")
                        && line.contains("to arn:aws:s3:::my-game-lu/game/v2/*"));
    }

    @Test
    void samePrefixDoesNotWarn() {
        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);
        lines.clear();

        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(lines).noneMatch(line -> line.startsWith("WARN"));
    }

    @Test
    void failsForBucketOfAnotherAccount() {
        S3Client otherAccount = s3(Region.EU_WEST_1, OTHER_ACCOUNT);
        createBucket(otherAccount, Region.EU_WEST_1);

        assertThatThrownBy(() -> setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("belongs to another AWS account")
                .hasMessageContaining("choose another name");
    }

    @Test
    void failsWhenCreateFindsNameTaken() {
        createBucket(s3(Region.EU_WEST_1, OTHER_ACCOUNT), Region.EU_WEST_1);
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));
        recording.hideBuckets = true;

        assertThatThrownBy(() -> setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("belongs to another AWS account");
        assertThat(recording.calls).containsExactly("headBucket", "createBucket");
    }

    @Test
    void reusesOwnedBucketOnCreate() {
        createBucket(s3(Region.EU_WEST_1), Region.EU_WEST_1);
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));
        recording.hideBuckets = true;

        setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(recording.calls).contains("createBucket");
        assertThat(lines).contains("Bucket my-game-lu (eu-west-1): unchanged");
    }

    @Test
    void failsForBucketInOtherRegion() {
        createBucket(s3(Region.US_WEST_2), Region.US_WEST_2);

        assertThatThrownBy(() -> setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(spec(true, true), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("exists in region us-west-2, not in eu-west-1")
                .hasMessageContaining("Set <region> or -Dliveupdate.region to us-west-2");
    }

    @Test
    void failsForRedirectNamingRegion() {
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));
        recording.redirectRegion = "ap-south-1";

        assertThatThrownBy(() -> setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("exists in region ap-south-1, not in eu-west-1");
        assertThat(recording.calls).containsExactly("headBucket");
    }

    @Test
    void removesOnlyOurStatement() throws Exception {
        S3Client s3 = s3(Region.EU_WEST_1);
        setup(s3, Region.EU_WEST_1).apply(spec(true, true), false);
        String withOurs = s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy();
        String withBoth = withOurs.replace("\"Statement\":[", "\"Statement\":[" + FOREIGN_STATEMENT + ",");
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(withBoth));
        lines.clear();

        setup(s3, Region.EU_WEST_1).apply(spec(false, true), false);

        assertThat(lines)
                .contains("Bucket policy statement LiveUpdatePublicRead (absent, publicRead is false): updated");
        assertThat(statement("LiveUpdatePublicRead")).isNull();
        assertThat(statement("CdnRead")).isNotNull();
    }

    @Test
    void deletesPolicyLeftEmpty() {
        S3Client s3 = s3(Region.EU_WEST_1);
        setup(s3, Region.EU_WEST_1).apply(spec(true, true), false);

        setup(s3, Region.EU_WEST_1).apply(spec(false, true), false);

        assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket(BUCKET)))
                .isInstanceOf(S3Exception.class)
                .hasMessageContaining("policy does not exist");
    }

    @Test
    void publicReadFalseLeavesBlockPublicAccess() {
        S3Client s3 = s3(Region.EU_WEST_1);
        createBucket(s3, Region.EU_WEST_1);
        PublicAccessBlockConfiguration allBlocked = PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(true)
                .ignorePublicAcls(true)
                .blockPublicPolicy(true)
                .restrictPublicBuckets(true)
                .build();
        s3.putPublicAccessBlock(r -> r.bucket(BUCKET).publicAccessBlockConfiguration(allBlocked));

        setup(s3, Region.EU_WEST_1).apply(spec(false, true), false);

        assertThat(publicAccessBlock()).isEqualTo(allBlocked);
    }

    @Test
    void removesOnlyOurCorsRule() {
        S3Client s3 = s3(Region.EU_WEST_1);
        createBucket(s3, Region.EU_WEST_1);
        s3.putBucketCors(r -> r.bucket(BUCKET).corsConfiguration(c -> c.corsRules(FOREIGN_RULE)));
        setup(s3, Region.EU_WEST_1).apply(spec(true, true), false);
        lines.clear();

        setup(s3, Region.EU_WEST_1).apply(spec(true, false), false);

        assertThat(lines).contains("CORS rule LiveUpdateCors (absent, cors is false): updated");
        assertThat(corsRule("LiveUpdateCors")).isNull();
        assertThat(corsRule("Uploads")).isNotNull();
    }

    @Test
    void deletesCorsLeftEmpty() {
        S3Client s3 = s3(Region.EU_WEST_1);
        setup(s3, Region.EU_WEST_1).apply(spec(true, true), false);

        setup(s3, Region.EU_WEST_1).apply(spec(true, false), false);

        assertThatThrownBy(() -> s3.getBucketCors(r -> r.bucket(BUCKET)))
                .isInstanceOf(S3Exception.class)
                .hasMessageContaining("CORS configuration does not exist");
    }

    @Test
    void dryRunPlansMissingBucket() {
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));

        setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), true);

        assertThat(recording.calls).containsExactly("headBucket");
        assertThat(lines)
                .containsExactly(
                        "Bucket my-game-lu (eu-west-1): would create or change (dry run)",
                        "Object ownership (bucket owner enforced): would create or change (dry run)",
                        "Block Public Access (public policies allowed, ACLs blocked): would create or change (dry run)",
                        "Bucket policy statement LiveUpdatePublicRead: would create or change (dry run)",
                        "CORS rule LiveUpdateCors: would create or change (dry run)");
    }

    @Test
    void dryRunSendsOnlyReads() {
        createBucket(s3(Region.EU_WEST_1), Region.EU_WEST_1);
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));

        setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), true);

        assertThat(recording.calls).allSatisfy(call -> assertThat(call).matches("(head|get|list).*"));
        assertThat(lines).contains("Bucket policy statement LiveUpdatePublicRead: would create or change (dry run)");
    }

    @Test
    void retriesPolicyWhileAccessDenied() throws Exception {
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));
        recording.policyDenials = 2;

        setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(sleeps).hasSize(2);
        assertThat(statement("LiveUpdatePublicRead")).isNotNull();
    }

    @Test
    void failsWhenPolicyStaysDenied() {
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));
        recording.policyDenials = Integer.MAX_VALUE;

        assertThatThrownBy(() -> setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("S3 denied the bucket policy of my-game-lu")
                .hasMessageContaining("account-level Block Public Access")
                .hasMessageContaining("-Dliveupdate.publicRead=false");
    }

    @Test
    void warnsAboutDotsInName() {
        BucketSpec dotted = new BucketSpec("my.game.lu", "", true, true, null, null, 3000);

        setup(s3(Region.EU_WEST_1), Region.EU_WEST_1).apply(dotted, false);

        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("WARN Bucket name 'my.game.lu' contains dots"));
    }

    @Test
    void sendsNoAcl() {
        RecordingS3 recording = new RecordingS3(s3(Region.EU_WEST_1));

        setup(recording.client(), Region.EU_WEST_1).apply(spec(true, true), false);

        assertThat(recording.calls).noneSatisfy(call -> assertThat(call).containsIgnoringCase("acl"));
    }

    @Test
    void headBucketOfMissingBucketIsNotFound() {
        assertThatThrownBy(() -> s3(Region.EU_WEST_1).headBucket(r -> r.bucket(BUCKET)))
                .isInstanceOf(NoSuchBucketException.class);
    }

    private BucketSetup setup(S3Client s3, Region region) {
        Backoff backoff =
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), sleeps::add);
        return new BucketSetup(s3, region, "aws", reporter, backoff);
    }

    private static BucketSpec spec(boolean publicRead, boolean cors) {
        return new BucketSpec(BUCKET, "game/v1", publicRead, cors, null, null, 3000);
    }

    private S3Client s3(Region region) {
        return s3(region, null);
    }

    /** Builds a client; a non-null {@code accountId} makes moto treat the requests as that account's. */
    private S3Client s3(Region region, String accountId) {
        var builder = S3Client.builder()
                .region(region)
                .endpointOverride(URI.create(moto.endpoint()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)));
        if (accountId != null) {
            builder.overrideConfiguration(o -> o.putHeader("x-moto-account-id", accountId));
        }
        S3Client client = builder.build();
        clients.add(client);
        return client;
    }

    private static void createBucket(S3Client s3, Region region) {
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(region.id())));
    }

    private ObjectOwnership ownership() {
        return s3(Region.EU_WEST_1)
                .getBucketOwnershipControls(r -> r.bucket(BUCKET))
                .ownershipControls()
                .rules()
                .get(0)
                .objectOwnership();
    }

    private PublicAccessBlockConfiguration publicAccessBlock() {
        return s3(Region.EU_WEST_1).getPublicAccessBlock(r -> r.bucket(BUCKET)).publicAccessBlockConfiguration();
    }

    /** Returns the statement with the given Sid from the bucket policy, or null. */
    private JsonNode statement(String sid) throws Exception {
        String policy =
                s3(Region.EU_WEST_1).getBucketPolicy(r -> r.bucket(BUCKET)).policy();
        for (JsonNode statement : JSON.readTree(policy).get("Statement")) {
            if (sid.equals(statement.path("Sid").asText())) {
                return statement;
            }
        }
        return null;
    }

    /** Returns the CORS rule with the given ID, or null. */
    private CORSRule corsRule(String id) {
        return s3(Region.EU_WEST_1).getBucketCors(r -> r.bucket(BUCKET)).corsRules().stream()
                .filter(rule -> id.equals(rule.id()))
                .findFirst()
                .orElse(null);
    }

    /**
     * An S3 client that records the names of the operations called on it and can fail PutBucketPolicy
     * with AccessDenied a number of times before passing it on. With {@code hideBuckets}, HeadBucket returns
     * not found, as it may right before another request creates the bucket. With {@code redirectRegion},
     * HeadBucket returns 301 with that region in its header, as S3 does for a bucket in another region.
     */
    private static final class RecordingS3 implements InvocationHandler {

        private final S3Client target;
        private final List<String> calls = new ArrayList<>();
        private int policyDenials;
        private boolean hideBuckets;
        private String redirectRegion;

        RecordingS3(S3Client target) {
            this.target = target;
        }

        S3Client client() {
            return (S3Client)
                    Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() != Object.class) {
                calls.add(method.getName());
            }
            if (method.getName().equals("headBucket") && hideBuckets) {
                throw NoSuchBucketException.builder().statusCode(404).build();
            }
            if (method.getName().equals("headBucket") && redirectRegion != null) {
                SdkHttpResponse response = SdkHttpResponse.builder()
                        .statusCode(301)
                        .putHeader("x-amz-bucket-region", redirectRegion)
                        .build();
                throw S3Exception.builder()
                        .statusCode(301)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .sdkHttpResponse(response)
                                .build())
                        .build();
            }
            if (method.getName().equals("putBucketPolicy") && policyDenials > 0) {
                policyDenials--;
                throw S3Exception.builder()
                        .statusCode(403)
                        .message("Access Denied")
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("AccessDenied")
                                .errorMessage("Access Denied")
                                .build())
                        .build();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

package io.github.liveupdate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

class FaultProxyTest {

    private static final String BUCKET = "proxy-test-bucket";
    private static final String PUBLIC_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\","
            + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::" + BUCKET + "/*\"}]}";

    private static MotoServer moto;
    private FaultProxy proxy;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto-logs", "FaultProxyTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void startProxy() {
        moto.reset();
        proxy = FaultProxy.start(moto.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void forwardsAwsChunkedUpload() {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);
            s3.putObject(r -> r.bucket(BUCKET).key("big.bin"), RequestBody.fromBytes(content));

            byte[] read =
                    s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("big.bin")).asByteArray();

            assertThat(read).isEqualTo(content);
        }
        assertThat(proxy.requests("PutObject"))
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(200);
    }

    @Test
    void forwardsHeadRequest() {
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);
            s3.putObject(r -> r.bucket(BUCKET).key("a.txt"), RequestBody.fromString("12345"));

            long length = s3.headObject(r -> r.bucket(BUCKET).key("a.txt")).contentLength();

            assertThat(length).isEqualTo(5);
        }
    }

    @Test
    void recordsServiceActionAndSigner() {
        try (IamClient iam = iam("testing", "testing")) {
            iam.createUser(r -> r.userName("recorded"));
        }
        RecordedRequest request = proxy.requests().get(0);
        assertThat(request.service()).isEqualTo("iam");
        assertThat(request.action()).isEqualTo("CreateUser");
        assertThat(request.signerKeyId()).isEqualTo("testing");
        assertThat(request.status()).isEqualTo(200);
    }

    @Test
    void namesS3Operations() {
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);
            s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(PUBLIC_POLICY));
            s3.getBucketPolicy(r -> r.bucket(BUCKET));
            s3.listObjectsV2(r -> r.bucket(BUCKET));
        }
        List<String> actions =
                proxy.requests().stream().map(RecordedRequest::action).toList();
        assertThat(actions).containsExactly("CreateBucket", "PutBucketPolicy", "GetBucketPolicy", "ListObjectsV2");
    }

    @Test
    void nthFaultFiresOnce() {
        proxy.inject(Match.action("CreateBucket"), Trigger.nth(1), Fault.slowDown());
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);
        }
        List<Integer> statuses = proxy.requests("CreateBucket").stream()
                .map(RecordedRequest::status)
                .toList();
        assertThat(statuses).containsExactly(503, 200);
    }

    @Test
    void queryErrorBodyCarriesCode() {
        proxy.inject(Match.action("GetUser"), Trigger.always(), new Fault.Error(400, "X", "ValidationError", "bad"));
        try (IamClient iam = iam("testing", "testing")) {
            iam.createUser(r -> r.userName("someone"));

            var failure = catchThrowableOfType(
                    software.amazon.awssdk.services.iam.model.IamException.class,
                    () -> iam.getUser(r -> r.userName("someone")));

            assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        }
    }

    @Test
    void resetBeforeForwardingIsRetried() {
        proxy.inject(Match.action("ListBuckets"), Trigger.nth(1), Fault.resetBeforeForward());
        try (S3Client s3 = s3("testing", "testing")) {
            s3.listBuckets();
        }
        List<Integer> statuses =
                proxy.requests().stream().map(RecordedRequest::status).toList();
        assertThat(statuses).containsExactly(-1, 200);
    }

    @Test
    void resetAfterForwardingAppliesRequest() {
        proxy.inject(Match.action("CreateUser"), Trigger.nth(1), Fault.resetAfterForward());
        try (IamClient iam = iam("testing", "testing")) {
            var failure = catchThrowableOfType(
                    software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException.class,
                    () -> iam.createUser(r -> r.userName("twice")));

            assertThat(failure)
                    .as("the retry finds the user that the first attempt created")
                    .isNotNull();
        }
    }

    /**
     * The SDK 2.59.1 client, as configured by default, does not retry a response cut inside its XML body,
     * because it gets an XML parse error rather than an I/O failure. The plugin's clients add that retry,
     * which AwsConnectionTest checks.
     */
    @Test
    void truncatedResponseReachesClient() {
        proxy.inject(Match.action("ListBuckets"), Trigger.nth(1), Fault.truncatedResponse());
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);

            SdkClientException failure = catchThrowableOfType(SdkClientException.class, s3::listBuckets);

            assertThat(failure).isNotNull();
        }
        assertThat(proxy.requests("ListBuckets"))
                .singleElement()
                .extracting(RecordedRequest::fault)
                .isEqualTo("truncated response");
    }

    @Test
    void delayForwardsAfterWaiting() {
        proxy.inject(Match.action("ListBuckets"), Trigger.always(), Fault.delay(Duration.ofMillis(700)));
        long start = System.nanoTime();
        try (S3Client s3 = s3("testing", "testing")) {
            s3.listBuckets();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(proxy.requests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(200);
    }

    @Test
    void rateRepeatsWithSameSeed() {
        Trigger first = Trigger.rate(0.3, 42);
        Trigger second = Trigger.rate(0.3, 42);
        List<Boolean> a = IntStream.rangeClosed(1, 50).mapToObj(first::fires).toList();
        List<Boolean> b = IntStream.rangeClosed(1, 50).mapToObj(second::fires).toList();
        assertThat(a).isEqualTo(b);
        assertThat(a).contains(true, false);
    }

    @Test
    void newKeyRejectedUntilPropagated() throws InterruptedException {
        proxy.play(new KeyPropagation(Duration.ofSeconds(2)));
        AccessKey key = createUserWithKey("fresh");
        try (StsClient sts = sts(key.accessKeyId(), key.secretAccessKey());
                S3Client s3 = s3(key.accessKeyId(), key.secretAccessKey())) {
            StsException stsFailure = catchThrowableOfType(StsException.class, sts::getCallerIdentity);
            S3Exception s3Failure = catchThrowableOfType(S3Exception.class, s3::listBuckets);

            assertThat(stsFailure.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(s3Failure.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");

            Thread.sleep(2100);
            assertThat(sts.getCallerIdentity().arn()).endsWith("user/fresh");
        }
    }

    @Test
    void newUserNotFoundUntilPropagated() throws InterruptedException {
        proxy.play(new EntityPropagation(Duration.ofSeconds(2)));
        try (IamClient iam = iam("testing", "testing")) {
            iam.createUser(r -> r.userName("fresh"));

            var failure =
                    catchThrowableOfType(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName("fresh")));

            assertThat(failure).isNotNull();
            Thread.sleep(2100);
            assertThat(iam.getUser(r -> r.userName("fresh")).user().userName()).isEqualTo("fresh");
        }
    }

    @Test
    void newBucketBlocksPublicAccess() {
        proxy.play(new NewBucketDefaults(moto.endpoint(), Duration.ofSeconds(1)));
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);

            PublicAccessBlockConfiguration block =
                    s3.getPublicAccessBlock(r -> r.bucket(BUCKET)).publicAccessBlockConfiguration();
            S3Exception policyFailure = catchThrowableOfType(
                    S3Exception.class,
                    () -> s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(PUBLIC_POLICY)));

            assertThat(block.blockPublicPolicy()).isTrue();
            assertThat(block.blockPublicAcls()).isTrue();
            assertThat(policyFailure.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(policyFailure.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void publicPolicyWaitsForBlockPublicAccessChange() throws InterruptedException {
        proxy.play(new NewBucketDefaults(moto.endpoint(), Duration.ofSeconds(1)));
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);
            s3.putPublicAccessBlock(r -> r.bucket(BUCKET)
                    .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                            .ignorePublicAcls(true)
                            .blockPublicPolicy(false)
                            .restrictPublicBuckets(false)));

            S3Exception early = catchThrowableOfType(
                    S3Exception.class,
                    () -> s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(PUBLIC_POLICY)));
            Thread.sleep(1100);
            s3.putBucketPolicy(r -> r.bucket(BUCKET).policy(PUBLIC_POLICY));

            assertThat(early.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy()).contains("\"Read\"");
        }
    }

    @Test
    void aclHeaderRejected() {
        proxy.play(new NewBucketDefaults(moto.endpoint(), Duration.ofSeconds(1)));
        try (S3Client s3 = s3("testing", "testing")) {
            createBucket(s3);

            S3Exception failure = catchThrowableOfType(
                    S3Exception.class,
                    () -> s3.putObject(
                            r -> r.bucket(BUCKET).key("a").acl(ObjectCannedACL.PUBLIC_READ),
                            RequestBody.fromString("a")));

            assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("AccessControlListNotSupported");
            assertThat(failure.statusCode()).isEqualTo(400);
        }
    }

    /** moto checks signatures against the Host header, which the proxy forwards as the client sent it. */
    @Test
    void signaturesHoldWhenMotoEnforcesIam() {
        try (MotoServer enforcing = MotoServer.start(Path.of("target", "moto-logs", "FaultProxyTest-iam.log"));
                FaultProxy iamProxy = FaultProxy.start(enforcing.endpoint())) {
            AccessKey key;
            try (IamClient iam = client(IamClient.builder(), iamProxy, "testing", "testing")) {
                iam.createUser(r -> r.userName("admin"));
                String everything = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
                String policyArn = iam.createPolicy(
                                r -> r.policyName("everything").policyDocument(everything))
                        .policy()
                        .arn();
                iam.attachUserPolicy(r -> r.userName("admin").policyArn(policyArn));
                key = iam.createAccessKey(r -> r.userName("admin")).accessKey();
            }
            enforcing.enforceIam();
            try (S3Client s3 = client(
                            S3Client.builder().forcePathStyle(true),
                            iamProxy,
                            key.accessKeyId(),
                            key.secretAccessKey());
                    S3Client wrongSecret =
                            client(S3Client.builder().forcePathStyle(true), iamProxy, key.accessKeyId(), "wrong")) {
                s3.createBucket(
                        r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
                s3.putObject(r -> r.bucket(BUCKET).key("signed"), RequestBody.fromString("signed body"));

                S3Exception failure = catchThrowableOfType(S3Exception.class, wrongSecret::listBuckets);

                assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("signed"))
                                .asUtf8String())
                        .isEqualTo("signed body");
                assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            }
        }
    }

    private AccessKey createUserWithKey(String user) {
        try (IamClient iam = iam("testing", "testing")) {
            iam.createUser(r -> r.userName(user));
            return iam.createAccessKey(r -> r.userName(user)).accessKey();
        }
    }

    private static void createBucket(S3Client s3) {
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
    }

    private S3Client s3(String keyId, String secret) {
        return client(S3Client.builder().forcePathStyle(true), proxy, keyId, secret);
    }

    private IamClient iam(String keyId, String secret) {
        return client(IamClient.builder(), proxy, keyId, secret);
    }

    private StsClient sts(String keyId, String secret) {
        return client(StsClient.builder(), proxy, keyId, secret);
    }

    private static <C, B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>> C client(
            B builder, FaultProxy target, String keyId, String secret) {
        boolean iam = builder instanceof software.amazon.awssdk.services.iam.IamClientBuilder;
        return builder.region(iam ? Region.AWS_GLOBAL : Region.EU_WEST_1)
                .endpointOverride(URI.create(target.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .build();
    }
}

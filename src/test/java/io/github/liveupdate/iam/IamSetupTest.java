package io.github.liveupdate.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.testing.Fault;
import io.github.liveupdate.testing.FaultProxy;
import io.github.liveupdate.testing.Match;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.RecordingReporter;
import io.github.liveupdate.testing.Trigger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

class IamSetupTest {

    private static final String BUCKET = "game-bucket";
    private static final String NAME = "liveupdate-game-bucket";
    private static final AwsCredentialsProvider ROOT =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private static MotoServer server;
    private static IamClient iam;
    private static StsClient sts;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Backoff.Sleeper sleeper = sleeps::add;

    @BeforeAll
    static void startMoto() {
        server = MotoServer.start(Path.of("target", "moto-logs", "IamSetupTest.log"));
        iam = IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(ROOT)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
        sts = stsSignedBy(ROOT);
    }

    @AfterAll
    static void stopMoto() {
        iam.close();
        sts.close();
        server.close();
    }

    @BeforeEach
    void resetMoto() {
        server.reset();
    }

    private static StsClient stsSignedBy(AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private IamSetup setup() {
        return setup(iam, IamSetupTest::stsSignedBy);
    }

    private IamSetup setup(IamClient client, Function<AwsCredentialsProvider, StsClient> stsForKey) {
        return new IamSetup(client, sts, stsForKey, reporter, sleeper);
    }

    private static IamSpec spec(String prefix) {
        return spec(prefix, Duration.ofSeconds(60));
    }

    private static IamSpec spec(String prefix, Duration keyWait) {
        return new IamSpec(BUCKET, prefix, "aws", null, null, keyWait, "liveupdate");
    }

    private static StsException invalidToken() {
        return (StsException) StsException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("InvalidClientTokenId")
                        .errorMessage("The security token included in the request is invalid.")
                        .build())
                .message("The security token included in the request is invalid.")
                .build();
    }

    private static NoSuchEntityException noSuchEntity() {
        return (NoSuchEntityException) NoSuchEntityException.builder()
                .statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("NoSuchEntity")
                        .errorMessage("The user with name " + NAME + " cannot be found.")
                        .build())
                .message("The user with name " + NAME + " cannot be found.")
                .build();
    }

    private static List<AccessKeyMetadata> keys() {
        return iam.listAccessKeys(r -> r.userName(NAME)).accessKeyMetadata();
    }

    private static PolicyVersion defaultVersion(String policyArn) {
        Policy policy = iam.getPolicy(r -> r.policyArn(policyArn)).policy();
        return iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(policy.defaultVersionId()))
                .policyVersion();
    }

    @Test
    void freshApplyCreatesPolicyUserAttachmentAndKey() {
        IamResult result = setup().apply(spec("game/v1"), Optional.empty(), false);

        AccessKeyPair key = result.newKey().orElseThrow();
        assertThat(result.userName()).isEqualTo(NAME);
        assertThat(result.policyArn()).isEqualTo("arn:aws:iam::123456789012:policy/" + NAME);
        assertThat(result.accessKeyId()).contains(key.accessKeyId());
        assertThat(reporter.infoLines())
                .containsExactly(
                        "IAM policy " + NAME + ": created",
                        "IAM user " + NAME + ": created",
                        "Policy " + NAME + " attached to IAM user " + NAME + ": created",
                        "Access key " + KeyIds.mask(key.accessKeyId()) + " of IAM user " + NAME + ": created");

        assertThat(iam.listUsers().users()).hasSize(1);
        assertThat(iam.getUser(r -> r.userName(NAME)).user().tags())
                .contains(tag("created-by", "liveupdate-maven-plugin"), tag("liveupdate-bucket", BUCKET));
        assertThat(iam.getPolicy(r -> r.policyArn(result.policyArn())).policy().tags())
                .contains(tag("created-by", "liveupdate-maven-plugin"), tag("liveupdate-bucket", BUCKET));
        assertThat(UploaderPolicy.isEquivalent(
                        defaultVersion(result.policyArn()).document(),
                        UploaderPolicy.document(BUCKET, "game/v1", "aws")))
                .isTrue();
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(NAME)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn)
                .containsExactly(result.policyArn());
        assertThat(keys()).extracting(AccessKeyMetadata::accessKeyId).containsExactly(key.accessKeyId());
    }

    @Test
    void logOmitsSecretAndFullKeyId() {
        IamResult result = setup().apply(spec("game/v1"), Optional.empty(), false);

        AccessKeyPair key = result.newKey().orElseThrow();
        assertThat(reporter.all()).doesNotContain(key.secretAccessKey());
        assertThat(reporter.all()).doesNotContain(key.accessKeyId());
        assertThat(result.toString()).doesNotContain(key.secretAccessKey());
        assertThat(result.toString()).doesNotContain(key.accessKeyId());
    }

    @Test
    void secondApplyWithProfileKeyChangesNothing() {
        String keyId = setup().apply(spec("game/v1"), Optional.empty(), false)
                .accessKeyId()
                .orElseThrow();
        reporter.lines.clear();

        IamResult second = setup().apply(spec("game/v1"), Optional.of(keyId), false);

        assertThat(second.newKey()).isEmpty();
        assertThat(second.accessKeyId()).contains(keyId);
        assertThat(reporter.infoLines())
                .containsExactly(
                        "IAM policy " + NAME + ": unchanged",
                        "IAM user " + NAME + ": unchanged",
                        "Policy " + NAME + " attached to IAM user " + NAME + ": unchanged",
                        "Access key " + KeyIds.mask(keyId) + ": unchanged (in profile 'liveupdate')");
        assertThat(keys()).hasSize(1);
    }

    @Test
    void changedPrefixCreatesPolicyVersion() {
        String keyId = setup().apply(spec("game/v1"), Optional.empty(), false)
                .accessKeyId()
                .orElseThrow();
        reporter.lines.clear();

        IamResult second = setup().apply(spec("game/v2"), Optional.of(keyId), false);

        assertThat(reporter.infoLines()).contains("IAM policy " + NAME + ": updated (new default version v2)");
        PolicyVersion current = defaultVersion(second.policyArn());
        assertThat(current.versionId()).isEqualTo("v2");
        assertThat(UploaderPolicy.isEquivalent(current.document(), UploaderPolicy.document(BUCKET, "game/v2", "aws")))
                .isTrue();
    }

    @Test
    void sixPrefixChangesKeepFiveVersions() {
        String keyId =
                setup().apply(spec("v0"), Optional.empty(), false).accessKeyId().orElseThrow();
        String policyArn = null;
        for (int change = 1; change <= 6; change++) {
            policyArn =
                    setup().apply(spec("v" + change), Optional.of(keyId), false).policyArn();
        }

        String arn = policyArn;
        List<PolicyVersion> versions =
                iam.listPolicyVersions(r -> r.policyArn(arn)).versions();
        assertThat(versions)
                .extracting(PolicyVersion::versionId)
                .containsExactlyInAnyOrder("v3", "v4", "v5", "v6", "v7");
        assertThat(defaultVersion(arn).versionId()).isEqualTo("v7");
        assertThat(UploaderPolicy.isEquivalent(
                        defaultVersion(arn).document(), UploaderPolicy.document(BUCKET, "v6", "aws")))
                .isTrue();
        assertThat(reporter.infoLines())
                .contains("IAM policy " + NAME + ": updated (new default version v7, deleted oldest version v2"
                        + " because IAM keeps at most 5)");
    }

    @Test
    void twoKeysNoneInProfileFails() {
        AccessKeyPair first =
                setup().apply(spec("game/v1"), Optional.empty(), false).newKey().orElseThrow();
        AccessKey second = iam.createAccessKey(r -> r.userName(NAME)).accessKey();

        LiveUpdateException failure = catchThrowableOfType(
                LiveUpdateException.class, () -> setup().apply(spec("game/v1"), Optional.empty(), false));

        assertThat(failure.getMessage()).contains(KeyIds.mask(first.accessKeyId()));
        assertThat(failure.getMessage()).contains(KeyIds.mask(second.accessKeyId()));
        assertThat(failure.getMessage())
                .contains("aws iam delete-access-key --user-name " + NAME + " --access-key-id ID");
        assertThat(failure.getMessage()).contains("mvn liveupdate:write-profile");
        assertThat(failure.getMessage()).doesNotContain(first.accessKeyId());
        assertThat(failure.getMessage()).doesNotContain(second.accessKeyId());
        assertThat(failure.getMessage()).doesNotContain(first.secretAccessKey());
        assertThat(failure.getMessage()).doesNotContain(second.secretAccessKey());
        assertThat(keys()).hasSize(2);
    }

    @Test
    void twoKeysAndForeignProfileKeyFail() {
        setup().apply(spec("game/v1"), Optional.empty(), false);
        iam.createAccessKey(r -> r.userName(NAME));

        assertThatThrownBy(() -> setup().apply(spec("game/v1"), Optional.of("AKIAOTHERUSERKEY0001"), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("contains no active one of them");
    }

    @Test
    void keyOfOtherUserInProfileFails() {
        iam.createUser(r -> r.userName("other-game-uploader"));
        String otherKey = iam.createAccessKey(r -> r.userName("other-game-uploader"))
                .accessKey()
                .accessKeyId();

        assertThatThrownBy(() -> setup().apply(spec("game/v1"), Optional.of(otherKey), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("of IAM user other-game-uploader, not of IAM user " + NAME)
                .hasMessageContaining("-Dliveupdate.profile=NAME")
                .hasMessageContaining("-Dliveupdate.replaceProfileKey=true")
                .hasMessageNotContaining(otherKey);
        assertThat(iam.listUsers().users()).extracting(user -> user.userName()).doesNotContain(NAME);
    }

    @Test
    void keyOfOtherUserIsReplacedWhenAllowed() {
        iam.createUser(r -> r.userName("other-game-uploader"));
        String otherKey = iam.createAccessKey(r -> r.userName("other-game-uploader"))
                .accessKey()
                .accessKeyId();
        IamSpec replacing =
                new IamSpec(BUCKET, "game/v1", "aws", null, null, Duration.ofSeconds(60), "liveupdate", true);

        IamResult result = setup().apply(replacing, Optional.of(otherKey), false);

        assertThat(result.newKey()).isPresent();
        assertThat(reporter.all())
                .contains("WARN Profile 'liveupdate' contains access key " + KeyIds.mask(otherKey)
                        + " of IAM user other-game-uploader");
    }

    @Test
    void unknownKeyInProfileIsReplacedWithWarning() {
        IamResult result = setup().apply(spec("game/v1"), Optional.of("AKIAUNKNOWNKEY000001"), false);

        assertThat(result.newKey()).isPresent();
        assertThat(reporter.all()).contains("which IAM does not know");
    }

    @Test
    void profileKeyOfUserAmongTwoIsKept() {
        String keyId = setup().apply(spec("game/v1"), Optional.empty(), false)
                .accessKeyId()
                .orElseThrow();
        iam.createAccessKey(r -> r.userName(NAME));

        IamResult result = setup().apply(spec("game/v1"), Optional.of(keyId), false);

        assertThat(result.newKey()).isEmpty();
        assertThat(result.accessKeyId()).contains(keyId);
    }

    @Test
    void inactiveProfileKeyIsReplaced() {
        String keyId = setup().apply(spec("game/v1"), Optional.empty(), false)
                .accessKeyId()
                .orElseThrow();
        iam.updateAccessKey(r -> r.userName(NAME).accessKeyId(keyId).status(StatusType.INACTIVE));
        reporter.lines.clear();

        IamResult result = setup().apply(spec("game/v1"), Optional.of(keyId), false);

        assertThat(result.newKey()).isPresent();
        assertThat(result.accessKeyId()).isNotEqualTo(Optional.of(keyId));
        assertThat(reporter.all()).contains("WARN Profile 'liveupdate' contains access key " + KeyIds.mask(keyId));
        assertThat(keys()).hasSize(2);
    }

    @Test
    void dryRunCreatesNothing() {
        IamResult result = setup().apply(spec("game/v1"), Optional.empty(), true);

        assertThat(reporter.infoLines())
                .containsExactly(
                        "IAM policy " + NAME + ": would create or change (dry run)",
                        "IAM user " + NAME + ": would create or change (dry run)",
                        "Policy " + NAME + " attached to IAM user " + NAME + ": would create or change (dry run)",
                        "Access key of IAM user " + NAME + ": would create or change (dry run)");
        assertThat(result.newKey()).isEmpty();
        assertThat(result.accessKeyId()).isEmpty();
        assertThat(iam.listUsers().users()).isEmpty();
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies())
                .isEmpty();
    }

    @Test
    void dryRunLeavesChangedPolicyAlone() {
        String keyId = setup().apply(spec("game/v1"), Optional.empty(), false)
                .accessKeyId()
                .orElseThrow();
        reporter.lines.clear();

        IamResult result = setup().apply(spec("game/v2"), Optional.of(keyId), true);

        assertThat(reporter.infoLines()).contains("IAM policy " + NAME + ": would create or change (dry run)");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(result.policyArn())).versions())
                .hasSize(1);
    }

    @Test
    void foreignPolicyIsNotReplaced() {
        iam.createPolicy(r -> r.policyName(NAME)
                .policyDocument(UploaderPolicy.toJson(UploaderPolicy.document("other-bucket", "", "aws"))));

        assertThatThrownBy(() -> setup().apply(spec("game/v1"), Optional.empty(), false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("created-by=liveupdate-maven-plugin")
                .hasMessageContaining("-Dliveupdate.policyName");
        assertThat(iam.listUsers().users()).isEmpty();
    }

    @Test
    void retriesNoSuchEntityAfterCreatingUser() {
        FailingFirstCalls<IamClient> faults = FailingFirstCalls.wrapping(iam)
                .fail("attachUserPolicy", 2, IamSetupTest::noSuchEntity)
                .fail("createAccessKey", 1, IamSetupTest::noSuchEntity);

        IamResult result = setup(faults.proxy(IamClient.class), IamSetupTest::stsSignedBy)
                .apply(spec("game/v1"), Optional.empty(), false);

        assertThat(faults.calls("attachUserPolicy")).isEqualTo(3);
        assertThat(faults.calls("createAccessKey")).isEqualTo(2);
        assertThat(sleeps).hasSize(3);
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(NAME)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn)
                .containsExactly(result.policyArn());
        assertThat(keys()).hasSize(1);
    }

    @Test
    void newKeyIsCheckedUntilItAuthenticates() {
        List<FailingFirstCalls<StsClient>> built = new ArrayList<>();
        Function<AwsCredentialsProvider, StsClient> stsForKey = credentials -> {
            FailingFirstCalls<StsClient> faults = FailingFirstCalls.wrapping(stsSignedBy(credentials))
                    .fail("getCallerIdentity", 3, IamSetupTest::invalidToken);
            built.add(faults);
            return faults.proxy(StsClient.class);
        };

        IamResult result = setup(iam, stsForKey).apply(spec("game/v1"), Optional.empty(), false);

        assertThat(result.newKey()).isPresent();
        assertThat(built).hasSize(1);
        assertThat(built.get(0).calls("getCallerIdentity")).isEqualTo(4);
        assertThat(built.get(0).calls("close")).isEqualTo(1);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void newKeyThatNeverAuthenticatesIsDeleted() {
        AtomicReference<String> secret = new AtomicReference<>();
        Function<AwsCredentialsProvider, StsClient> stsForKey = credentials -> {
            secret.set(credentials.resolveCredentials().secretAccessKey());
            return FailingFirstCalls.wrapping(stsSignedBy(credentials))
                    .fail("getCallerIdentity", Integer.MAX_VALUE, IamSetupTest::invalidToken)
                    .proxy(StsClient.class);
        };

        LiveUpdateException failure = catchThrowableOfType(
                LiveUpdateException.class,
                () -> setup(iam, stsForKey).apply(spec("game/v1", Duration.ofSeconds(5)), Optional.empty(), false));

        assertThat(failure.getMessage()).contains("did not authenticate within 5 s");
        assertThat(failure.getMessage()).contains("The plugin deleted the key");
        assertThat(failure.getMessage()).contains("-Dliveupdate.keyWaitSeconds");
        assertThat(failure.getMessage()).doesNotContain(secret.get());
        assertThat(reporter.all()).doesNotContain(secret.get());
        assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(5000);
        assertThat(keys()).isEmpty();
    }

    @Test
    void zeroKeyWaitSkipsCheck() {
        Function<AwsCredentialsProvider, StsClient> stsForKey = credentials -> {
            throw new AssertionError("the key was checked although the key wait is 0");
        };

        IamResult result = setup(iam, stsForKey).apply(spec("game/v1", Duration.ZERO), Optional.empty(), false);

        assertThat(result.newKey()).isPresent();
    }

    @Test
    void lostCreatePolicyResponseStillCreates() {
        try (FaultProxy proxy = FaultProxy.start(server.endpoint());
                IamClient proxied = iamThrough(proxy)) {
            proxy.inject(Match.action("CreatePolicy"), Trigger.nth(1), Fault.resetAfterForward());

            setup(proxied, IamSetupTest::stsSignedBy).apply(spec("game/v1"), Optional.empty(), false);

            assertThat(proxy.requests("CreatePolicy")).hasSize(2);
        }
        assertThat(reporter.infoLines()).contains("IAM policy " + NAME + ": created");
    }

    @Test
    void lostCreateAccessKeyResponseLeavesOneKey() {
        IamResult result;
        try (FaultProxy proxy = FaultProxy.start(server.endpoint());
                IamClient proxied = iamThrough(proxy)) {
            proxy.inject(Match.action("CreateAccessKey"), Trigger.nth(1), Fault.resetAfterForward());

            result = setup(proxied, IamSetupTest::stsSignedBy).apply(spec("game/v1"), Optional.empty(), false);

            assertThat(proxy.requests("CreateAccessKey")).hasSize(2);
        }
        List<String> keyIds =
                keys().stream().map(AccessKeyMetadata::accessKeyId).toList();
        assertThat(keyIds).containsExactly(result.newKey().orElseThrow().accessKeyId());
        assertThat(reporter.all()).contains("its secret was lost with the dropped response");
    }

    private static IamClient iamThrough(FaultProxy proxy) {
        return IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create(proxy.endpoint()))
                .credentialsProvider(ROOT)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}

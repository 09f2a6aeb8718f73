package io.github.liveupdate.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.iam.KeyAuthentication;
import io.github.liveupdate.testing.ItAws;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

class KeyRotationTest {

    private static final String USER = "liveupdate-game-bucket";
    private static final String PROFILE = "liveupdate";
    private static final String OTHER_PROFILES = """
            # Profiles that rotate-key must leave as they are.
            [default]
            aws_access_key_id = AKIAOTHERDEFAULT0001
            aws_secret_access_key = other-default-secret-not-real

            """;

    private static MotoServer moto;

    @TempDir
    Path folder;

    private AwsFiles files;
    private AwsConnection aws;
    private AccessKeyPair oldKey;
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto-logs", "KeyRotationTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void createUserWithKeyInProfile() throws IOException {
        moto.reset();
        files = AwsFiles.resolve(folder.resolve("credentials"), folder.resolve("config"), Map.of(), folder);
        aws = AwsConnection.open(new AwsOptions(
                "eu-west-1",
                moto.endpoint(),
                files,
                null,
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY),
                Map.of(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS));
        aws.iam().createUser(r -> r.userName(USER));
        oldKey = createKey();
        Files.writeString(files.credentialsFile(), OTHER_PROFILES + profileSection(oldKey));
        Files.writeString(files.configFile(), "[profile liveupdate]\nregion = eu-central-1\n");
    }

    @AfterEach
    void closeConnection() {
        aws.close();
    }

    @Test
    void leavesOneNewKeyInProfile() {
        RotationResult result = rotation().run(spec(false, false));

        AccessKeyPair inProfile = profileKey();
        assertThat(inProfile.accessKeyId()).isNotEqualTo(oldKey.accessKeyId());
        assertThat(result.newKeyId()).contains(inProfile.accessKeyId());
        assertThat(userKeyIds()).containsExactly(inProfile.accessKeyId());
        assertThat(isActive(inProfile.accessKeyId())).isTrue();
    }

    @Test
    void newKeyInProfileAuthenticates() {
        rotation().run(spec(false, false));

        AccessKeyPair inProfile = profileKey();
        try (StsClient sts = aws.stsClient(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(inProfile.accessKeyId(), inProfile.secretAccessKey())))) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(USER);
        }
    }

    @Test
    void keepsOtherProfilesAndRegion() throws IOException {
        rotation().run(spec(false, false));

        assertThat(Files.readString(files.credentialsFile())).startsWith(OTHER_PROFILES);
        assertThat(Files.readString(files.configFile())).isEqualTo("[profile liveupdate]\nregion = eu-central-1\n");
    }

    @Test
    void reportsEachStepWithMaskedIds() {
        RotationResult result = rotation().run(spec(false, false));

        String newId = result.newKeyId().orElseThrow();
        assertThat(reporter.infoLines())
                .contains("Access key " + KeyIds.mask(newId) + " of IAM user " + USER + ": created")
                .contains("New access key " + KeyIds.mask(newId) + " of IAM user " + USER + ": authenticates with STS")
                .contains("Old access key " + KeyIds.mask(oldKey.accessKeyId()) + " of IAM user " + USER + ": deleted");
        assertThat(reporter.all()).doesNotContain(oldKey.accessKeyId());
        assertThat(reporter.all()).doesNotContain(newId);
    }

    @Test
    void logsNoSecret() {
        rotation().run(spec(false, false));

        List<String> secrets = ItAws.issuedSecrets(moto.endpoint());
        assertThat(secrets).isNotEmpty();
        assertThat(secrets).noneMatch(secret -> reporter.all().contains(secret));
        assertThat(reporter.all()).doesNotContain(oldKey.secretAccessKey());
    }

    @Test
    void failedWriteKeepsOldKey() throws IOException {
        String before = Files.readString(files.credentialsFile());
        ProfileKeys failingWrite = new ForwardingProfileKeys(realProfiles()) {
            @Override
            public void write(String profile, AccessKeyPair key) {
                throw new LiveUpdateException("Cannot write the credentials file (injected)");
            }
        };

        LiveUpdateException failure = catchThrowableOfType(
                () -> new KeyRotation(realKeys(), failingWrite, realCheck(), reporter).run(spec(false, false)),
                LiveUpdateException.class);

        assertThat(failure.getMessage()).contains("The new key was deleted");
        assertNoSecretIn(failure.getMessage());
        assertThat(failure.getMessage()).contains("still contains access key " + KeyIds.mask(oldKey.accessKeyId()));
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(before);
        assertThat(userKeyIds()).containsExactly(oldKey.accessKeyId());
        assertThat(isActive(oldKey.accessKeyId())).isTrue();
    }

    @Test
    void keyThatNeverWorksIsDeleted() throws IOException {
        String before = Files.readString(files.credentialsFile());
        KeyCheck neverWorks = (key, wait) -> {
            throw invalidClientToken();
        };

        LiveUpdateException failure = catchThrowableOfType(
                () -> new KeyRotation(realKeys(), realProfiles(), neverWorks, reporter).run(spec(false, false)),
                LiveUpdateException.class);

        assertThat(failure.getMessage()).contains("did not authenticate within 10 s");
        assertNoSecretIn(failure.getMessage());
        assertThat(failure.getMessage()).contains("-Dliveupdate.keyWaitSeconds");
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(before);
        assertThat(userKeyIds()).containsExactly(oldKey.accessKeyId());
        assertThat(isActive(oldKey.accessKeyId())).isTrue();
    }

    @Test
    void failedDeleteOfNewKeyNamesIt() {
        KeyCheck neverWorks = (key, wait) -> {
            throw invalidClientToken();
        };
        AccessKeys deleteFails = new ForwardingAccessKeys(realKeys()) {
            @Override
            public void delete(String userName, String accessKeyId) {
                throw serviceUnavailable();
            }
        };

        LiveUpdateException failure = catchThrowableOfType(
                () -> new KeyRotation(deleteFails, realProfiles(), neverWorks, reporter).run(spec(false, false)),
                LiveUpdateException.class);

        String newId = otherKeyIds().get(0);
        assertThat(failure.getMessage()).contains("Deleting new access key " + KeyIds.mask(newId) + " failed too");
        assertThat(profileKey().accessKeyId()).isEqualTo(oldKey.accessKeyId());
        assertThat(isActive(oldKey.accessKeyId())).isTrue();
    }

    @Test
    void oldKeyDeleteFailureKeepsNewKey() {
        AccessKeys oldKeyDeleteFails = new ForwardingAccessKeys(realKeys()) {
            @Override
            public void delete(String userName, String accessKeyId) {
                if (accessKeyId.equals(oldKey.accessKeyId())) {
                    throw serviceUnavailable();
                }
                super.delete(userName, accessKeyId);
            }
        };

        LiveUpdateException failure = catchThrowableOfType(
                () -> new KeyRotation(oldKeyDeleteFails, realProfiles(), realCheck(), reporter).run(spec(false, false)),
                LiveUpdateException.class);

        AccessKeyPair inProfile = profileKey();
        assertThat(failure.getMessage())
                .contains("deleting old access key " + KeyIds.mask(oldKey.accessKeyId()) + " of IAM user " + USER
                        + " failed");
        assertNoSecretIn(failure.getMessage());
        assertThat(inProfile.accessKeyId()).isNotEqualTo(oldKey.accessKeyId());
        assertThat(userKeyIds()).contains(inProfile.accessKeyId());
        assertThat(isActive(inProfile.accessKeyId())).isTrue();
    }

    @Test
    void nextRunNamesUndeletedOldKey() {
        AccessKeys oldKeyDeleteFails = new ForwardingAccessKeys(realKeys()) {
            @Override
            public void delete(String userName, String accessKeyId) {
                throw serviceUnavailable();
            }
        };
        catchThrowableOfType(
                () -> new KeyRotation(oldKeyDeleteFails, realProfiles(), realCheck(), reporter).run(spec(false, false)),
                LiveUpdateException.class);

        LiveUpdateException failure =
                catchThrowableOfType(() -> rotation().run(spec(false, false)), LiveUpdateException.class);

        assertThat(failure.getMessage()).contains("second access key");
        assertThat(failure.getMessage()).contains(KeyIds.mask(oldKey.accessKeyId()));
    }

    @Test
    void lostCreateResponseKeepsOldKey() throws IOException {
        String before = Files.readString(files.credentialsFile());
        AccessKeys sentTwice = new ForwardingAccessKeys(realKeys()) {
            @Override
            public AccessKeyPair create(String userName) {
                // The first key's response is lost, as when the connection drops and the SDK retries.
                super.create(userName);
                return super.create(userName);
            }
        };

        LiveUpdateException failure = catchThrowableOfType(
                () -> new KeyRotation(sentTwice, realProfiles(), realCheck(), reporter).run(spec(false, false)),
                LiveUpdateException.class);

        assertThat(failure.getMessage()).contains("LimitExceeded");
        assertThat(failure.getMessage()).contains("-Dliveupdate.deleteOtherKey=true");
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(before);
        assertThat(isActive(oldKey.accessKeyId())).isTrue();
    }

    @Test
    void deleteOtherKeyRecoversFromLostCreateResponse() {
        AccessKeys sentTwice = new ForwardingAccessKeys(realKeys()) {
            @Override
            public AccessKeyPair create(String userName) {
                super.create(userName);
                return super.create(userName);
            }
        };
        catchThrowableOfType(
                () -> new KeyRotation(sentTwice, realProfiles(), realCheck(), reporter).run(spec(false, false)),
                LiveUpdateException.class);

        rotation().run(spec(true, false));

        AccessKeyPair inProfile = profileKey();
        assertThat(userKeyIds()).containsExactly(inProfile.accessKeyId());
        assertThat(inProfile.accessKeyId()).isNotEqualTo(oldKey.accessKeyId());
    }

    @Test
    void zeroKeyWaitSkipsCheck() {
        KeyCheck neverWorks = (key, wait) -> {
            throw invalidClientToken();
        };

        RotationResult result = new KeyRotation(realKeys(), realProfiles(), neverWorks, reporter)
                .run(new RotationSpec(USER, PROFILE, Duration.ZERO, false, false));

        assertThat(userKeyIds()).containsExactly(result.newKeyId().orElseThrow());
        assertThat(reporter.lines).anyMatch(line -> line.startsWith("WARN Not checking new access key"));
    }

    @Test
    void replacesInactiveKeyWithWarning() {
        aws.iam()
                .updateAccessKey(
                        r -> r.userName(USER).accessKeyId(oldKey.accessKeyId()).status(StatusType.INACTIVE));

        rotation().run(spec(false, false));

        AccessKeyPair inProfile = profileKey();
        assertThat(userKeyIds()).containsExactly(inProfile.accessKeyId());
        assertThat(isActive(inProfile.accessKeyId())).isTrue();
        assertThat(reporter.lines).anyMatch(line -> line.startsWith("WARN ") && line.contains("is Inactive"));
    }

    @Test
    void secondKeyFailsWithoutDeleting() throws IOException {
        AccessKeyPair other = createKey();
        String before = Files.readString(files.credentialsFile());

        LiveUpdateException failure =
                catchThrowableOfType(() -> rotation().run(spec(false, false)), LiveUpdateException.class);

        assertThat(failure.getMessage()).contains("second access key");
        assertThat(failure.getMessage()).contains(KeyIds.mask(other.accessKeyId()) + " (Active, created ");
        assertThat(failure.getMessage()).contains("-Dliveupdate.deleteOtherKey=true");
        assertThat(failure.getMessage()).doesNotContain(other.accessKeyId());
        assertThat(userKeyIds()).containsExactlyInAnyOrder(oldKey.accessKeyId(), other.accessKeyId());
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(before);
    }

    @Test
    void deleteOtherKeyDeletesItFirst() {
        AccessKeyPair other = createKey();

        RotationResult result = rotation().run(spec(true, false));

        AccessKeyPair inProfile = profileKey();
        assertThat(result.deletedOtherKeyId()).contains(other.accessKeyId());
        assertThat(userKeyIds()).containsExactly(inProfile.accessKeyId());
        assertThat(inProfile.accessKeyId()).isNotIn(oldKey.accessKeyId(), other.accessKeyId());
        assertThat(reporter.infoLines())
                .contains("Other access key " + KeyIds.mask(other.accessKeyId()) + " of IAM user " + USER
                        + ": deleted (-Dliveupdate.deleteOtherKey=true)");
    }

    @Test
    void dryRunChangesNothing() throws IOException {
        AccessKeyPair other = createKey();
        String credentials = Files.readString(files.credentialsFile());
        String config = Files.readString(files.configFile());

        RotationResult result = rotation().run(spec(true, true));

        assertThat(result.newKeyId()).isEmpty();
        assertThat(userKeyIds()).containsExactlyInAnyOrder(oldKey.accessKeyId(), other.accessKeyId());
        assertThat(Files.readString(files.credentialsFile())).isEqualTo(credentials);
        assertThat(Files.readString(files.configFile())).isEqualTo(config);
        assertThat(reporter.infoLines())
                .filteredOn(line -> line.endsWith("would create or change (dry run)"))
                .hasSize(4);
    }

    @Test
    void missingProfileFails() throws IOException {
        Files.writeString(files.credentialsFile(), OTHER_PROFILES);

        LiveUpdateException failure =
                catchThrowableOfType(() -> rotation().run(spec(false, false)), LiveUpdateException.class);

        assertThat(failure.getMessage()).contains("profile 'liveupdate' in " + files.credentialsFile());
        assertThat(failure.getMessage()).contains("mvn liveupdate:setup");
        assertThat(userKeyIds()).containsExactly(oldKey.accessKeyId());
    }

    @Test
    void keyOfAnotherUserFails() throws IOException {
        aws.iam().createUser(r -> r.userName("someone-else"));
        AccessKey stranger =
                aws.iam().createAccessKey(r -> r.userName("someone-else")).accessKey();
        Files.writeString(
                files.credentialsFile(),
                OTHER_PROFILES + profileSection(new AccessKeyPair(stranger.accessKeyId(), stranger.secretAccessKey())));

        LiveUpdateException failure =
                catchThrowableOfType(() -> rotation().run(spec(false, false)), LiveUpdateException.class);

        assertThat(failure.getMessage())
                .contains("Access key " + KeyIds.mask(stranger.accessKeyId()) + " in profile 'liveupdate'");
        assertThat(failure.getMessage()).contains("is not a key of IAM user " + USER);
        assertThat(userKeyIds()).containsExactly(oldKey.accessKeyId());
    }

    @Test
    void missingUserFails() {
        LiveUpdateException failure = catchThrowableOfType(
                () -> rotation().run(new RotationSpec("no-such-user", PROFILE, Duration.ofSeconds(10), false, false)),
                LiveUpdateException.class);

        assertThat(failure.getMessage()).contains("IAM user no-such-user not found");
    }

    private KeyRotation rotation() {
        return new KeyRotation(realKeys(), realProfiles(), realCheck(), reporter);
    }

    private AccessKeys realKeys() {
        return new IamAccessKeys(aws.iam());
    }

    private ProfileKeys realProfiles() {
        return new CredentialsFileKeys(files, reporter, "eu-west-1");
    }

    private KeyCheck realCheck() {
        return new KeyAuthentication(aws::stsClient, reporter, sleeps::add)::await;
    }

    private static RotationSpec spec(boolean deleteOtherKey, boolean dryRun) {
        return new RotationSpec(USER, PROFILE, Duration.ofSeconds(10), deleteOtherKey, dryRun);
    }

    private AccessKeyPair createKey() {
        AccessKey key = aws.iam().createAccessKey(r -> r.userName(USER)).accessKey();
        return new AccessKeyPair(key.accessKeyId(), key.secretAccessKey());
    }

    private AccessKeyPair profileKey() {
        return realProfiles().read(PROFILE).orElseThrow();
    }

    private List<String> userKeyIds() {
        return aws.iam().listAccessKeys(r -> r.userName(USER)).accessKeyMetadata().stream()
                .map(AccessKeyMetadata::accessKeyId)
                .toList();
    }

    private List<String> otherKeyIds() {
        return userKeyIds().stream()
                .filter(id -> !id.equals(oldKey.accessKeyId()))
                .toList();
    }

    private boolean isActive(String accessKeyId) {
        Optional<AccessKeyMetadata> key = aws.iam().listAccessKeys(r -> r.userName(USER)).accessKeyMetadata().stream()
                .filter(metadata -> metadata.accessKeyId().equals(accessKeyId))
                .findFirst();
        return key.isPresent() && key.get().status() == StatusType.ACTIVE;
    }

    private static void assertNoSecretIn(String text) {
        List<String> secrets = ItAws.issuedSecrets(moto.endpoint());
        assertThat(secrets).isNotEmpty();
        assertThat(secrets).noneMatch(text::contains);
    }

    private static String profileSection(AccessKeyPair key) {
        return "[liveupdate]\naws_access_key_id = " + key.accessKeyId() + "\naws_secret_access_key = "
                + key.secretAccessKey() + "\n";
    }

    private static StsException invalidClientToken() {
        return (StsException) StsException.builder()
                .statusCode(403)
                .message("The security token included in the request is invalid.")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("InvalidClientTokenId")
                        .build())
                .build();
    }

    private static IamException serviceUnavailable() {
        return (IamException) IamException.builder()
                .statusCode(503)
                .message("Service unavailable (injected)")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ServiceUnavailable")
                        .build())
                .build();
    }

    /** Passes every call to the real access keys; a test overrides the one that is to fail. */
    private static class ForwardingAccessKeys implements AccessKeys {

        private final AccessKeys delegate;

        ForwardingAccessKeys(AccessKeys delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<AccessKeyMetadata> list(String userName) {
            return delegate.list(userName);
        }

        @Override
        public AccessKeyPair create(String userName) {
            return delegate.create(userName);
        }

        @Override
        public void delete(String userName, String accessKeyId) {
            delegate.delete(userName, accessKeyId);
        }
    }

    /** Passes every call to the real profile files; a test overrides the one that is to fail. */
    private static class ForwardingProfileKeys implements ProfileKeys {

        private final ProfileKeys delegate;

        ForwardingProfileKeys(ProfileKeys delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<AccessKeyPair> read(String profile) {
            return delegate.read(profile);
        }

        @Override
        public void checkWritable(String profile) {
            delegate.checkWritable(profile);
        }

        @Override
        public void write(String profile, AccessKeyPair key) {
            delegate.write(profile, key);
        }

        @Override
        public String location(String profile) {
            return delegate.location(profile);
        }
    }
}

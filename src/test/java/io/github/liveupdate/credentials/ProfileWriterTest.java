package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.testing.RecordingReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

class ProfileWriterTest {

    private static final AccessKeyPair KEY = new AccessKeyPair("AKIATESTFAKE00000001", "fake-secret-for-tests-only-1");
    private static final AccessKeyPair OTHER_KEY =
            new AccessKeyPair("AKIATESTFAKE00000002", "fake-secret-for-tests-only-2");
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @TempDir
    Path home;

    private Path credentials;
    private Path config;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void files() {
        credentials = home.resolve(".aws/credentials");
        config = home.resolve(".aws/config");
    }

    private ProfileWriter writer() {
        return writer(NO_ENVIRONMENT);
    }

    private ProfileWriter writer(Map<String, String> environment) {
        return new ProfileWriter(
                AwsFiles.resolve(credentials, config, Map.of(), home), reporter, environment, Duration.ofSeconds(30));
    }

    private Profile sdkProfile(String name) {
        // The credentials file first: in the SDK's aggregator the file added first wins.
        return ProfileFile.aggregator()
                .addFile(ProfileFile.builder()
                        .content(credentials)
                        .type(ProfileFile.Type.CREDENTIALS)
                        .build())
                .addFile(ProfileFile.builder()
                        .content(config)
                        .type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .build()
                .profile(name)
                .orElseThrow();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void createsBothFiles() {
        writer().write("liveupdate", KEY, "eu-west-1", false);

        Profile profile = sdkProfile("liveupdate");
        assertThat(profile.property("aws_access_key_id")).hasValue(KEY.accessKeyId());
        assertThat(profile.property("aws_secret_access_key").orElseThrow().equals(KEY.secretAccessKey()))
                .as("secret read back")
                .isTrue();
        assertThat(profile.property("region")).hasValue("eu-west-1");
    }

    @Test
    void reportsOneLinePerFile() {
        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(reporter.lines)
                .containsExactly(
                        "INFO Profile 'liveupdate' in " + credentials + " (key AKIA************0001): created",
                        "INFO Region eu-west-1 for profile 'liveupdate' in " + config + ": created");
    }

    @Test
    void createsPrivateFolderAndFiles() throws IOException {
        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(permissions(credentials.getParent())).isEqualTo("rwx------");
        assertThat(permissions(credentials)).isEqualTo("rw-------");
        assertThat(permissions(config)).isEqualTo("rw-------");
    }

    @Test
    void tightensExistingCredentialsFile() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[other]\naws_access_key_id = X\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(permissions(credentials)).isEqualTo("rw-------");
        assertThat(reporter.all()).contains("from rw-r--r-- to rw-------");
    }

    @Test
    void tightensUnchangedCredentialsFile() throws IOException {
        writer().write("liveupdate", KEY, "eu-west-1", false);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-rw-r--"));

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(permissions(credentials)).isEqualTo("rw-------");
    }

    @Test
    void keepsConfigPermissions() throws IOException {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\nregion = us-east-1\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(permissions(config)).isEqualTo("rw-r--r--");
    }

    @Test
    void keepsExistingFolderPermissions() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.setPosixFilePermissions(credentials.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(permissions(credentials.getParent())).isEqualTo("rwxr-xr-x");
    }

    @Test
    void keepsOtherProfilesByteForByte() throws IOException {
        Files.createDirectories(credentials.getParent());
        String before = "# mine\r\n[default]\r\naws_access_key_id = DEFAULTID\r\n; note\r\n\r\n[liveupdate]\r\n"
                + "aws_access_key_id = OLDID\r\naws_secret_access_key = old-fake-secret\r\n\r\n[z]\r\nk=v";
        Files.writeString(credentials, before);

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(read(credentials))
                .isEqualTo("# mine\r\n[default]\r\naws_access_key_id = DEFAULTID\r\n; note\r\n\r\n[liveupdate]\r\n"
                        + "aws_access_key_id = " + KEY.accessKeyId() + "\r\naws_secret_access_key = "
                        + KEY.secretAccessKey() + "\r\n\r\n[z]\r\nk=v");
        assertThat(reporter.all()).contains("(key AKIA************0001): updated");
    }

    @Test
    void rerunKeepsFilesUntouched() throws IOException {
        writer().write("liveupdate", KEY, "eu-west-1", false);
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(credentials, past);
        Files.setLastModifiedTime(config, past);
        reporter.lines.clear();

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(Files.getLastModifiedTime(credentials)).isEqualTo(past);
        assertThat(Files.getLastModifiedTime(config)).isEqualTo(past);
        assertThat(reporter.lines)
                .containsExactly(
                        "INFO Profile 'liveupdate' in " + credentials + " (key AKIA************0001): unchanged",
                        "INFO Region eu-west-1 for profile 'liveupdate' in " + config + ": unchanged");
    }

    @Test
    void newKeyUpdatesProfile() {
        writer().write("liveupdate", KEY, "eu-west-1", false);
        reporter.lines.clear();

        writer().write("liveupdate", OTHER_KEY, "eu-west-1", false);

        assertThat(sdkProfile("liveupdate").property("aws_access_key_id")).hasValue(OTHER_KEY.accessKeyId());
        assertThat(reporter.lines.get(0)).endsWith("(key AKIA************0002): updated");
        assertThat(reporter.lines.get(1)).endsWith(": unchanged");
    }

    @Test
    void writesThroughSymbolicLink() throws IOException {
        Path realFolder = Files.createDirectories(home.resolve("dotfiles"));
        Path target = realFolder.resolve("aws-credentials");
        Files.writeString(target, "[other]\nk = v\n");
        Files.createDirectories(credentials.getParent());
        Files.createSymbolicLink(credentials, target);

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(Files.isSymbolicLink(credentials))
                .as("the link stays a link")
                .isTrue();
        assertThat(read(target)).startsWith("[other]\nk = v\n\n[liveupdate]\n");
        assertThat(sdkProfile("liveupdate").property("aws_access_key_id")).hasValue(KEY.accessKeyId());
    }

    @Test
    void writesThroughDanglingSymbolicLink() throws IOException {
        Path target = home.resolve("elsewhere/credentials");
        Files.createDirectories(credentials.getParent());
        Files.createSymbolicLink(credentials, target);

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(Files.isSymbolicLink(credentials))
                .as("the link stays a link")
                .isTrue();
        assertThat(read(target)).startsWith("[liveupdate]\n");
    }

    @Test
    void leavesNoTemporaryFiles() throws IOException {
        writer().write("liveupdate", KEY, "eu-west-1", false);
        writer().write("liveupdate", OTHER_KEY, "eu-west-1", false);

        try (var files = Files.list(credentials.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("credentials", "config", ".credentials.lock", ".config.lock");
        }
    }

    @Test
    void dryRunWritesNothing() {
        writer().write("liveupdate", KEY, "eu-west-1", true);

        assertThat(credentials.getParent()).doesNotExist();
        assertThat(reporter.all())
                .contains("(key AKIA************0001): would create or change (dry run)")
                .contains("Dry run: would add section [liveupdate] with aws_access_key_id, aws_secret_access_key in "
                        + credentials)
                .contains("Dry run: would add section [profile liveupdate] with region in " + config);
    }

    @Test
    void dryRunNamesChangedKeys() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.writeString(
                credentials,
                "[liveupdate]\naws_access_key_id = " + KEY.accessKeyId() + "\naws_secret_access_key = old\n"
                        + "aws_session_token = fake-token\n");

        writer().write("liveupdate", KEY, "eu-west-1", true);

        assertThat(reporter.all())
                .contains("Dry run: would set aws_secret_access_key and remove aws_session_token in " + credentials)
                .contains("Dry run, not done: Removed aws_session_token");
    }

    @Test
    void regionFromExistingProfile() throws IOException {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile liveupdate]\nregion = us-east-2\n");

        writer(Map.of("AWS_REGION", "ap-south-1")).write("liveupdate", KEY, null, false);

        assertThat(sdkProfile("liveupdate").property("region")).hasValue("us-east-2");
    }

    @Test
    void regionFromEnvironment() {
        writer(Map.of("AWS_DEFAULT_REGION", "ap-south-1")).write("liveupdate", KEY, null, false);

        assertThat(sdkProfile("liveupdate").property("region")).hasValue("ap-south-1");
    }

    @Test
    void missingRegionListsPlaces() {
        assertThatThrownBy(() -> writer().write("liveupdate", KEY, null, false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.region")
                .hasMessageContaining("the region of profile 'liveupdate' in " + config)
                .hasMessageContaining("AWS_DEFAULT_REGION");
    }

    @Test
    void removesOldKeyFromConfigFile() throws IOException {
        Files.createDirectories(config.getParent());
        Files.writeString(
                config,
                "[profile liveupdate]\nregion = eu-west-1\naws_access_key_id = AKIAOLDCONFIGKEY0001\n"
                        + "aws_secret_access_key = old-fake-secret-in-config\n");

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(read(config)).isEqualTo("[profile liveupdate]\nregion = eu-west-1\n");
        assertThat(sdkProfile("liveupdate").property("aws_access_key_id")).hasValue(KEY.accessKeyId());
        assertThat(reporter.all()).contains("Removed aws_secret_access_key (line 4)");
    }

    @Test
    void updatesRegionInCredentialsFile() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[liveupdate]\nregion = us-east-1\n");

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(read(credentials)).contains("region = eu-west-1");
    }

    @Test
    void removesByteOrderMarkWithWarning() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.write(credentials, "\uFEFF[other]\nk = v\n".getBytes(StandardCharsets.UTF_8));

        writer().write("liveupdate", KEY, "eu-west-1", false);

        assertThat(Files.readAllBytes(credentials)[0]).isEqualTo((byte) '[');
        assertThat(reporter.all()).contains("WARN Removed the byte order mark");
        assertThat(sdkProfile("other").property("k")).hasValue("v");
    }

    @Test
    void rejectsRoleProfile() throws IOException {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[profile liveupdate]\nrole_arn = arn:aws:iam::123456789012:role/x\n");

        assertThatThrownBy(() -> writer().write("liveupdate", KEY, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("role_arn")
                .hasMessageContaining("-Dliveupdate.profile");
        assertThat(credentials).doesNotExist();
    }

    @Test
    void rejectsFileSdkCannotRead() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "aws_access_key_id = outside-any-profile\n");

        assertThatThrownBy(() -> writer().write("liveupdate", KEY, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("AWS tools cannot read " + credentials)
                .hasMessageContaining("line 1");
    }

    @Test
    void rejectsInvalidUtf8() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.write(credentials, new byte[] {'#', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> writer().write("liveupdate", KEY, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("offset 2");
    }

    @Test
    void rejectsFolderAsFile() throws IOException {
        Files.createDirectories(credentials);

        assertThatThrownBy(() -> writer().write("liveupdate", KEY, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining(credentials + " is a folder")
                .hasMessageContaining("-Dliveupdate.credentialsFile");
    }

    @Test
    void rejectsUnreadableFile() throws IOException {
        // root reads any file whatever its mode, so this case can only be shown as another user.
        assumeFalse("root".equals(System.getProperty("user.name")), "runs as root, which can read a mode 000 file");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[other]\nk = v\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> writer().write("liveupdate", KEY, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Cannot read " + credentials + ": permission denied");
    }

    @Test
    void rejectsSameFileForBoth() {
        config = credentials;

        assertThatThrownBy(() -> writer().write("liveupdate", KEY, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("must be two files");
    }

    @Test
    void rejectsInvalidProfileName() {
        assertThatThrownBy(() -> writer().write("live update", KEY, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Profile name 'live update' is invalid");
    }

    @Test
    void rejectsSecretWithSpaceWithoutShowingIt() {
        AccessKeyPair bad = new AccessKeyPair("AKIATESTFAKE00000003", "fake secret with spaces");

        assertThatThrownBy(() -> writer().write("liveupdate", bad, "eu-west-1", false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("AKIA************0003")
                .message()
                .doesNotContain("fake secret with spaces");
    }

    @Test
    void secretNeverReported() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.writeString(
                credentials,
                "\uFEFF[liveupdate]\naws_session_token = t\naws_access_key_id = A\n" + "aws_access_key_id = B\n");

        writer().write("liveupdate", KEY, "eu-west-1", false);
        writer().write("liveupdate", KEY, "eu-west-1", true);
        writer().write("liveupdate", OTHER_KEY, "eu-west-1", true);

        assertThat(reporter.all()).doesNotContain(KEY.secretAccessKey());
        assertThat(reporter.all()).doesNotContain(OTHER_KEY.secretAccessKey());
        assertThat(reporter.all()).doesNotContain(KEY.accessKeyId());
    }

    @Test
    void waitsForLockThenTimesOut() throws Exception {
        Files.createDirectories(credentials.getParent());
        ProfileWriter impatient = new ProfileWriter(
                AwsFiles.resolve(credentials, config, Map.of(), home),
                reporter,
                NO_ENVIRONMENT,
                Duration.ofMillis(200));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (LockedFile held = LockedFile.acquire(credentials, Duration.ofSeconds(5))) {
            Future<?> attempt = other.submit(() -> impatient.write("liveupdate", KEY, "eu-west-1", false));

            assertThatThrownBy(() -> attempt.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(LiveUpdateException.class)
                    .hasMessageContaining("Another build has held the lock on " + credentials);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void concurrentThreadsLoseNoProfile() throws Exception {
        int threads = 6;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "thread" + t + "-";
            results.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    writer().write(
                                    prefix + i,
                                    new AccessKeyPair("AKIAFAKE" + i, "fake-secret-" + prefix + i),
                                    "eu-west-1",
                                    false);
                }
            }));
        }
        for (Future<?> result : results) {
            result.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Map<String, Profile> profiles = ProfileFile.builder()
                .content(credentials)
                .type(ProfileFile.Type.CREDENTIALS)
                .build()
                .profiles();
        assertThat(profiles).hasSize(threads * perThread);
        assertThat(profiles.get("thread3-4").property("aws_access_key_id")).hasValue("AKIAFAKE4");
    }

    @Test
    void concurrentProcessesLoseNoProfile() throws Exception {
        int perProcess = 12;
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("first-", "second-")) {
            processes.add(new ProcessBuilder(
                            javaCommand(),
                            "-cp",
                            testClassPath(),
                            ConcurrentWriterMain.class.getName(),
                            credentials.toString(),
                            config.toString(),
                            prefix,
                            Integer.toString(perProcess))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve(prefix + "output.txt").toFile())
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("writer process finished")
                    .isTrue();
            assertThat(process.exitValue()).as("writer process exit code").isZero();
        }

        Map<String, Profile> profiles = ProfileFile.builder()
                .content(credentials)
                .type(ProfileFile.Type.CREDENTIALS)
                .build()
                .profiles();
        assertThat(profiles).hasSize(2 * perProcess);
        Map<String, Profile> regions = ProfileFile.builder()
                .content(config)
                .type(ProfileFile.Type.CONFIGURATION)
                .build()
                .profiles();
        assertThat(regions).hasSize(2 * perProcess);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String testClassPath() {
        // Surefire may start the test JVM from a manifest-only jar; it passes the real class path here.
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}

package io.github.liveupdate.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.bucket.BucketSpec;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.iam.IamResult;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

class FullSetupTest {

    private static MotoServer moto;

    @TempDir
    Path folder;

    private AwsFiles files;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto-logs", "FullSetupTest.log"));
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
    void secondRunRestoresDeletedRegion() throws IOException {
        run(false);
        Files.delete(files.configFile());
        reporter.lines.clear();

        run(false);

        assertThat(Files.readString(files.configFile())).contains("region = eu-west-1");
        assertThat(reporter.infoLines())
                .anyMatch(line -> line.startsWith("Region eu-west-1") && line.endsWith("created"));
    }

    @Test
    void secondRunLeavesFilesUnchanged() throws IOException {
        run(false);
        String credentials = Files.readString(files.credentialsFile());
        String config = Files.readString(files.configFile());
        reporter.lines.clear();

        run(false);

        assertThat(Files.readString(files.credentialsFile())).isEqualTo(credentials);
        assertThat(Files.readString(files.configFile())).isEqualTo(config);
        assertThat(reporter.infoLines())
                .filteredOn(line -> line.startsWith("Profile ") || line.startsWith("Region "))
                .hasSize(2)
                .allMatch(line -> line.endsWith(": unchanged"));
    }

    @Test
    void dryRunPlansProfileForNewKey() {
        IamResult result = run(true);

        assertThat(result.newKey()).isEmpty();
        assertThat(files.credentialsFile()).doesNotExist();
        assertThat(reporter.infoLines())
                .anyMatch(line -> line.startsWith("Profile 'liveupdate'") && line.contains("(the new key)"));
        assertThat(reporter.infoLines()).noneMatch(line -> line.contains("keeps its key"));
    }

    @Test
    void deletesNewKeyThatCannotBeStored() throws IOException {
        Files.createDirectories(folder.resolve("readonly"));
        files = AwsFiles.resolve(
                folder.resolve("readonly").resolve("credentials"), folder.resolve("config"), Map.of(), folder);
        // The lock file cannot be created in a folder that is a file, so the write fails after IAM made the key.
        Files.delete(folder.resolve("readonly"));
        Files.writeString(folder.resolve("readonly"), "not a folder");

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("was deleted, because its secret could not be stored");

        try (var iam = software.amazon.awssdk.services.iam.IamClient.builder()
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .endpointOverride(java.net.URI.create(moto.endpoint()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)))
                .build()) {
            var users = iam.listUsers().users();
            var keys = users.isEmpty()
                    ? java.util.List.of()
                    : iam.listAccessKeys(r -> r.userName(users.get(0).userName()))
                            .accessKeyMetadata();
            assertThat(keys).isEmpty();
        }
    }

    private IamResult run(boolean dryRun) {
        AwsOptions admin = new AwsOptions(
                "eu-west-1",
                moto.endpoint(),
                files,
                null,
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY),
                Map.of(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS);
        try (AwsConnection aws = AwsConnection.open(admin)) {
            BucketSpec bucket = new BucketSpec("full-setup-test", "game", true, true, null, null, 3000);
            return new FullSetup(aws, files, reporter)
                    .run(bucket, null, null, Duration.ofSeconds(10), "liveupdate", dryRun);
        }
    }
}

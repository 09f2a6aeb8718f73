package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each goal's own skip switch and the offline check, through the plugin descriptor. No goal here has a bucket,
 * so a goal that went past the switch or the check would fail with "No bucket is set", and the endpoint is a
 * closed loopback port, so a request would fail with a connection error.
 */
@MojoTest
class GoalSwitchesTest {

    private static final String CLOSED_ENDPOINT = TestEndpoints.CLOSED;
    private static final String REMOTE_ENDPOINT = TestEndpoints.REMOTE;

    @TempDir
    Path folder;

    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "skipSetup", value = "true")
    void setupSkipNamesProperty(SetupMojo mojo) throws Exception {
        assertSkipped(mojo, "Skipping setup: liveupdate.setup.skip is true.");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    @MojoParameter(name = "skipSetupBucket", value = "true")
    void setupBucketSkipNamesProperty(SetupBucketMojo mojo) throws Exception {
        assertSkipped(mojo, "Skipping setup-bucket: liveupdate.setupBucket.skip is true.");
    }

    @Test
    @InjectMojo(goal = "setup-iam")
    @MojoParameter(name = "skipSetupIam", value = "true")
    void setupIamSkipNamesProperty(SetupIamMojo mojo) throws Exception {
        assertSkipped(mojo, "Skipping setup-iam: liveupdate.setupIam.skip is true.");
    }

    @Test
    @InjectMojo(goal = "write-profile")
    @MojoParameter(name = "skipWriteProfile", value = "true")
    void writeProfileSkipNamesProperty(WriteProfileMojo mojo) throws Exception {
        assertSkipped(mojo, "Skipping write-profile: liveupdate.writeProfile.skip is true.");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void uploadToLoopbackRunsOffline(UploadMojo mojo) {
        goOffline(mojo);

        // Past the offline check, upload fails for want of a source, before any request.
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageNotContaining("offline");
    }

    @Test
    @InjectMojo(goal = "write-settings")
    @MojoParameter(name = "skipWriteSettings", value = "true")
    void writeSettingsSkipNamesProperty(WriteSettingsMojo mojo) throws Exception {
        assertSkipped(mojo, "Skipping write-settings: liveupdate.writeSettings.skip is true.");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "skipUpload", value = "true")
    void uploadSkipNamesProperty(UploadMojo mojo) throws Exception {
        assertSkipped(mojo, "Skipping upload: liveupdate.upload.skip is true.");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "skip", value = "true")
    void globalSkipNamesProperty(UploadMojo mojo) throws Exception {
        assertSkipped(mojo, "Skipping upload: liveupdate.skip is true.");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "skipSetup", value = "true")
    void otherGoalsSwitchDoesNotSkip(UploadMojo mojo) {
        mojo.projectFolder = folder.toFile();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = REMOTE_ENDPOINT)
    void setupFailsOffline(SetupMojo mojo) {
        goOffline(mojo);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("offline (-o)")
                .hasMessageContaining("setup sends requests")
                .hasMessageContaining("-Dliveupdate.setup.skip=true");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = REMOTE_ENDPOINT)
    void setupBucketFailsOffline(SetupBucketMojo mojo) {
        assertFailsOffline(mojo, "setup-bucket");
    }

    @Test
    @InjectMojo(goal = "setup-iam")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = REMOTE_ENDPOINT)
    void setupIamFailsOffline(SetupIamMojo mojo) {
        assertFailsOffline(mojo, "setup-iam");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = REMOTE_ENDPOINT)
    void uploadFailsOffline(UploadMojo mojo) {
        assertFailsOffline(mojo, "upload");
    }

    @Test
    @InjectMojo(goal = "write-settings")
    @MojoParameter(name = "bucket", value = "game-bucket")
    void writeSettingsRunsOffline(WriteSettingsMojo mojo) throws Exception {
        Files.writeString(folder.resolve("game.project"), "[project]\ntitle = Game\n");
        goOffline(mojo);

        mojo.execute();

        assertThat(folder.resolve("liveupdate.settings")).exists();
    }

    @Test
    @InjectMojo(goal = "write-profile")
    void writeProfileRunsOffline(WriteProfileMojo mojo) {
        goOffline(mojo);

        // Past the offline check, write-profile fails for want of a key, which sends no request either.
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No access key to write")
                .hasMessageNotContaining("offline");
    }

    private void assertSkipped(AbstractLiveUpdateMojo mojo, String line) throws Exception {
        mojo.setLog(log);
        mojo.projectFolder = folder.toFile();

        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] " + line);
    }

    private void assertFailsOffline(AbstractLiveUpdateMojo mojo, String goal) {
        goOffline(mojo);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("offline (-o)")
                .hasMessageContaining(goal + " sends requests");
    }

    private void goOffline(AbstractLiveUpdateMojo mojo) {
        mojo.projectFolder = folder.toFile();
        mojo.session = TestEndpoints.offlineSession();
    }
}

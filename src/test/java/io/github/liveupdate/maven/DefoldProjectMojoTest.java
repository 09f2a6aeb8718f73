package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals in a Defold project folder, configured from the plugin descriptor: defaults from
 * liveupdate.settings and which values win over them. The endpoint is a closed loopback port, so a goal that
 * sent a request would fail with a connection error, not with the messages checked here.
 */
@MojoTest
class DefoldProjectMojoTest {

    private static final String SETTINGS = "[liveupdate]\n"
            + "mode = Zip\n"
            + "amazon-credential-profile = game-uploader\n"
            + "amazon-bucket = settings-bucket\n"
            + "amazon-prefix = settings/prefix\n"
            + "zip-filepath = out\n"
            + "zip-filename = game.zip\n";

    @TempDir
    Path project;

    private final CapturingLog log = new CapturingLog();

    @BeforeEach
    void writeProject() throws IOException {
        Files.writeString(project.resolve("game.project"), "[project]\ntitle = Game\n");
        Files.writeString(project.resolve("liveupdate.settings"), SETTINGS);
    }

    @Test
    @InjectMojo(goal = "upload")
    void settingsFillUnsetValues(UploadMojo mojo) {
        applySettings(mojo);

        assertThat(mojo.bucket).isEqualTo("settings-bucket");
        assertThat(mojo.prefix).isEqualTo("settings/prefix");
        assertThat(mojo.profile).isEqualTo("game-uploader");
    }

    @Test
    @InjectMojo(goal = "upload")
    void logsWhichValuesCameFromSettings(UploadMojo mojo) {
        applySettings(mojo);

        assertThat(log.text())
                .contains("Using bucket settings-bucket, prefix 'settings/prefix', profile 'game-uploader' from "
                        + project.resolve("liveupdate.settings"));
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "pom-bucket")
    @MojoParameter(name = "profile", value = "pom-profile")
    void configuredValuesWin(UploadMojo mojo) {
        applySettings(mojo);

        assertThat(mojo.bucket).isEqualTo("pom-bucket");
        assertThat(mojo.profile).isEqualTo("pom-profile");
        assertThat(mojo.prefix)
                .as("the prefix, left unset, still comes from the file")
                .isEqualTo("settings/prefix");
        assertThat(log.text()).contains("Using prefix 'settings/prefix' from").doesNotContain("bucket settings-bucket");
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "prefix", value = "pom/prefix")
    void configuredPrefixWins(SetupMojo mojo) {
        applySettings(mojo);

        assertThat(mojo.prefix).isEqualTo("pom/prefix");
    }

    @Test
    @InjectMojo(goal = "write-profile")
    void profileDefaultsWithoutSettingsValue(WriteProfileMojo mojo) throws IOException {
        Files.writeString(project.resolve("liveupdate.settings"), "[liveupdate]\nmode = Zip\n");

        applySettings(mojo);

        assertThat(mojo.profile).isEqualTo("liveupdate");
        assertThat(mojo.bucket).isNull();
        assertThat(log.text()).doesNotContain("Using");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    void followsSettingsPathOfGameProject(SetupBucketMojo mojo) throws IOException {
        Files.writeString(project.resolve("game.project"), "[liveupdate]\nsettings = /ci/zip.settings\n");
        Files.createDirectories(project.resolve("ci"));
        Files.writeString(project.resolve("ci/zip.settings"), "[liveupdate]\namazon-bucket = ci-bucket\n");

        applySettings(mojo);

        assertThat(mojo.bucket).isEqualTo("ci-bucket");
    }

    @Test
    @InjectMojo(goal = "setup-iam")
    void folderWithoutGameProjectKeepsDefaults(SetupIamMojo mojo) throws IOException {
        Files.delete(project.resolve("game.project"));

        applySettings(mojo);

        assertThat(mojo.bucket).isNull();
        assertThat(mojo.profile).isEqualTo("liveupdate");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    void uploadTakesSourceFromSettings(UploadMojo mojo) {
        mojo.projectFolder = project.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(project.resolve("out/game.zip").toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    @InjectMojo(goal = "upload")
    void uploadInAmazonModeNeedsSource(UploadMojo mojo) throws IOException {
        Files.writeString(project.resolve("liveupdate.settings"), SETTINGS.replace("mode = Zip", "mode = Amazon"));
        mojo.projectFolder = project.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("mode = Amazon")
                .hasMessageContaining("<source>");
    }

    @Test
    @InjectMojo(goal = "upload")
    void invalidModeFailsUpload(UploadMojo mojo) throws IOException {
        Files.writeString(project.resolve("liveupdate.settings"), SETTINGS.replace("mode = Zip", "mode = zip"));
        mojo.projectFolder = project.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Line 2 of " + project.resolve("liveupdate.settings"))
                .hasMessageContaining("Amazon, Zip or Folder");
    }

    @Test
    @InjectMojo(goal = "write-settings")
    @MojoParameter(name = "bucket", value = "new-bucket")
    void writeSettingsKeepsOtherKeys(WriteSettingsMojo mojo) throws Exception {
        mojo.projectFolder = project.toFile();

        mojo.execute();

        String written = Files.readString(project.resolve("liveupdate.settings"));
        assertThat(written).contains("mode = Amazon\n");
        assertThat(written).contains("amazon-bucket = new-bucket\n");
        assertThat(written).contains("amazon-prefix = settings/prefix\n");
        assertThat(written).contains("amazon-credential-profile = game-uploader\n");
        assertThat(written).contains("zip-filepath = out\nzip-filename = game.zip\n");
    }

    @Test
    @InjectMojo(goal = "write-settings")
    @MojoParameter(name = "bucket", value = "new-bucket")
    void writeSettingsOutsideProjectFails(WriteSettingsMojo mojo) throws IOException {
        Files.delete(project.resolve("game.project"));
        mojo.projectFolder = project.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no game.project in " + project)
                .hasMessageContaining("not a Defold project");
    }

    private void applySettings(AbstractLiveUpdateMojo mojo) {
        mojo.projectFolder = project.toFile();
        mojo.setLog(log);
        mojo.applyLiveUpdateSettings(new MavenReporter(log));
    }
}

package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter handling of the upload goal, through the plugin descriptor. The endpoint is a closed loopback
 * port, so a goal that sent a request would fail with a connection error, not with the messages checked here.
 */
@MojoTest
class UploadMojoParametersTest {

    private static final String ZIP = "target/upload-mojo-test/game.zip";
    private static final String NO_CREDENTIALS = "target/upload-mojo-test/no-credentials";
    private static final String NO_CONFIG = "target/upload-mojo-test/no-config";

    @TempDir
    Path folder;

    @BeforeAll
    static void writeEmptyZip() throws IOException {
        Path zip = Path.of(ZIP);
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("liveupdate.game.dmanifest"));
            out.closeEntry();
        }
    }

    @Test
    @InjectMojo(goal = "upload")
    void appliesDocumentedDefaults(UploadMojo mojo) throws Exception {
        mojo.projectFolder = folder.toFile();
        mojo.applyLiveUpdateSettings(Reporter.silent());

        assertThat(field(mojo, "layout")).isEqualTo("resources");
        assertThat(field(mojo, "concurrency")).isEqualTo(32);
        assertThat(field(mojo, "resourceCacheControl")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(field(mojo, "manifestCacheControl")).isEqualTo("no-cache");
        assertThat(field(mojo, "useDefaultChain")).isEqualTo(false);
        assertThat(field(mojo, "skipUpload")).isEqualTo(false);
        assertThat(mojo.profile).isEqualTo("liveupdate");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "source", value = ZIP)
    @MojoParameter(name = "credentialsFile", value = NO_CREDENTIALS)
    @MojoParameter(name = "configFile", value = NO_CONFIG)
    void missingProfileNamesEveryWayToSign(UploadMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'liveupdate'")
                .hasMessageContaining("liveupdate:setup")
                .hasMessageContaining("-Dliveupdate.useDefaultChain=true");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "source", value = ZIP)
    @MojoParameter(name = "serverId", value = "aws")
    @MojoParameter(name = "useDefaultChain", value = "true")
    void serverAndDefaultChainTogetherFail(UploadMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<serverId>")
                .hasMessageContaining("<useDefaultChain>");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "layout", value = "flat")
    @MojoParameter(name = "source", value = ZIP)
    void unknownLayoutNamesTheChoices(UploadMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'flat'")
                .hasMessageContaining("resources")
                .hasMessageContaining("archive");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "source", value = "target/upload-mojo-test/missing.zip")
    void missingSourceNamesThePath(UploadMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("missing.zip")
                .hasMessageContaining("liveupdate.source");
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        var field = UploadMojo.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}

package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotate-key goal's switches and input checks, through the plugin descriptor. None of these tests gets as far
 * as a request: the endpoint is a closed loopback port, so one would fail with a connection error.
 */
@MojoTest
class RotateKeyMojoTest {

    private static final String CLOSED_ENDPOINT = TestEndpoints.CLOSED;
    private static final String REMOTE_ENDPOINT = TestEndpoints.REMOTE;

    @TempDir
    Path folder;

    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = "rotate-key")
    @MojoParameter(name = "skipRotateKey", value = "true")
    void skipNamesProperty(RotateKeyMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.projectFolder = folder.toFile();

        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] Skipping rotate-key: liveupdate.rotateKey.skip is true.");
    }

    @Test
    @InjectMojo(goal = "rotate-key")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void failsWithoutBucketOrUser(RotateKeyMojo mojo) {
        mojo.projectFolder = folder.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No bucket and no IAM user name is set")
                .hasMessageContaining("-Dliveupdate.userName=USER");
    }

    @Test
    @InjectMojo(goal = "rotate-key")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = REMOTE_ENDPOINT)
    void failsOffline(RotateKeyMojo mojo) {
        mojo.projectFolder = folder.toFile();
        mojo.session = TestEndpoints.offlineSession();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("rotate-key sends requests")
                .hasMessageContaining("-Dliveupdate.rotateKey.skip=true");
    }

    @Test
    @InjectMojo(goal = "rotate-key")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void failsWithoutProfileBeforeAnyRequest(RotateKeyMojo mojo) {
        mojo.projectFolder = folder.toFile();
        mojo.credentialsFile = folder.resolve("credentials").toFile();
        mojo.configFile = folder.resolve("config").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No access key to rotate")
                .hasMessageContaining("mvn liveupdate:setup");
    }
}

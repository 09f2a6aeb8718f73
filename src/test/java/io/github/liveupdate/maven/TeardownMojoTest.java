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
 * The teardown goal's switches through the plugin descriptor. The endpoint is a closed loopback port, so a
 * goal that sent a request would fail with a connection error.
 */
@MojoTest
class TeardownMojoTest {

    private static final String CLOSED_ENDPOINT = TestEndpoints.CLOSED;
    private static final String REMOTE_ENDPOINT = TestEndpoints.REMOTE;

    @TempDir
    Path folder;

    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = "teardown")
    @MojoParameter(name = "skipTeardown", value = "true")
    void skipNamesProperty(TeardownMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.projectFolder = folder.toFile();

        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] Skipping teardown: liveupdate.teardown.skip is true.");
    }

    @Test
    @InjectMojo(goal = "teardown")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = REMOTE_ENDPOINT)
    void failsOffline(TeardownMojo mojo) {
        mojo.projectFolder = folder.toFile();
        mojo.session = TestEndpoints.offlineSession();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("teardown sends requests")
                .hasMessageContaining("-Dliveupdate.teardown.skip=true");
    }

    @Test
    @InjectMojo(goal = "teardown")
    @MojoParameter(name = "bucket", value = "Not_A_Bucket")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void rejectsInvalidBucketBeforeRequests(TeardownMojo mojo) {
        mojo.projectFolder = folder.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Not_A_Bucket");
    }

    @Test
    @InjectMojo(goal = "teardown")
    void defaultsKeepBucketAndNeedConfirmation(TeardownMojo mojo) {
        assertThat(mojo.deleteBucket).isFalse();
        assertThat(mojo.confirm).isNull();
    }
}

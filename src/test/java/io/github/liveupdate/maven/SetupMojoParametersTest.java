package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.Reporter;
import java.io.File;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter handling of the setup goals, through the plugin descriptor as Maven configures them. The
 * endpoint is a closed loopback port, so a goal that sent a request would fail with a connection error,
 * not with the messages checked here.
 */
@MojoTest
class SetupMojoParametersTest {

    private static final String CLOSED_ENDPOINT = TestEndpoints.CLOSED;

    @TempDir
    File folder;

    @Test
    @InjectMojo(goal = "setup")
    void appliesDocumentedDefaults(SetupMojo mojo) {
        mojo.projectFolder = folder;
        mojo.applyLiveUpdateSettings(Reporter.silent());

        assertThat(mojo.profile).isEqualTo("liveupdate");
        assertThat(mojo.prefix).isNullOrEmpty();
        assertThat(mojo.publicRead).isTrue();
        assertThat(mojo.cors).isTrue();
        assertThat(mojo.corsAllowedOrigins).containsExactly("*");
        assertThat(mojo.corsAllowedHeaders).containsExactly("*");
        assertThat(mojo.corsMaxAgeSeconds).isEqualTo(3000);
        assertThat(mojo.keyWaitSeconds).isEqualTo(60);
        assertThat(mojo.dryRun).isFalse();
        assertThat(mojo.skip).isFalse();
        assertThat(mojo.writeSettings).isTrue();
        assertThat(mojo.skipSetup).isFalse();
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(SetupMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void missingBucketNamesTheParameter(SetupMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<bucket>")
                .hasMessageContaining("-Dliveupdate.bucket");
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "bucket", value = "My_Bucket")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    @MojoParameter(name = "region", value = "eu-west-1")
    void invalidBucketFailsBeforeAnyRequest(SetupMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'My_Bucket'")
                .hasMessageNotContaining("Unable to execute HTTP request");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    @MojoParameter(name = "region", value = "Ireland")
    void invalidRegionNamesTheValue(SetupBucketMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'Ireland'")
                .hasMessageContaining("eu-west-1");
    }

    @Test
    @InjectMojo(goal = "setup-iam")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = "localhost:5000")
    @MojoParameter(name = "region", value = "eu-west-1")
    void endpointWithoutSchemeIsRejected(SetupIamMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'localhost:5000'")
                .hasMessageContaining("http://");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "prefix", value = "/game")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    @MojoParameter(name = "region", value = "eu-west-1")
    void prefixWithLeadingSlashIsRejected(SetupBucketMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'/game'")
                .hasMessageContaining("-Dliveupdate.prefix");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    @MojoParameter(name = "corsAllowedOrigins", value = "https://a.example,https://b.example")
    void splitsCommaSeparatedOrigins(SetupBucketMojo mojo) {
        assertThat(mojo.corsAllowedOrigins).containsExactly("https://a.example", "https://b.example");
    }
}

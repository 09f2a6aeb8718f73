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
 * Parameter handling of the verify goal, through the plugin descriptor. The endpoint is a closed loopback port
 * and the profile files do not exist, so verify fails at its first check, which sends no request.
 */
@MojoTest
class VerifyMojoParametersTest {

    private static final String NO_CREDENTIALS = "target/verify-mojo-test/no-credentials";
    private static final String NO_CONFIG = "target/verify-mojo-test/no-config";

    @TempDir
    Path folder;

    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = "verify")
    void appliesDocumentedDefaults(VerifyMojo mojo) {
        assertThat(mojo.verifyOrigin).isEqualTo("https://example.com");
        assertThat(mojo.skipVerify).isFalse();
    }

    @Test
    @InjectMojo(goal = "verify")
    @MojoParameter(name = "skipVerify", value = "true")
    void skipNamesProperty(VerifyMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.projectFolder = folder.toFile();

        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] Skipping verify: liveupdate.verify.skip is true.");
    }

    @Test
    @InjectMojo(goal = "verify")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "verifyOrigin", value = "https://example.com/game")
    void invalidOriginNamesProperty(VerifyMojo mojo) {
        mojo.projectFolder = folder.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("'https://example.com/game'")
                .hasMessageContaining("-Dliveupdate.verifyOrigin");
    }

    @Test
    @InjectMojo(goal = "verify")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "credentialsFile", value = NO_CREDENTIALS)
    @MojoParameter(name = "configFile", value = NO_CONFIG)
    void missingProfileFailsFirstCheck(VerifyMojo mojo) {
        mojo.setLog(log);
        mojo.projectFolder = folder.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Check 1 (Profile resolves) failed")
                .hasMessageContaining("Fix: Run mvn liveupdate:setup");
        assertThat(log.lines()).contains("[INFO] 0 passed, 1 failed, 7 skipped.");
    }
}

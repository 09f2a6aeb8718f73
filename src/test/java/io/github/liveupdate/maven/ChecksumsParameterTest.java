package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code checksums} parameter through the plugin descriptor. The endpoint is a closed loopback port. */
@MojoTest
class ChecksumsParameterTest {

    @TempDir
    Path folder;

    @Test
    @InjectMojo(goal = "setup-bucket")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = "http://127.0.0.1:1")
    @MojoParameter(name = "checksums", value = "never")
    void invalidValueFailsBeforeRequests(SetupBucketMojo mojo) {
        mojo.projectFolder = folder.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Checksums 'never' is invalid: use one of when-supported, when-required. Set"
                        + " <checksums> or -Dliveupdate.checksums.");
    }
}

package io.github.liveupdate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.AwsOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/** The URLs of the unsigned requests. Building a URL sends no request, so no server runs here. */
class ObjectUrlTest {

    @TempDir
    Path folder;

    @Test
    void usesVirtualHostOnAws() {
        try (AwsConnection aws = AwsConnection.open(options(null))) {
            assertThat(SetupVerifier.objectUrl(aws.s3(), "my-game", "game/v1/liveupdate.game.dmanifest"))
                    .hasToString("https://my-game.s3.eu-west-1.amazonaws.com/game/v1/liveupdate.game.dmanifest");
        }
    }

    @Test
    void usesPathStyleUnderEndpoint() {
        try (AwsConnection aws = AwsConnection.open(options("http://127.0.0.1:4566"))) {
            assertThat(SetupVerifier.objectUrl(aws.s3(), "my-game", "game/v1/liveupdate-verify-probe"))
                    .hasToString("http://127.0.0.1:4566/my-game/game/v1/liveupdate-verify-probe");
        }
    }

    @Test
    void encodesSpaceInKey() {
        try (AwsConnection aws = AwsConnection.open(options("http://127.0.0.1:4566"))) {
            assertThat(SetupVerifier.objectUrl(aws.s3(), "my-game", "my game/x"))
                    .hasToString("http://127.0.0.1:4566/my-game/my%20game/x");
        }
    }

    private AwsOptions options(String endpoint) {
        return new AwsOptions(
                "eu-west-1",
                endpoint,
                AwsFiles.resolve(folder.resolve("credentials"), folder.resolve("config"), Map.of(), folder),
                null,
                AwsBasicCredentials.create("testing", "testing"),
                Map.of(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS);
    }
}

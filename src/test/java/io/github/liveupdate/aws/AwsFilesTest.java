package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsFilesTest {

    private final Path home = Path.of("/home/dev");

    @Test
    void parameterWinsOverEnvironment() {
        AwsFiles files =
                AwsFiles.resolve(Path.of("/tmp/creds"), null, Map.of(AwsFiles.CREDENTIALS_ENV, "/env/creds"), home);

        assertThat(files.credentialsFile()).isEqualTo(Path.of("/tmp/creds"));
    }

    @Test
    void environmentWinsOverHome() {
        AwsFiles files = AwsFiles.resolve(
                null, null, Map.of(AwsFiles.CREDENTIALS_ENV, "/env/creds", AwsFiles.CONFIG_ENV, "/env/config"), home);

        assertThat(files.credentialsFile()).isEqualTo(Path.of("/env/creds"));
        assertThat(files.configFile()).isEqualTo(Path.of("/env/config"));
    }

    @Test
    void defaultsToDotAwsInHome() {
        AwsFiles files = AwsFiles.resolve(null, null, Map.of(), home);

        assertThat(files.credentialsFile()).isEqualTo(Path.of("/home/dev/.aws/credentials"));
        assertThat(files.configFile()).isEqualTo(Path.of("/home/dev/.aws/config"));
    }
}

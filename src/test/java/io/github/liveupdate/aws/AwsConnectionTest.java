package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

class AwsConnectionTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:5000",
                "ftp://127.0.0.1",
                "http://",
                "not a url",
                "http//127.0.0.1",
                "http://127.0.0.1:99999"
            })
    void rejectsEndpointsThatAreNotUrls(String endpoint) {
        assertThatThrownBy(() -> AwsConnection.parseEndpoint(endpoint))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'" + endpoint + "'")
                .hasMessageContaining("http://127.0.0.1:5000");
    }

    @Test
    void acceptsHttpEndpoint() {
        assertThat(AwsConnection.parseEndpoint("http://127.0.0.1:5000").getPort())
                .isEqualTo(5000);
        assertThat(AwsConnection.parseEndpoint(null)).isNull();
    }

    @Test
    void readsRegionOfSigningProfile() throws IOException {
        Path config = write("config", "[profile game]\nregion = ap-northeast-1\n");
        Path credentials = write("credentials", "[game]\naws_access_key_id = A\naws_secret_access_key = B\n");
        AwsOptions options = new AwsOptions(
                null, null, AwsFiles.resolve(credentials, config, Map.of(), folder), "game", null, Map.of(), 1);

        try (AwsConnection connection = AwsConnection.open(options)) {
            assertThat(connection.region()).isEqualTo(Region.AP_NORTHEAST_1);
        }
    }

    @Test
    void missingProfileNamesFilesAndFix() throws IOException {
        Path config = write("config", "");
        Path credentials = write("credentials", "[other]\naws_access_key_id = A\naws_secret_access_key = B\n");
        AwsOptions options = new AwsOptions(
                "eu-west-1", null, AwsFiles.resolve(credentials, config, Map.of(), folder), "game", null, Map.of(), 1);

        assertThatThrownBy(() -> AwsConnection.open(options))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'game'")
                .hasMessageContaining(credentials.toString())
                .hasMessageContaining("liveupdate:setup");
    }

    @Test
    void credentialsFileWinsOverConfigFile() throws IOException {
        Path config = write("config", "[profile game]\nregion = us-west-2\n");
        Path credentials =
                write("credentials", "[game]\naws_access_key_id = A\naws_secret_access_key = B\nregion = eu-north-1\n");
        AwsOptions options = new AwsOptions(
                null, null, AwsFiles.resolve(credentials, config, Map.of(), folder), "game", null, Map.of(), 1);

        try (AwsConnection connection = AwsConnection.open(options)) {
            assertThat(connection.region()).isEqualTo(Region.EU_NORTH_1);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}

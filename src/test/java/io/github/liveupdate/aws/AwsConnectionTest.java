package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
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

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:5000", "http://127.1.2.3", "https://localhost:9000", "http://[::1]:5000"})
    void countsLoopbackEndpoints(String endpoint) {
        assertThat(AwsConnection.isLoopback(endpoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://s3.eu-west-1.amazonaws.com", "http://192.0.2.1:1", "http://localhost.example"})
    void countsOtherEndpointsAsRemote(String endpoint) {
        assertThat(AwsConnection.isLoopback(endpoint)).isFalse();
    }

    @Test
    void countsNoEndpointAsRemote() {
        assertThat(AwsConnection.isLoopback(null)).isFalse();
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

    @Test
    void smallPutWaitsForNoContinue() throws IOException {
        Map<String, String> expectByMethod = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String expect = exchange.getRequestHeaders().getFirst("Expect");
            expectByMethod.put(exchange.getRequestMethod(), expect == null ? "none" : expect);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
            AwsOptions options = new AwsOptions(
                    "eu-west-1",
                    endpoint,
                    AwsFiles.resolve(folder.resolve("none"), folder.resolve("none"), Map.of(), folder),
                    null,
                    AwsBasicCredentials.create("testing", "testing"),
                    Map.of(),
                    1);
            try (AwsConnection connection = AwsConnection.open(options)) {
                connection
                        .s3()
                        .putObject(request -> request.bucket("bucket").key("key"), RequestBody.fromString("small"));
            }
        } finally {
            server.stop(0);
        }

        assertThat(expectByMethod).containsEntry("PUT", "none");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}

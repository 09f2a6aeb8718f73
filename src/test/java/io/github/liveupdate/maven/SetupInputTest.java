package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.liveupdate.testing.FaultProxy;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input to the setup goal fails with a MojoFailureException, which Maven prints as one error line
 * without a stack trace, whose message names the value and the fix, and before any request that changes AWS.
 * The build runs as root here, so file permissions cannot make the credentials file unreadable: a folder in
 * its place, and bytes that are not UTF-8, stand for an unreadable file.
 */
class SetupInputTest {

    private static final String BUCKET = "input-game-bucket";

    private static MotoServer moto;
    private FaultProxy proxy;

    @TempDir
    Path folder;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto-logs", "SetupInputTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void startProxy() {
        moto.reset();
        proxy = FaultProxy.start(moto.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /** A malformed setting or file, and the parts that the failure message must contain. */
    record Case(String name, Consumer<SetupMojo> setting, String credentials, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> malformedInput() {
        return Stream.of(
                        new Case(
                                "region that is not a region",
                                mojo -> mojo.region = "Europe",
                                null,
                                List.of("'Europe'", "eu-west-1")),
                        new Case(
                                "endpoint that is not a URL",
                                mojo -> mojo.endpoint = "localhost 5000",
                                null,
                                List.of("'localhost 5000'", "http://127.0.0.1:5000", "<endpoint>")),
                        new Case(
                                "credentials path is a folder",
                                mojo -> mojo.credentialsFile = mojo.configFile
                                        .toPath()
                                        .resolveSibling("folder")
                                        .toFile(),
                                "FOLDER",
                                List.of("is a folder, not a file", "-Dliveupdate.credentialsFile")),
                        new Case(
                                "credentials file not UTF-8",
                                mojo -> {},
                                "[default]\naws_access_key_id = caf\u00e9\n",
                                List.of("not valid UTF-8", "save the file as UTF-8")),
                        new Case(
                                "profile header in credentials file",
                                mojo -> {},
                                "[default]\naws_access_key_id = AKIAOTHER\n\n[profile liveupdate]\naws_access_key_id = AKIAX\n",
                                List.of("[profile liveupdate]", "Rename the header to [liveupdate]", "Line 4")),
                        new Case(
                                "duplicate profile sections",
                                mojo -> {},
                                "[liveupdate]\nregion = eu-west-1\n\n[liveupdate]\noutput = json\n",
                                List.of("more than one section", "lines 1, 4", "Merge them")),
                        new Case(
                                "prefix with leading slash",
                                mojo -> mojo.prefix = "/game/v1",
                                null,
                                List.of("'/game/v1'", "leading slash", "-Dliveupdate.prefix")),
                        new Case(
                                "prefix with dot-dot",
                                mojo -> mojo.prefix = "game/../v1",
                                null,
                                List.of("'game/../v1'", "'..'", "-Dliveupdate.prefix")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInput")
    void failsWithMessageBeforeAnyChange(Case input) throws IOException {
        SetupMojo mojo = mojo();
        writeCredentials(mojo, input.credentials());
        input.setting().accept(mojo);
        if ("FOLDER".equals(input.credentials())) {
            Files.createDirectories(mojo.credentialsFile.toPath());
        }

        Throwable failure = catchThrowable(mojo::execute);

        assertThat(failure).as("failure of %s", input.name()).isInstanceOf(MojoFailureException.class);
        for (String part : input.expected()) {
            assertThat(failure.getMessage()).as("message of %s", input.name()).contains(part);
        }
        List<String> sent =
                proxy.requests().stream().map(RecordedRequest::action).toList();
        assertThat(sent).as("requests sent").isEmpty();
    }

    @Test
    void byteOrderMarkIsRemoved() throws Exception {
        SetupMojo mojo = mojo();
        writeCredentials(mojo, "\uFEFF[default]\r\naws_access_key_id = AKIAOTHER0000001\r\n");
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);

        mojo.execute();

        String written = Files.readString(mojo.credentialsFile.toPath(), StandardCharsets.UTF_8);
        assertThat(written).startsWith("[default]\r\n");
        assertThat(written).contains("[liveupdate]\r\n");
        assertThat(log.text()).contains("Removed the byte order mark");
    }

    @Test
    void crlfLineEndingsAreKept() throws Exception {
        SetupMojo mojo = mojo();
        writeCredentials(mojo, "[default]\r\naws_access_key_id = AKIAOTHER0000001\r\n");
        mojo.setLog(new CapturingLog());

        mojo.execute();

        String written = Files.readString(mojo.credentialsFile.toPath(), StandardCharsets.UTF_8);
        assertThat(written).startsWith("[default]\r\naws_access_key_id = AKIAOTHER0000001\r\n");
        assertThat(written.replace("\r\n", "")).doesNotContain("\n");
    }

    private SetupMojo mojo() {
        SetupMojo mojo = SetupMojos.withDefaults(BUCKET, proxy.endpoint(), folder);
        mojo.setLog(new CapturingLog());
        return mojo;
    }

    /** Writes the credentials file: null writes none, and text with an é is written as Latin-1, not UTF-8. */
    private static void writeCredentials(SetupMojo mojo, String content) throws IOException {
        if (content == null || content.equals("FOLDER")) {
            return;
        }
        Path file = mojo.credentialsFile.toPath();
        Files.createDirectories(file.getParent());
        boolean latin1 = content.indexOf('\u00e9') >= 0;
        Files.write(file, content.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    }
}

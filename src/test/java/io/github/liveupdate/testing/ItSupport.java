package io.github.liveupdate.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Helpers for the invoker integration tests' hook scripts. {@code prebuild.groovy} calls {@link #start}, which
 * starts a moto_server for that test alone and passes its endpoint and a private pair of AWS files to the
 * build; {@code verify.groovy} calls {@link #endpoint} to inspect the emulator and {@link #stop} at the end.
 * The Maven JVM's shutdown hook stops any server whose test failed before its verify script ran.
 */
public final class ItSupport {

    private static final String STATE_FILE = "moto.properties";

    private ItSupport() {}

    /**
     * Starts moto_server for the test in {@code basedir} and sets the user properties
     * {@code liveupdate.endpoint}, {@code liveupdate.credentialsFile} and {@code liveupdate.configFile} (the
     * last two to files under {@code basedir/aws}, so no test touches the real {@code ~/.aws}). Returns
     * nothing: the invoker skips the build when a pre-build script returns a value other than true.
     */
    public static void start(File basedir, Map<String, Object> context) {
        start(basedir, context, Map.of());
    }

    /**
     * Starts moto_server as {@link #start(File, Map)} does, with extra environment variables for the server,
     * such as {@code MOTO_ENABLE_RECORDING}.
     */
    @SuppressWarnings("unchecked")
    public static void start(File basedir, Map<String, Object> context, Map<String, String> environment) {
        MotoServer server = MotoServer.start(basedir.toPath().resolve("moto.log"), environment);
        Map<String, String> userProperties = (Map<String, String>) context.get("userProperties");
        userProperties.put("liveupdate.endpoint", server.endpoint());
        userProperties.putIfAbsent(
                "liveupdate.credentialsFile", new File(basedir, "aws/credentials").getAbsolutePath());
        userProperties.putIfAbsent("liveupdate.configFile", new File(basedir, "aws/config").getAbsolutePath());
        Properties state = new Properties();
        state.setProperty("endpoint", server.endpoint());
        state.setProperty("pid", Long.toString(server.pid()));
        write(basedir.toPath().resolve(STATE_FILE), state);
    }

    /** Returns the endpoint of the test's moto_server, for the verify script. */
    public static String endpoint(File basedir) {
        return read(basedir.toPath().resolve(STATE_FILE)).getProperty("endpoint");
    }

    /** Stops the test's moto_server. */
    public static void stop(File basedir) {
        long pid = Long.parseLong(read(basedir.toPath().resolve(STATE_FILE)).getProperty("pid"));
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    private static void write(Path file, Properties properties) {
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "moto_server of this integration test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

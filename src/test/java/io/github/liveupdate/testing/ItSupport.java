package io.github.liveupdate.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Helpers for the invoker integration tests' hook scripts. {@code prebuild.groovy} calls {@link #start}, which
 * starts a moto_server for that test alone and passes its endpoint and a private pair of AWS files to the
 * build; {@code verify.groovy} calls {@link #endpoint} to inspect the emulator and {@link #stop} at the end.
 * The Maven JVM's shutdown hook stops any server whose test failed before its verify script ran.
 */
public final class ItSupport {

    private static final String STATE_FILE = "moto.properties";

    /**
     * The settings file that {@link #startForwardProxy} writes. Its name must differ from it/settings.xml,
     * because the invoker writes every interpolated settings file to {@code interpolated-<name>} in one
     * folder, so a per-test file named settings.xml would replace the one that the other tests use.
     */
    private static final String PROXY_SETTINGS_FILE = "settings-with-proxy.xml";

    /** The fault proxies of the running tests, by base folder. */
    private static final Map<String, FaultProxy> PROXIES = new ConcurrentHashMap<>();

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

    /**
     * Starts moto_server as {@link #start} does and a {@link FaultProxy} in front of it, and points
     * {@code liveupdate.endpoint} at the proxy. The pre-build script adds faults and behaviours to the returned
     * proxy. The proxy runs in the Maven JVM that runs the hook scripts, so it serves the whole build.
     * {@link #endpoint} still returns moto's own endpoint, so the verify script's requests skip the faults.
     * The proxy appends each request to {@code proxy-requests.log} in {@code basedir}.
     */
    @SuppressWarnings("unchecked")
    public static FaultProxy startBehindProxy(File basedir, Map<String, Object> context) {
        start(basedir, context);
        FaultProxy proxy = FaultProxy.start(endpoint(basedir)).logTo(new File(basedir, "proxy-requests.log").toPath());
        PROXIES.put(key(basedir), proxy);
        Map<String, String> userProperties = (Map<String, String>) context.get("userProperties");
        userProperties.put("liveupdate.endpoint", proxy.endpoint());
        return proxy;
    }

    /**
     * Starts moto_server as {@link #start} does and a {@link FaultProxy} that serves as the build's forward HTTP
     * proxy: {@code liveupdate.endpoint} stays moto's, and the build reaches the proxy only through the
     * {@code <proxies>} of its settings.xml. This writes {@code basedir/settings-with-proxy.xml} from
     * {@code basedir/settings-template.xml} with {@code @proxyPort@} replaced by the proxy's port, for
     * {@code invoker.settingsFile}. The invoker then replaces its own {@code @localRepositoryUrl@}.
     * The proxy appends each request to {@code proxy-requests.log} and each request line, as received, to
     * {@code proxy-request-lines.log}.
     */
    public static FaultProxy startForwardProxy(File basedir, Map<String, Object> context) {
        start(basedir, context);
        FaultProxy proxy = FaultProxy.start(endpoint(basedir))
                .logTo(new File(basedir, "proxy-requests.log").toPath())
                .logRequestLinesTo(new File(basedir, "proxy-request-lines.log").toPath());
        PROXIES.put(key(basedir), proxy);
        Path template = basedir.toPath().resolve("settings-template.xml");
        try {
            String port = Integer.toString(URI.create(proxy.endpoint()).getPort());
            String settings = Files.readString(template, StandardCharsets.UTF_8).replace("@proxyPort@", port);
            Files.writeString(basedir.toPath().resolve(PROXY_SETTINGS_FILE), settings, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return proxy;
    }

    /**
     * Returns the proxy that {@link #startBehindProxy} or {@link #startForwardProxy} started for the test in
     * {@code basedir}.
     *
     * @throws IllegalStateException if there is none in this class loader
     */
    public static FaultProxy proxy(File basedir) {
        FaultProxy proxy = PROXIES.get(key(basedir));
        if (proxy == null) {
            throw new IllegalStateException(
                    "No fault proxy runs for " + basedir + ": call" + " ItSupport.startBehindProxy in prebuild.groovy");
        }
        return proxy;
    }

    private static String key(File basedir) {
        return basedir.getAbsoluteFile().toPath().normalize().toString();
    }

    /** Returns the endpoint of the test's moto_server, for the verify script. */
    public static String endpoint(File basedir) {
        return read(basedir.toPath().resolve(STATE_FILE)).getProperty("endpoint");
    }

    /** Stops the test's fault proxy, if it has one, and its moto_server. */
    public static void stop(File basedir) {
        FaultProxy proxy = PROXIES.remove(key(basedir));
        if (proxy != null) {
            proxy.close();
        }
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

package io.github.liveupdate.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A moto_server process on a free loopback port, for tests. It is stopped by {@link #close()}, and by a
 * shutdown hook if the JVM ends first, so a failed test never leaves it running.
 *
 * <p>The command is the {@code moto.command} system property (default {@code moto_server} from PATH).
 * When that command cannot be started, {@code target/moto-venv/bin/moto_server} is tried. If that is missing
 * too, the first start in a JVM creates that virtualenv with {@code python3 -m venv} and installs the pinned
 * {@code moto[server]} into it with pip, which needs PyPI; if that fails, the error message explains how to install moto.
 */
public final class MotoServer implements AutoCloseable {

    /** The fixed credentials that moto accepts for its root account. */
    public static final String ACCESS_KEY_ID = "testing";

    public static final String SECRET_ACCESS_KEY = "testing";

    /** The moto version that the fallback install pins, the one the tests were written against. */
    static final String PINNED_MOTO_VERSION = "5.2.1";

    private static final Path VIRTUALENV = Path.of("target", "moto-venv").toAbsolutePath();

    private static boolean installAttempted;

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "moto-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts moto_server on a free loopback port and waits until it responds.
     *
     * @param logFile where the server's output goes
     */
    public static MotoServer start(Path logFile) {
        return start(logFile, Map.of());
    }

    /**
     * Starts moto_server as {@link #start(Path)} does, with extra environment variables, such as
     * {@code MOTO_ENABLE_RECORDING} for moto's request recorder.
     */
    public static MotoServer start(Path logFile, Map<String, String> environment) {
        try {
            return startFirstAvailable(logFile, environment);
        } catch (IllegalStateException notInstalled) {
            if (!installIntoVirtualenv(logFile)) {
                throw notInstalled;
            }
            return startFirstAvailable(logFile, environment);
        }
    }

    private static MotoServer startFirstAvailable(Path logFile, Map<String, String> environment) {
        List<String> candidates = new ArrayList<>();
        candidates.add(System.getProperty("moto.command", "moto_server"));
        candidates.add(VIRTUALENV.resolve("bin").resolve("moto_server").toString());
        IOException lastFailure = null;
        for (String command : candidates) {
            int port = freePort();
            try {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                ProcessBuilder builder = new ProcessBuilder(command, "-H", "127.0.0.1", "-p", Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile());
                builder.environment().putAll(environment);
                builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
                MotoServer server = new MotoServer(builder.start(), port);
                server.awaitReady(Duration.ofSeconds(60));
                return server;
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw new IllegalStateException(
                "Cannot start moto_server (tried " + candidates + "): install it with"
                        + " pip install \"moto[server]==" + PINNED_MOTO_VERSION + "\" or pass"
                        + " -Dmoto.command=/path/to/moto_server",
                lastFailure);
    }

    /**
     * Creates {@code target/moto-venv} with the pinned moto, once per JVM and only when it does not exist.
     * Returns whether a new install succeeded; the install's output goes beside the log file.
     */
    private static synchronized boolean installIntoVirtualenv(Path logFile) {
        if (installAttempted || Files.exists(VIRTUALENV)) {
            return false;
        }
        installAttempted = true;
        Path installLog = logFile.toAbsolutePath().resolveSibling("moto-install.log");
        try {
            Files.createDirectories(installLog.getParent());
            return run(installLog, "python3", "-m", "venv", VIRTUALENV.toString())
                    && run(
                            installLog,
                            VIRTUALENV.resolve("bin").resolve("pip").toString(),
                            "install",
                            "--quiet",
                            "moto[server]==" + PINNED_MOTO_VERSION);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            return process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts moto_server with its log under the given folder. */
    public static MotoServer start(File folder) {
        return start(folder.toPath().resolve("moto.log"));
    }

    /** Returns the operating-system process id of the server. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** Returns the endpoint URL, such as {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Resets every account's state in the emulator. */
    public void reset() {
        post("/moto-api/reset");
    }

    /**
     * Turns on IAM authorization: from the next request on, moto checks each request's signature against the
     * access keys of its IAM users and the request against their policies. The credentials {@code testing}
     * stop working, since no IAM user owns them.
     */
    public void enforceIam() {
        post("/moto-api/reset-auth", "0");
    }

    private void post(String path) {
        post(path, "{}");
    }

    private void post(String path, String body) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(endpoint() + path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            // A form content type, the default, makes moto read the body as a form and find no count.
            connection.setRequestProperty("Content-Type", "text/plain");
            connection.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int status = connection.getResponseCode();
            if (status >= 300) {
                throw new IllegalStateException("moto_server answered " + status + " to POST " + path);
            }
            connection.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + " before it answered");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(endpoint() + "/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    connection.disconnect();
                    return;
                }
            } catch (IOException notYet) {
                // The server is still starting.
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for moto_server", e);
            }
        }
        close();
        throw new IOException("moto_server did not answer on port " + port + " within " + timeout);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running already.
        }
    }
}

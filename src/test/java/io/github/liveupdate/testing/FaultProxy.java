package io.github.liveupdate.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 proxy on a free loopback port between the plugin and moto_server that injects faults and plays
 * AWS behaviours that moto does not model, and records every request.
 *
 * <p>The plugin's endpoint points at the proxy and signs for the proxy's host and port. The proxy forwards
 * the request line, the headers (Host included) and the body bytes as received, so moto's signature check
 * (when IAM authorization is on) computes the same signature. Only hop-by-hop headers change: the proxy
 * responds to {@code Expect: 100-continue} itself and sends {@code Connection: close} upstream, since each
 * request gets its own upstream connection. The SDK excludes both headers from the signature. Responses are
 * read whole and sent with a {@code Content-Length}.
 *
 * <p>For each request, the proxy checks the fault rules in the order they were added; the first rule that
 * matches and whose trigger fires decides the {@link Fault}. Every matching rule counts the request, fired
 * or not. Then, unless the fault answered already, the {@link AwsBehaviour}s may answer in place of moto,
 * and else the request goes to moto.
 *
 * <p>The proxy also serves as a forward HTTP proxy for clients that keep moto's endpoint and name the proxy as
 * their HTTP proxy: such a client sends the absolute URI of moto in the request line, such as
 * {@code GET http://127.0.0.1:5000/bucket HTTP/1.1}. The proxy forwards it to moto in origin form
 * ({@code GET /bucket}) and responds with 502 to an absolute URI of any other host or port. It does not implement
 * {@code CONNECT}, so it proxies {@code http://} endpoints only. {@link #requestLines} keeps each request line
 * as received, to show which requests came through it as a forward proxy.
 */
public final class FaultProxy implements AutoCloseable {

    private static final int MAX_LINE_LENGTH = 64 * 1024;
    private static final Set<String> HOP_BY_HOP_REQUEST_HEADERS =
            Set.of("connection", "keep-alive", "proxy-connection", "proxy-authorization", "expect");
    private static final Set<String> FRAMING_RESPONSE_HEADERS =
            Set.of("connection", "keep-alive", "content-length", "transfer-encoding");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");

    private final ServerSocket serverSocket;
    private final URI upstream;
    private final ExecutorService connections;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<AwsBehaviour> behaviours = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> record = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private volatile Path requestLinesFile;
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Path logFile;

    private record Rule(Match match, Trigger trigger, Fault fault, AtomicInteger matched) {}

    private FaultProxy(ServerSocket serverSocket, URI upstream) {
        this.serverSocket = serverSocket;
        this.upstream = upstream;
        this.connections = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy-connection");
            thread.setDaemon(true);
            return thread;
        });
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1 that forwards to {@code upstreamEndpoint}, such as
     * {@code http://127.0.0.1:5000}, which must be a loopback address.
     */
    public static FaultProxy start(String upstreamEndpoint) {
        URI upstream = URI.create(upstreamEndpoint);
        if (!"http".equals(upstream.getScheme()) || !isLoopback(upstream.getHost())) {
            throw new IllegalArgumentException(
                    "The fault proxy forwards to a loopback http:// endpoint only, not " + upstreamEndpoint);
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            return new FaultProxy(socket, upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns the proxy's endpoint URL, such as {@code http://127.0.0.1:41235}. */
    public String endpoint() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort();
    }

    /** Returns the endpoint that the proxy forwards to. */
    public String upstreamEndpoint() {
        return upstream.toString();
    }

    /** Adds a fault rule after the existing ones and returns this proxy. */
    public FaultProxy inject(Match match, Trigger trigger, Fault fault) {
        rules.add(new Rule(match, trigger, fault, new AtomicInteger()));
        return this;
    }

    /** Adds an AWS behaviour after the existing ones and returns this proxy. */
    public FaultProxy play(AwsBehaviour behaviour) {
        behaviours.add(behaviour);
        return this;
    }

    /** Removes every fault rule and behaviour; the record stays. */
    public void clearFaults() {
        rules.clear();
        behaviours.clear();
    }

    /** Appends each recorded request to the file as one line, as it happens, for the test's reader. */
    public FaultProxy logTo(Path file) {
        this.logFile = file;
        return this;
    }

    /** Appends each request line, as received, to the file as it arrives. */
    public FaultProxy logRequestLinesTo(Path file) {
        this.requestLinesFile = file;
        return this;
    }

    /** Returns the request lines as received, such as {@code PUT http://127.0.0.1:5000/bucket HTTP/1.1}. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Returns a copy of the record, in the order the requests arrived. */
    public List<RecordedRequest> requests() {
        synchronized (record) {
            return List.copyOf(record);
        }
    }

    /** Returns the recorded requests of one operation, such as {@code PutBucketPolicy}. */
    public List<RecordedRequest> requests(String action) {
        return requests().stream().filter(r -> r.action().equals(action)).toList();
    }

    /** Returns counts from the record: see {@link FaultSummary}. */
    public FaultSummary summary() {
        return FaultSummary.of(requests());
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                openSockets.add(client);
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Serves the requests of one client connection until the client closes it or a fault ends it. */
    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) Duration.ofMinutes(5).toMillis());
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                Instant arrived = Instant.now();
                ProxyRequest request = readRequest(in, out);
                if (request == null) {
                    return;
                }
                recordRequestLine(request);
                if (isAbsoluteForm(request.target())) {
                    request = toOriginForm(request);
                    if (request == null) {
                        out.write(AwsErrorBodies.s3(
                                        502, "BadGateway", "The fault proxy forwards only to " + upstream, true)
                                .toBytes(false));
                        out.flush();
                        continue;
                    }
                }
                if (!handle(client, out, request, arrived)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client closed the connection, or a fault reset it.
        } finally {
            openSockets.remove(client);
        }
    }

    /** Handles one request and returns whether the connection stays open for another. */
    private boolean handle(Socket client, OutputStream out, ProxyRequest request, Instant arrived) throws IOException {
        boolean close = "close".equalsIgnoreCase(request.header("Connection"));
        Fault fault = pickFault(request);
        if (fault instanceof Fault.Error error) {
            String code = request.service().equals("s3") ? error.s3Code() : error.queryCode();
            ProxyResponse response = AwsErrorBodies.forRequest(request, error.status(), code, error.message());
            record(request, arrived, response.status(), fault.label(), true);
            out.write(response.toBytes(close));
            out.flush();
            return !close;
        }
        if (fault instanceof Fault.Reset reset && !reset.afterForward()) {
            record(request, arrived, -1, fault.label(), true);
            reset(client);
            return false;
        }
        if (fault instanceof Fault.Delay delay) {
            sleep(delay.duration());
        }

        for (AwsBehaviour behaviour : behaviours) {
            ProxyResponse modelled = behaviour.before(request);
            if (modelled != null) {
                record(request, arrived, modelled.status(), behaviour.name() + ": " + errorCode(modelled), false);
                out.write(modelled.toBytes(close));
                out.flush();
                return !close;
            }
        }

        ProxyResponse response;
        try {
            response = forward(request);
        } catch (IOException e) {
            record(request, arrived, -1, "emulator failed: " + e.getMessage(), false);
            reset(client);
            return false;
        }
        for (AwsBehaviour behaviour : behaviours) {
            behaviour.after(request, response);
        }
        if (fault instanceof Fault.Reset) {
            record(request, arrived, -1, fault.label(), true);
            reset(client);
            return false;
        }
        byte[] bytes = response.toBytes(close);
        boolean truncated =
                fault instanceof Fault.Truncate truncate && (!truncate.successOnly() || response.status() < 300);
        if (fault instanceof Fault.Truncate && !truncated) {
            fault = null;
        }
        if (truncated) {
            record(request, arrived, response.status(), fault.label(), true);
            // Cut inside the body, where the client has started to parse it. A response without a body is cut
            // inside its status line, because a client may accept a head cut between two header lines.
            int headLength = bytes.length - response.body().length;
            int cut = response.body().length > 1 ? headLength + response.body().length / 2 : 5;
            out.write(bytes, 0, cut);
            out.flush();
            return false;
        }
        record(request, arrived, response.status(), fault == null ? null : fault.label(), fault != null);
        out.write(bytes);
        out.flush();
        return !close;
    }

    private void recordRequestLine(ProxyRequest request) {
        String line = request.method() + " " + request.target() + " HTTP/1.1";
        requestLines.add(line);
        Path file = requestLinesFile;
        if (file != null) {
            try {
                Files.writeString(
                        file,
                        line + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean isAbsoluteForm(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * Returns the request with its absolute URI replaced by the path and query, or null when the URI names
     * another host or port than the upstream's, which the proxy does not reach.
     */
    private ProxyRequest toOriginForm(ProxyRequest request) {
        URI target = URI.create(request.target());
        int port = target.getPort() < 0 ? 80 : target.getPort();
        if (!"http".equalsIgnoreCase(target.getScheme())
                || !isLoopback(target.getHost())
                || port != upstream.getPort()) {
            return null;
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String originForm = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        return new ProxyRequest(request.method(), originForm, request.headers(), request.rawBody(), request.body());
    }

    private Fault pickFault(ProxyRequest request) {
        Fault picked = null;
        for (Rule rule : rules) {
            if (!rule.match().test(request)) {
                continue;
            }
            int number = rule.matched().incrementAndGet();
            if (picked == null && rule.trigger().fires(number)) {
                picked = rule.fault();
            }
        }
        return picked;
    }

    private void record(ProxyRequest request, Instant arrived, int status, String fault, boolean injected) {
        RecordedRequest entry = new RecordedRequest(
                sequence.incrementAndGet(),
                arrived,
                request.method(),
                request.path(),
                request.query(),
                request.service(),
                request.action(),
                request.signerKeyId(),
                status,
                fault,
                injected);
        record.add(entry);
        Path file = logFile;
        if (file != null) {
            try {
                Files.writeString(
                        file,
                        entry + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String errorCode(ProxyResponse response) {
        Matcher matcher = ERROR_CODE.matcher(response.bodyText());
        return matcher.find() ? matcher.group(1) : "HTTP " + response.status();
    }

    /** Closes the connection with a TCP reset rather than an orderly close. */
    private static void reset(Socket client) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- HTTP/1.1 reading and forwarding

    /**
     * Reads one request, or returns null when the client closed the connection between requests. Sends
     * {@code 100 Continue} before reading the body of a request that expects it.
     */
    private static ProxyRequest readRequest(InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("Not an HTTP request line: " + requestLine);
        }
        List<String[]> headers = readHeaders(in);
        ProxyRequest head = new ProxyRequest(parts[0], parts[1], headers, new byte[0], new byte[0]);
        if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[][] body = readBody(in, head.header("Transfer-Encoding"), head.header("Content-Length"), true);
        return new ProxyRequest(parts[0], parts[1], headers, body[0], body[1]);
    }

    /** Sends the request to the emulator on a new connection and reads the whole response. */
    private ProxyResponse forward(ProxyRequest request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()), 10_000);
            socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
            for (String[] header : request.headers()) {
                if (!HOP_BY_HOP_REQUEST_HEADERS.contains(header[0].toLowerCase(Locale.ROOT))) {
                    head.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.rawBody());
            out.flush();
            return readResponse(new BufferedInputStream(socket.getInputStream()), request.method());
        }
    }

    private static ProxyResponse readResponse(InputStream in, String requestMethod) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            if (statusLine == null) {
                throw new EOFException("The emulator closed the connection without a response");
            }
            String[] parts = statusLine.split(" ", 3);
            int status = Integer.parseInt(parts[1]);
            String reason = parts.length > 2 ? parts[2] : "";
            List<String[]> headers = readHeaders(in);
            if (status >= 100 && status < 200) {
                continue;
            }
            ProxyRequest framing = new ProxyRequest("", "", headers, null, null);
            List<String[]> kept = new ArrayList<>();
            for (String[] header : headers) {
                if (!FRAMING_RESPONSE_HEADERS.contains(header[0].toLowerCase(Locale.ROOT))) {
                    kept.add(header);
                }
            }
            if (requestMethod.equals("HEAD")) {
                String length = framing.header("Content-Length");
                return new ProxyResponse(status, reason, kept, new byte[0], length == null ? "0" : length);
            }
            if (status == 204 || status == 304) {
                return new ProxyResponse(status, reason, kept, new byte[0], null);
            }
            byte[][] body = readBody(in, framing.header("Transfer-Encoding"), framing.header("Content-Length"), false);
            return new ProxyResponse(status, reason, kept, body[1], null);
        }
    }

    /**
     * Reads a message body by its framing and returns the bytes as received and the content without chunked
     * framing. Without a length or chunked encoding, a request has no body and a response lasts until the
     * connection closes.
     */
    private static byte[][] readBody(InputStream in, String transferEncoding, String contentLength, boolean isRequest)
            throws IOException {
        if (transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        if (contentLength != null) {
            byte[] body = in.readNBytes(Integer.parseInt(contentLength.trim()));
            return new byte[][] {body, body};
        }
        byte[] body = isRequest ? new byte[0] : in.readAllBytes();
        return new byte[][] {body, body};
    }

    private static byte[][] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("The chunked body ended before its last chunk");
            }
            raw.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    if (trailer == null) {
                        throw new EOFException("The chunked body ended inside its trailer");
                    }
                    raw.writeBytes((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return new byte[][] {raw.toByteArray(), content.toByteArray()};
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("A chunk ended early");
            }
            raw.writeBytes(chunk);
            content.writeBytes(chunk);
            String end = readLine(in);
            if (end == null || !end.isEmpty()) {
                throw new IOException("A chunk is not followed by CRLF");
            }
            raw.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static List<String[]> readHeaders(InputStream in) throws IOException {
        List<String[]> headers = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("The connection closed inside the headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("Not a header line: " + line);
            }
            headers.add(new String[] {
                line.substring(0, colon).trim(), line.substring(colon + 1).trim()
            });
        }
    }

    /** Reads a line ended by LF or CRLF, without its ending, or returns null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketException e) {
                if (line.size() == 0) {
                    return null;
                }
                throw e;
            }
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE_LENGTH) {
                throw new IOException("A line is longer than " + MAX_LINE_LENGTH + " bytes");
            }
            line.write(b);
        }
    }

    /** Stops accepting, closes every open connection and closes the behaviours that hold resources. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket socket : openSockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        connections.shutdownNow();
        for (AwsBehaviour behaviour : behaviours) {
            if (behaviour instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // Closing anyway.
                }
            }
        }
    }
}

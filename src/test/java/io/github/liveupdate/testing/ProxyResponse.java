package io.github.liveupdate.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP response as the {@link FaultProxy} sends it to the client: from the emulator, or made up by a
 * fault or a behaviour.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param headers the header lines in order, each a name and a value, without framing headers
 *     ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}), which {@link #toBytes} adds
 * @param body the body, already without chunked framing
 * @param headContentLength for a response to HEAD, the {@code Content-Length} that the server sent, or null
 */
public record ProxyResponse(int status, String reason, List<String[]> headers, byte[] body, String headContentLength) {

    /** Returns a response with an XML body, as AWS sends its errors. */
    static ProxyResponse xml(int status, String reason, String xml, boolean bodyAllowed) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-Type", "application/xml"});
        headers.add(new String[] {"x-amz-request-id", "FAULTPROXY0000001"});
        byte[] body = bodyAllowed ? xml.getBytes(StandardCharsets.UTF_8) : new byte[0];
        return new ProxyResponse(status, reason, headers, body, bodyAllowed ? null : Integer.toString(body.length));
    }

    /** Returns the first value of a header, compared without case, or null. */
    public String header(String name) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                return header[1];
            }
        }
        return null;
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Serializes the response with a {@code Content-Length} for its body, or the HEAD response's length and
     * no body.
     *
     * @param close whether to add {@code Connection: close}
     */
    byte[] toBytes(boolean close) {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        boolean noBody = headContentLength != null || status == 204 || status == 304;
        if (headContentLength != null) {
            head.append("Content-Length: ").append(headContentLength).append("\r\n");
        } else if (!noBody) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!noBody) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}

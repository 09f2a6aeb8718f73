package io.github.liveupdate.testing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Error responses in the forms that AWS sends them: S3's {@code <Error>} document, and the
 * {@code <ErrorResponse>} document of the query protocol that IAM and STS use. The AWS SDK reads the error
 * code from these, so a made-up error reaches the plugin as the same exception that AWS would cause.
 */
public final class AwsErrorBodies {

    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private AwsErrorBodies() {}

    /**
     * Returns an error response for the request's service: the S3 form for S3, else the query-protocol form.
     * A response to HEAD has no body, as with S3, and the SDK then reads only its status.
     */
    public static ProxyResponse forRequest(ProxyRequest request, int status, String code, String message) {
        if (request.service().equals("s3")) {
            return s3(status, code, message, !request.method().equals("HEAD"));
        }
        return query(status, code, message);
    }

    /** Returns S3's error document: {@code <Error><Code>..</Code><Message>..</Message>...</Error>}. */
    public static ProxyResponse s3(int status, String code, String message, boolean bodyAllowed) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + escape(code) + "</Code><Message>"
                + escape(message) + "</Message><RequestId>" + requestId() + "</RequestId><HostId>fault-proxy</HostId>"
                + "</Error>";
        return ProxyResponse.xml(status, reason(status), xml, bodyAllowed);
    }

    /**
     * Returns the query protocol's error document, with type {@code Sender} for a 4xx status and
     * {@code Receiver} for a 5xx status.
     */
    public static ProxyResponse query(int status, String code, String message) {
        String type = status >= 500 ? "Receiver" : "Sender";
        String xml = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>" + type
                + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message) + "</Message></Error>"
                + "<RequestId>" + requestId() + "</RequestId></ErrorResponse>";
        return ProxyResponse.xml(status, reason(status), xml, true);
    }

    private static String requestId() {
        return String.format("FAULTPROXY%08d", REQUEST_IDS.incrementAndGet());
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

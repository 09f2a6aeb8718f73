package io.github.liveupdate.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request that reached the {@link FaultProxy}, with the AWS details that faults and behaviours match
 * on: the service and access key id from the SigV4 credential scope, and the operation name.
 *
 * @param method the request method, such as {@code PUT}
 * @param target the request target as sent, path and query, such as {@code /bucket?policy}
 * @param headers the header lines in the order received, each a name and a value
 * @param rawBody the body bytes as received, with any chunked framing
 * @param body the body as the server reads it: {@code rawBody} without HTTP chunked framing. An
 *     {@code aws-chunked} content encoding stays, because it is part of the content that S3 decodes.
 */
public record ProxyRequest(String method, String target, List<String[]> headers, byte[] rawBody, byte[] body) {

    /** {@code Credential=AKID/DATE/REGION/SERVICE/aws4_request} in an Authorization header or query. */
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/[^/]+/([^/]+)/([^/]+)/");

    private static final Pattern QUERY_CREDENTIAL = Pattern.compile("(?:^|&)X-Amz-Credential=([^&]+)");

    /** Returns the path without the query, percent-encoding as sent. */
    public String path() {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    /** Returns the query string without the {@code ?}, or an empty string. */
    public String query() {
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question + 1);
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

    /** Returns the decoded query parameters; a parameter without a value maps to an empty string. */
    public Map<String, String> queryParameters() {
        return parseForm(query());
    }

    /**
     * Returns the parameters of a form body ({@code application/x-www-form-urlencoded}), as IAM and STS
     * requests of the query protocol send them, or an empty map for another body.
     */
    public Map<String, String> formParameters() {
        String contentType = header("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        return parseForm(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Returns the AWS service in the signature's credential scope, such as {@code s3}, {@code iam} or
     * {@code sts}, or {@code s3} for an unsigned request, which only S3 accepts.
     */
    public String service() {
        Matcher matcher = credentialMatcher();
        return matcher != null ? matcher.group(3) : "s3";
    }

    /** Returns the access key id that signed the request, or null for an unsigned request. */
    public String signerKeyId() {
        Matcher matcher = credentialMatcher();
        if (matcher != null) {
            return matcher.group(1);
        }
        Matcher presigned = QUERY_CREDENTIAL.matcher(query());
        if (presigned.find()) {
            return URLDecoder.decode(presigned.group(1), StandardCharsets.UTF_8).split("/", 2)[0];
        }
        return null;
    }

    private Matcher credentialMatcher() {
        String authorization = header("Authorization");
        if (authorization == null) {
            return null;
        }
        Matcher matcher = CREDENTIAL.matcher(authorization);
        return matcher.find() ? matcher : null;
    }

    /**
     * Returns the operation name: the {@code Action} parameter of query-protocol requests (IAM, STS), the
     * operation of an {@code X-Amz-Target} header, else the S3 operation that the method, path and query
     * name, as {@link S3Operations#name} derives it.
     */
    public String action() {
        String fromForm = formParameters().get("Action");
        if (fromForm != null) {
            return fromForm;
        }
        String fromQuery = queryParameters().get("Action");
        if (fromQuery != null) {
            return fromQuery;
        }
        String target = header("X-Amz-Target");
        if (target != null) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        return S3Operations.name(this);
    }

    /** Returns the bucket of a path-style S3 request, or null for a request to the service root. */
    public String bucket() {
        String path = path();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
        return bucket.isEmpty() ? null : URLDecoder.decode(bucket, StandardCharsets.UTF_8);
    }

    /** Returns the object key of a path-style S3 request, or null for a bucket-level request. */
    public String key() {
        String path = path();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        if (slash < 0 || slash == trimmed.length() - 1) {
            return null;
        }
        return URLDecoder.decode(trimmed.substring(slash + 1), StandardCharsets.UTF_8);
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseForm(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Override
    public String toString() {
        return method + " " + target + " (" + service() + " " + action() + ")";
    }
}

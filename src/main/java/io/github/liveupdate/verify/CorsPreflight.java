package io.github.liveupdate.verify;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether the response to a CORS preflight lets a browser on an origin GET the object: the status is
 * 200, {@code Access-Control-Allow-Origin} is the origin or {@code *}, and {@code Access-Control-Allow-Methods}
 * lists GET. S3 rejects a preflight that no CORS rule allows with HTTP 403.
 */
public final class CorsPreflight {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";

    private CorsPreflight() {}

    /** Returns what is wrong with the response, or empty when it allows the GET. */
    public static Optional<String> problem(PublicResponse response, String origin) {
        if (response.status() != 200) {
            return Optional.of("the preflight returned HTTP " + response.status() + ", so no CORS rule allows GET"
                    + " from " + origin);
        }
        Optional<String> allowedOrigin = response.header(ALLOW_ORIGIN).map(String::trim);
        if (allowedOrigin.isEmpty()) {
            return Optional.of("the response has no " + ALLOW_ORIGIN + " header");
        }
        if (!allowedOrigin.get().equals("*") && !allowedOrigin.get().equals(origin)) {
            return Optional.of(ALLOW_ORIGIN + " is '" + allowedOrigin.get() + "', not " + origin + " or *");
        }
        Optional<String> methods = response.header(ALLOW_METHODS);
        if (methods.isEmpty() || !listsGet(methods.get())) {
            return Optional.of(ALLOW_METHODS + " is "
                    + methods.map(value -> "'" + value + "'").orElse("missing") + ", without GET");
        }
        return Optional.empty();
    }

    private static boolean listsGet(String methods) {
        for (String method : methods.split(",")) {
            if (method.trim().toUpperCase(Locale.ROOT).equals("GET")) {
                return true;
            }
        }
        return false;
    }
}

package io.github.liveupdate.testing;

import java.time.Duration;

/** What the {@link FaultProxy} does to a request that a rule picked, in place of forwarding it unchanged. */
public sealed interface Fault {

    /** Returns a short description for the request record, such as {@code 503 SlowDown}. */
    String label();

    /**
     * Responds with an AWS error and does not forward the request, as a server that rejects it before doing
     * anything would.
     *
     * @param s3Code the error code for S3 requests
     * @param queryCode the error code for IAM and STS requests
     */
    record Error(int status, String s3Code, String queryCode, String message) implements Fault {
        @Override
        public String label() {
            return status + " " + s3Code + (s3Code.equals(queryCode) ? "" : "/" + queryCode);
        }
    }

    /**
     * Closes the client's connection with a TCP reset. Before forwarding, the emulator never receives the
     * request; after forwarding, it has applied the request and only the response is lost.
     */
    record Reset(boolean afterForward) implements Fault {
        @Override
        public String label() {
            return afterForward ? "reset after forwarding" : "reset before forwarding";
        }
    }

    /**
     * Forwards the request, then sends the response's status line, headers and the first half of its body,
     * and closes the connection. A response without a body is cut inside its status line.
     *
     * @param successOnly when true, only a 2xx response is cut and any other is sent whole
     */
    record Truncate(boolean successOnly) implements Fault {
        @Override
        public String label() {
            return "truncated response";
        }
    }

    /** Waits, then forwards the request unchanged: a slow network or server. */
    record Delay(Duration duration) implements Fault {
        @Override
        public String label() {
            return "delayed " + duration.toMillis() + " ms";
        }
    }

    /** Returns S3's 503 SlowDown, or IAM's and STS's 503 ServiceUnavailable. */
    static Fault slowDown() {
        return new Error(503, "SlowDown", "ServiceUnavailable", "Please reduce your request rate.");
    }

    /** Returns a 500 InternalError, InternalFailure for IAM and STS. */
    static Fault internalError() {
        return new Error(
                500, "InternalError", "InternalFailure", "We encountered an internal error. Please try again.");
    }

    /** Returns IAM's and STS's 400 Throttling, which S3 sends as 503 SlowDown. */
    static Fault throttling() {
        return new Error(400, "Throttling", "Throttling", "Rate exceeded");
    }

    static Fault resetBeforeForward() {
        return new Reset(false);
    }

    static Fault resetAfterForward() {
        return new Reset(true);
    }

    static Fault truncatedResponse() {
        return new Truncate(false);
    }

    /**
     * Cuts successful responses only. SDK 2.59.1 reads no error code from a cut error response and reports
     * a bare status, which neither it nor the plugin retries, so tests that expect success use this one.
     */
    static Fault truncatedSuccess() {
        return new Truncate(true);
    }

    static Fault delay(Duration duration) {
        return new Delay(duration);
    }
}

package io.github.liveupdate.testing;

import io.github.liveupdate.core.KeyIds;
import java.time.Instant;

/**
 * One request as the {@link FaultProxy} saw and handled it.
 *
 * @param sequence 1 for the first request the proxy received, counting up
 * @param time when the request's headers arrived
 * @param service the AWS service of the signature, {@code s3} for unsigned requests
 * @param action the operation name, as {@link ProxyRequest#action} derives it
 * @param signerKeyId the access key id that signed the request, or null for an unsigned request
 * @param status the status sent to the client, or -1 when the connection was reset before a response
 * @param fault what a fault rule did ({@link Fault#label}), or what a modelled AWS behaviour responded, such as
 *     {@code new-key: InvalidClientTokenId}; null when the request was forwarded unchanged
 * @param injected true when a fault rule, not a modelled AWS behaviour, handled the request
 */
public record RecordedRequest(
        int sequence,
        Instant time,
        String method,
        String path,
        String query,
        String service,
        String action,
        String signerKeyId,
        int status,
        String fault,
        boolean injected) {

    /** Returns whether the request reached the client as something other than the emulator's response. */
    public boolean faulted() {
        return fault != null;
    }

    /** Returns whether {@code other} is the same request sent again: same method, path, query, action. */
    public boolean sameRequestAs(RecordedRequest other) {
        return method.equals(other.method)
                && path.equals(other.path)
                && query.equals(other.query)
                && action.equals(other.action);
    }

    /** Returns one line for logs and assertion messages, with the key id masked. */
    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query) + " [" + service + " "
                + action + ", key " + KeyIds.mask(signerKeyId) + "] -> " + (status < 0 ? "no response" : status)
                + (fault == null ? "" : " (" + fault + ")");
    }
}

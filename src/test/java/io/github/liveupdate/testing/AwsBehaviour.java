package io.github.liveupdate.testing;

/**
 * An AWS behaviour that moto does not model, such as eventual consistency, played by the {@link FaultProxy}
 * around the emulator. The proxy calls {@link #before} for each request, from several threads at once.
 */
public interface AwsBehaviour {

    /** Returns a short name for the request record, such as {@code new-key}. */
    String name();

    /** Returns the response that AWS would send in place of the emulator's, or null to forward the request. */
    ProxyResponse before(ProxyRequest request);

    /** Observes the emulator's response to a forwarded request, to learn new keys, users or settings. */
    default void after(ProxyRequest request, ProxyResponse response) {}
}

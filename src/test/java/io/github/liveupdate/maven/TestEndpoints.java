package io.github.liveupdate.maven;

import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.mockito.Mockito;

/** Endpoints and a session for the mojo tests that must not get as far as a request. */
final class TestEndpoints {

    /** A closed loopback port, so a goal that sent a request would fail with a connection error. */
    static final String CLOSED = "http://127.0.0.1:1";

    /**
     * A remote endpoint for the offline checks, which a loopback endpoint passes. The address is reserved for
     * documentation (RFC 5737) and routed nowhere, so even a broken check sends nothing anywhere useful.
     */
    static final String REMOTE = "http://192.0.2.1:1";

    private TestEndpoints() {}

    /** Returns a session of a build run with {@code mvn -o} and no user or system properties. */
    static MavenSession offlineSession() {
        MavenSession session = Mockito.mock(MavenSession.class);
        Mockito.when(session.isOffline()).thenReturn(true);
        Mockito.when(session.getUserProperties()).thenReturn(new Properties());
        Mockito.when(session.getSystemProperties()).thenReturn(new Properties());
        return session;
    }
}

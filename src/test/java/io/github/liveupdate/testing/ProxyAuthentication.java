package io.github.liveupdate.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Basic authentication of a forward proxy: a request without the expected {@code Proxy-Authorization} header
 * gets {@code 407 Proxy Authentication Required} with a {@code Proxy-Authenticate} challenge, as a proxy that
 * requires a login sends it. The {@link FaultProxy} removes the header before it forwards a request.
 */
public final class ProxyAuthentication implements AwsBehaviour {

    private final String expected;
    private final AtomicInteger rejected = new AtomicInteger();

    private ProxyAuthentication(String username, String password) {
        String pair = username + ":" + password;
        this.expected = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a behaviour that lets through only requests with this user name and password. */
    public static ProxyAuthentication basic(String username, String password) {
        return new ProxyAuthentication(username, password);
    }

    @Override
    public String name() {
        return "proxy-authentication";
    }

    @Override
    public ProxyResponse before(ProxyRequest request) {
        if (expected.equals(request.header("Proxy-Authorization"))) {
            return null;
        }
        rejected.incrementAndGet();
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Proxy-Authenticate", "Basic realm=\"fault-proxy\""});
        return new ProxyResponse(407, "Proxy Authentication Required", headers, new byte[0], null);
    }

    /** Returns how many requests lacked the expected credentials. */
    public int rejected() {
        return rejected.get();
    }
}

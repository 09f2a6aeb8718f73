package io.github.liveupdate.maven;

import io.github.liveupdate.aws.ProxySettings;
import io.github.liveupdate.core.LiveUpdateException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the {@code <proxy>} of settings.xml that the AWS clients use, and decrypts its password the way Maven
 * decrypts proxy passwords (settings-security.xml).
 */
final class SettingsProxies {

    private SettingsProxies() {}

    /**
     * Returns the proxy for requests to {@code endpoint}: the first active proxy whose {@code <protocol>} is the
     * endpoint's scheme. For an {@code https} endpoint without one, it is the first active {@code http} proxy,
     * because a settings.xml may declare only that one for all traffic. Returns empty when there is none.
     *
     * @param endpoint the endpoint that the goal talks to, or null for AWS itself, which is {@code https}
     * @throws LiveUpdateException if the chosen proxy's password cannot be decrypted, or it has no host or an
     *     invalid port
     */
    static Optional<ProxySettings> forEndpoint(Settings settings, SettingsDecrypter decrypter, URI endpoint) {
        if (settings == null || settings.getProxies() == null) {
            return Optional.empty();
        }
        String scheme = endpoint == null ? "https" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        Optional<Proxy> chosen = firstActive(settings, scheme);
        if (chosen.isEmpty() && scheme.equals("https")) {
            chosen = firstActive(settings, "http");
        }
        return chosen.map(proxy -> toSettings(decrypt(proxy, decrypter)));
    }

    private static Optional<Proxy> firstActive(Settings settings, String protocol) {
        return settings.getProxies().stream()
                .filter(Proxy::isActive)
                .filter(proxy -> protocol.equalsIgnoreCase(protocolOf(proxy)))
                .findFirst();
    }

    /** Returns the proxy's protocol, {@code http} when unset, as Maven's settings model defaults it. */
    private static String protocolOf(Proxy proxy) {
        return proxy.getProtocol() == null || proxy.getProtocol().isBlank()
                ? "http"
                : proxy.getProtocol().trim();
    }

    private static Proxy decrypt(Proxy proxy, SettingsDecrypter decrypter) {
        if (proxy.getPassword() == null || proxy.getPassword().isEmpty()) {
            return proxy;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new LiveUpdateException("Cannot decrypt the password of proxy '" + proxy.getId()
                        + "' in settings.xml: " + problem.getMessage() + ". Check the master password in"
                        + " settings-security.xml (see mvn --encrypt-master-password), or set <active>false"
                        + "</active> on the proxy.");
            }
        }
        return result.getProxy() == null ? proxy : result.getProxy();
    }

    private static ProxySettings toSettings(Proxy proxy) {
        if (proxy.getHost() == null || proxy.getHost().isBlank()) {
            throw new LiveUpdateException("Proxy '" + proxy.getId() + "' in settings.xml has no <host>. Set it, or"
                    + " set <active>false</active> on the proxy.");
        }
        if (proxy.getPort() < 1 || proxy.getPort() > 65535) {
            throw new LiveUpdateException("Proxy '" + proxy.getId() + "' in settings.xml has the invalid port "
                    + proxy.getPort() + ": set <port> to a number from 1 to 65535.");
        }
        String username = proxy.getUsername() == null || proxy.getUsername().isBlank()
                ? null
                : proxy.getUsername().trim();
        // A proxy's <protocol> names the traffic that it carries, not how to reach it. The clients connect to
        // the proxy over plain HTTP, as to most forward proxies.
        // NOTE: a proxy that accepts only TLS connections cannot be used.
        ProxySettings settings = new ProxySettings(
                proxy.getHost().trim(),
                proxy.getPort(),
                "http",
                username,
                username == null ? null : proxy.getPassword(),
                ProxySettings.nonProxyHostPatterns(proxy.getNonProxyHosts()));
        checkHost(proxy, settings);
        return settings;
    }

    /**
     * Rejects a host that does not give the proxy's URL that host and port, such as one with a scheme or port
     * in it. The clients would otherwise connect to a wrong host, such as {@code http} for
     * {@code http://proxy.example.com}, or to none, and send requests past the proxy.
     */
    private static void checkHost(Proxy proxy, ProxySettings settings) {
        URI endpoint;
        try {
            endpoint = settings.endpoint();
        } catch (IllegalArgumentException e) {
            endpoint = null;
        }
        if (endpoint == null || endpoint.getHost() == null || endpoint.getPort() != settings.port()) {
            throw new LiveUpdateException("Proxy '" + proxy.getId() + "' in settings.xml has the invalid host '"
                    + settings.host() + "': set <host> to the host name or address alone, such as"
                    + " proxy.example.com, and the port in <port>.");
        }
    }
}

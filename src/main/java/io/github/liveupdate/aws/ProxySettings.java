package io.github.liveupdate.aws;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTTP proxy for the AWS clients, such as one from the {@code <proxies>} of Maven's settings.xml.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port, from 1 to 65535
 * @param scheme how the clients connect to the proxy: {@code http}, as for every proxy from settings.xml, or
 *     {@code https}
 * @param username the user name for the proxy's Basic authentication, or null for none
 * @param password the password for that user, or null. A secret: {@link #toString} hides it
 * @param nonProxyHosts the hosts that the clients reach directly, as regular expressions that the AWS SDK's
 *     Apache client matches against the lowercase host name; see {@link #nonProxyHostPatterns}
 */
public record ProxySettings(
        String host, int port, String scheme, String username, String password, Set<String> nonProxyHosts) {

    public ProxySettings {
        nonProxyHosts = Set.copyOf(nonProxyHosts);
    }

    /**
     * Returns the proxy's URL, such as {@code http://proxy.example.com:8080}, without the user name. An IPv6
     * address such as {@code ::1} goes in brackets, as URLs require.
     */
    public URI endpoint() {
        boolean ipv6 = host.contains(":") && !host.startsWith("[");
        return URI.create(scheme + "://" + (ipv6 ? "[" + host + "]" : host) + ":" + port);
    }

    /** Returns whether the clients send a user name and password to the proxy. */
    public boolean authenticated() {
        return username != null && !username.isEmpty();
    }

    /**
     * Converts Maven's {@code nonProxyHosts}, such as {@code localhost|*.example.com}, into the regular
     * expressions that the AWS SDK's Apache client expects. Hosts are separated by {@code |} (Maven also
     * accepts commas), {@code *} matches any run of characters, every other character matches itself, and
     * case does not matter. Returns an empty set for null or blank input.
     */
    public static Set<String> nonProxyHostPatterns(String mavenNonProxyHosts) {
        Set<String> patterns = new LinkedHashSet<>();
        if (mavenNonProxyHosts == null) {
            return patterns;
        }
        for (String host : mavenNonProxyHosts.split("[|,]")) {
            String trimmed = host.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                patterns.add(wildcardToRegex(trimmed));
            }
        }
        return patterns;
    }

    private static String wildcardToRegex(String wildcard) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = wildcard.indexOf('*'); star >= 0; star = wildcard.indexOf('*', start)) {
            if (star > start) {
                regex.append(Pattern.quote(wildcard.substring(start, star)));
            }
            regex.append(".*");
            start = star + 1;
        }
        if (start < wildcard.length()) {
            regex.append(Pattern.quote(wildcard.substring(start)));
        }
        return regex.toString();
    }

    /** Returns the proxy's URL, user name and non-proxy hosts, with the password hidden. */
    @Override
    public String toString() {
        return "ProxySettings[" + endpoint() + ", username=" + (authenticated() ? username : "(none)") + ", password="
                + (password == null ? "(none)" : "****") + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}

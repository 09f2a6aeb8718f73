package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxySettingsTest {

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
        "localhost, localhost, true",
        "localhost, localhost.example.com, false",
        "*.example.com, s3.example.com, true",
        "*.example.com, example.com, false",
        "*.example.com, s3.example.com.evil.org, false",
        "127.*, 127.0.0.1, true",
        "127.*, 10.127.0.1, false",
        "10.0.0.1, 10.0.0.11, false",
        "10.0.0.1, 10a0a0a1, false",
        "*internal*, build.internal.net, true",
        "S3.EXAMPLE.COM, s3.example.com, true",
        "a+b(c)[d], a+b(c)[d], true"
    })
    void patternMatchesLikeMaven(String mavenHost, String host, boolean matches) {
        Set<String> patterns = ProxySettings.nonProxyHostPatterns(mavenHost);

        assertThat(patterns.stream().anyMatch(host::matches)).isEqualTo(matches);
    }

    @Test
    void endpointBracketsIpv6Host() {
        // Without brackets, URI reads no host from http://::1:3128, and the SDK then sends no request through
        // the proxy.
        ProxySettings proxy = new ProxySettings("::1", 3128, "http", null, null, Set.of());

        assertThat(proxy.endpoint().getHost()).isEqualTo("[::1]");
        assertThat(proxy.endpoint().getPort()).isEqualTo(3128);
    }

    @Test
    void splitsOnBarsAndCommas() {
        Set<String> patterns = ProxySettings.nonProxyHostPatterns("localhost| *.example.com ,127.*");

        assertThat(patterns).hasSize(3);
    }

    @Test
    void blankListHasNoPatterns() {
        assertThat(ProxySettings.nonProxyHostPatterns(" | ")).isEmpty();
        assertThat(ProxySettings.nonProxyHostPatterns(null)).isEmpty();
    }

    @Test
    void toStringHidesPassword() {
        ProxySettings proxy = new ProxySettings("proxy.example.com", 3128, "http", "builder", "p4ss-w0rd", Set.of());

        assertThat(proxy.toString()).doesNotContain("p4ss-w0rd");
        assertThat(proxy.toString()).contains("builder");
        assertThat(proxy.toString()).contains("http://proxy.example.com:3128");
    }

    @Test
    void proxyConfigurationCarriesCredentials() {
        ProxySettings proxy =
                new ProxySettings("proxy.example.com", 3128, "http", "builder", "p4ss-w0rd", Set.of("localhost"));

        var configuration = AwsConnection.proxyConfiguration(proxy);

        assertThat(configuration.host()).isEqualTo("proxy.example.com");
        assertThat(configuration.port()).isEqualTo(3128);
        assertThat(configuration.username()).isEqualTo("builder");
        assertThat(configuration.preemptiveBasicAuthenticationEnabled()).isTrue();
        assertThat(configuration.nonProxyHosts()).containsExactly("localhost");
    }
}

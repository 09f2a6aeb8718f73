package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.aws.ProxySettings;
import io.github.liveupdate.core.LiveUpdateException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Picks proxies from settings.xml and decrypts their passwords with Maven's own decrypter and cipher
 * (maven-settings-builder 3.6.3, plexus-sec-dispatcher 1.4).
 */
class SettingsProxiesTest {

    private static final String MASTER_PASSWORD = "fake-master-password-for-tests";
    private static final String PROXY_PASSWORD = "fake-proxy-password/0001";
    private static final URI HTTP_ENDPOINT = URI.create("http://127.0.0.1:5000");

    @TempDir
    Path folder;

    private DefaultPlexusCipher cipher;
    private SettingsDecrypter decrypter;
    private final Settings settings = new Settings();

    @BeforeEach
    void decrypter() throws Exception {
        cipher = new DefaultPlexusCipher();
        // Maven encrypts the master password with the fixed passphrase "settings.security".
        Path security = folder.resolve("settings-security.xml");
        Files.writeString(
                security,
                "<settingsSecurity><master>" + cipher.encryptAndDecorate(MASTER_PASSWORD, "settings.security")
                        + "</master></settingsSecurity>");
        decrypter = new DefaultSettingsDecrypter(new TestSecDispatcher(cipher, security));
    }

    /** A dispatcher wired by hand, as Plexus would wire Maven's, reading the given settings-security.xml. */
    private static final class TestSecDispatcher extends DefaultSecDispatcher {
        TestSecDispatcher(DefaultPlexusCipher cipher, Path security) {
            _cipher = cipher;
            setConfigurationFile(security.toString());
        }
    }

    private Proxy addProxy(String id, String protocol, String host, boolean active) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(3128);
        proxy.setActive(active);
        settings.addProxy(proxy);
        return proxy;
    }

    private Optional<ProxySettings> select(URI endpoint) {
        return SettingsProxies.forEndpoint(settings, decrypter, endpoint);
    }

    @Test
    void noProxiesSelectsNone() {
        assertThat(select(null)).isEmpty();
    }

    @Test
    void awsUsesHttpsProxy() {
        addProxy("plain", "http", "plain.example.com", true);
        addProxy("secure", "https", "secure.example.com", true);

        assertThat(select(null).map(ProxySettings::host)).contains("secure.example.com");
    }

    @Test
    void httpEndpointUsesHttpProxy() {
        addProxy("secure", "https", "secure.example.com", true);
        addProxy("plain", "http", "plain.example.com", true);

        assertThat(select(HTTP_ENDPOINT).map(ProxySettings::host)).contains("plain.example.com");
    }

    @Test
    void httpsEndpointFallsBackToHttpProxy() {
        addProxy("plain", "http", "plain.example.com", true);

        assertThat(select(URI.create("https://s3.example.com")).map(ProxySettings::host))
                .contains("plain.example.com");
    }

    @Test
    void httpEndpointIgnoresHttpsProxy() {
        addProxy("secure", "https", "secure.example.com", true);

        assertThat(select(HTTP_ENDPOINT)).isEmpty();
    }

    @Test
    void inactiveProxyIsSkipped() {
        addProxy("off", "http", "off.example.com", false);
        addProxy("on", "http", "on.example.com", true);

        assertThat(select(HTTP_ENDPOINT).map(ProxySettings::host)).contains("on.example.com");
    }

    @Test
    void onlyInactiveProxiesSelectNone() {
        addProxy("off", "http", "off.example.com", false);

        assertThat(select(HTTP_ENDPOINT)).isEmpty();
    }

    @Test
    void missingProtocolMeansHttp() {
        addProxy("plain", null, "plain.example.com", true);

        assertThat(select(HTTP_ENDPOINT)).isPresent();
    }

    @Test
    void convertsNonProxyHosts() {
        addProxy("plain", "http", "plain.example.com", true).setNonProxyHosts("localhost|*.internal.example.com");

        ProxySettings proxy = select(HTTP_ENDPOINT).orElseThrow();

        assertThat(proxy.nonProxyHosts()).hasSize(2);
        assertThat(proxy.nonProxyHosts().stream().anyMatch("build.internal.example.com"::matches))
                .isTrue();
    }

    @Test
    void connectsToProxyOverHttp() {
        addProxy("secure", "https", "secure.example.com", true);

        ProxySettings proxy = select(null).orElseThrow();

        assertThat(proxy.endpoint()).isEqualTo(URI.create("http://secure.example.com:3128"));
    }

    @Test
    void readsPlainPassword() {
        Proxy configured = addProxy("plain", "http", "plain.example.com", true);
        configured.setUsername("builder");
        configured.setPassword(PROXY_PASSWORD);

        ProxySettings proxy = select(HTTP_ENDPOINT).orElseThrow();

        assertThat(proxy.username()).isEqualTo("builder");
        assertThat(PROXY_PASSWORD.equals(proxy.password())).as("password read").isTrue();
    }

    @Test
    void decryptsEncryptedPassword() throws Exception {
        Proxy configured = addProxy("plain", "http", "plain.example.com", true);
        configured.setUsername("builder");
        configured.setPassword(cipher.encryptAndDecorate(PROXY_PASSWORD, MASTER_PASSWORD));

        ProxySettings proxy = select(HTTP_ENDPOINT).orElseThrow();

        assertThat(PROXY_PASSWORD.equals(proxy.password()))
                .as("password decrypted")
                .isTrue();
    }

    @Test
    void undecryptablePasswordNamesProxyAndFix() throws Exception {
        Proxy configured = addProxy("corporate", "http", "plain.example.com", true);
        configured.setUsername("builder");
        configured.setPassword(cipher.encryptAndDecorate(PROXY_PASSWORD, "another-master"));

        assertThatThrownBy(() -> select(HTTP_ENDPOINT))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Cannot decrypt the password of proxy 'corporate'")
                .hasMessageContaining("settings-security.xml")
                .message()
                .doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void proxyWithoutHostFails() {
        addProxy("empty", "http", null, true);

        assertThatThrownBy(() -> select(HTTP_ENDPOINT))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Proxy 'empty'")
                .hasMessageContaining("no <host>");
    }

    @Test
    void hostWithSchemeFails() {
        // The URL http://http://proxy.example.com:3128 has the host "http", which the clients would look up.
        addProxy("corp", "http", "http://proxy.example.com", true);

        assertThatThrownBy(() -> select(HTTP_ENDPOINT))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Proxy 'corp'")
                .hasMessageContaining("'http://proxy.example.com'");
    }

    @Test
    void hostWithPortFails() {
        addProxy("corp", "http", "proxy.example.com:8080", true);

        assertThatThrownBy(() -> select(HTTP_ENDPOINT))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'proxy.example.com:8080'");
    }

    @Test
    void passwordWithoutUsernameIsDropped() {
        addProxy("plain", "http", "plain.example.com", true).setPassword(PROXY_PASSWORD);

        ProxySettings proxy = select(HTTP_ENDPOINT).orElseThrow();

        assertThat(proxy.authenticated()).isFalse();
        assertThat(proxy.password()).isNull();
    }
}

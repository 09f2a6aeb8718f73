package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Reads keys from settings.xml servers with Maven's own decrypter and cipher (maven-settings-builder 3.6.3,
 * plexus-sec-dispatcher 1.4), so encrypted passwords are decrypted as a build would.
 */
class SettingsServersTest {

    private static final String MASTER_PASSWORD = "fake-master-password-for-tests";
    private static final String SECRET = "fake-secret-from-settings-server/0001";

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
        DefaultSecDispatcher dispatcher = new TestSecDispatcher(cipher, security);
        decrypter = new DefaultSettingsDecrypter(dispatcher);
    }

    /** A dispatcher wired by hand, as Plexus would wire Maven's, reading the given settings-security.xml. */
    private static final class TestSecDispatcher extends DefaultSecDispatcher {
        TestSecDispatcher(DefaultPlexusCipher cipher, Path security) {
            _cipher = cipher;
            setConfigurationFile(security.toString());
        }
    }

    private void addServer(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        settings.addServer(server);
    }

    @Test
    void readsPlainPassword() {
        addServer("aws", "AKIATESTFAKE00000001", SECRET);

        AccessKeyPair key = SettingsServers.accessKey(settings, decrypter, "aws");

        assertThat(key.accessKeyId()).isEqualTo("AKIATESTFAKE00000001");
        assertThat(key.secretAccessKey().equals(SECRET)).as("secret read").isTrue();
    }

    @Test
    void decryptsEncryptedPassword() throws Exception {
        addServer("aws", "AKIATESTFAKE00000001", cipher.encryptAndDecorate(SECRET, MASTER_PASSWORD));

        AccessKeyPair key = SettingsServers.accessKey(settings, decrypter, "aws");

        assertThat(key.secretAccessKey().equals(SECRET)).as("secret decrypted").isTrue();
    }

    @Test
    void rejectsPasswordEncryptedWithOtherMaster() throws Exception {
        addServer("aws", "AKIATESTFAKE00000001", cipher.encryptAndDecorate(SECRET, "another-master"));

        assertThatThrownBy(() -> SettingsServers.accessKey(settings, decrypter, "aws"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Cannot decrypt the password of server 'aws'")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void rejectsMissingServer() {
        assertThatThrownBy(() -> SettingsServers.accessKey(settings, decrypter, "missing"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("no <server> with the id 'missing'")
                .hasMessageContaining("-Dliveupdate.serverId");
    }

    @Test
    void rejectsServerWithoutUsername() {
        addServer("aws", null, SECRET);

        assertThatThrownBy(() -> SettingsServers.accessKey(settings, decrypter, "aws"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("has no <username>");
    }

    @Test
    void rejectsServerWithoutPassword() throws IOException {
        addServer("aws", "AKIATESTFAKE00000001", null);

        assertThatThrownBy(() -> SettingsServers.accessKey(settings, decrypter, "aws"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("has no <password>");
    }
}

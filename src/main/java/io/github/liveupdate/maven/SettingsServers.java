package io.github.liveupdate.maven;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.LiveUpdateException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads an access key from a {@code <server>} of settings.xml: the username is the key id and the password
 * the secret, decrypted the way Maven decrypts server passwords (settings-security.xml).
 */
final class SettingsServers {

    private SettingsServers() {}

    /**
     * Returns the key stored in the server with the given id.
     *
     * @throws LiveUpdateException if there is no such server, its password cannot be decrypted, or it lacks a
     *     username or password
     */
    static AccessKeyPair accessKey(Settings settings, SettingsDecrypter decrypter, String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new LiveUpdateException("settings.xml has no <server> with the id '" + serverId + "'. Add one"
                    + " whose <username> is the access key id and <password> the secret access key, or fix"
                    + " <serverId> (-Dliveupdate.serverId).");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new LiveUpdateException("Cannot decrypt the password of server '" + serverId
                        + "' in settings.xml: " + problem.getMessage() + ". Check the master password in"
                        + " settings-security.xml (see mvn --encrypt-master-password).");
            }
        }
        Server decrypted = result.getServer() == null ? server : result.getServer();
        if (decrypted.getUsername() == null || decrypted.getUsername().isBlank()) {
            throw new LiveUpdateException(
                    "Server '" + serverId + "' in settings.xml has no <username>. Set it to" + " the access key id.");
        }
        if (decrypted.getPassword() == null || decrypted.getPassword().isBlank()) {
            throw new LiveUpdateException("Server '" + serverId + "' in settings.xml has no <password>. Set it to"
                    + " the secret access key.");
        }
        return new AccessKeyPair(
                decrypted.getUsername().trim(), decrypted.getPassword().trim());
    }
}

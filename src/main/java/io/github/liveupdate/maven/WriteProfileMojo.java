package io.github.liveupdate.maven;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.AccessKeySources;
import io.github.liveupdate.credentials.ProfileWriter;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes an access key into a named profile of the shared credentials file ({@code ~/.aws/credentials}) and
 * the region into the same profile of the config file ({@code ~/.aws/config}), leaving everything else in
 * both files as it was. Defold's editor and bob then upload with that profile.
 *
 * <p>The key comes from, in order: setup-iam earlier in the same build; the user properties
 * {@code liveupdate.accessKeyId} and {@code liveupdate.secretAccessKey} (pass them with {@code -D}); a
 * {@code <server>} of settings.xml named by {@code serverId}, whose username is the key id and whose password,
 * encrypted or not, is the secret. The key id and secret are read from the user properties rather than
 * declared as parameters so that Maven's debug output ({@code -X}), which prints every parameter's value,
 * never shows them.
 */
@Mojo(name = "write-profile", requiresProject = false, threadSafe = true)
public class WriteProfileMojo extends AbstractLiveUpdateMojo {

    /**
     * The id of a {@code <server>} in settings.xml that contains the key: the username is the access key id, the
     * password the secret access key. Unset: the key comes from setup-iam or the key properties.
     */
    @Parameter(property = PropertyNames.SERVER_ID)
    private String serverId;

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.WRITE_PROFILE_SKIP, defaultValue = "false")
    protected boolean skipWriteProfile;

    @Override
    protected Goal goal() {
        return new Goal("write-profile", PropertyNames.WRITE_PROFILE_SKIP, skipWriteProfile, false);
    }

    @Override
    protected void run(Reporter reporter) {
        Map<?, ?> context = getPluginContext();
        Object fromSetupIam = context == null ? null : context.get(PluginContextKeys.NEW_ACCESS_KEY);
        boolean setupIamRan = context != null && Boolean.TRUE.equals(context.get(PluginContextKeys.SETUP_IAM_RAN));
        Optional<AccessKeyPair> key = AccessKeySources.choose(
                fromSetupIam instanceof AccessKeyPair pair ? pair : null,
                setupIamRan,
                property(PropertyNames.ACCESS_KEY_ID),
                property(PropertyNames.SECRET_ACCESS_KEY),
                serverId,
                id -> SettingsServers.accessKey(settings, settingsDecrypter, id),
                reporter);
        ProfileWriter writer = new ProfileWriter(awsFiles(), reporter);
        if (key.isEmpty()) {
            writer.reportKeyKept(profile);
            return;
        }
        writer.write(profile, key.get(), region, dryRun);
    }

    /** Returns a user property (-D), else a system property of the same name, else null. */
    private String property(String name) {
        if (session == null) {
            return System.getProperty(name);
        }
        String value = session.getUserProperties().getProperty(name);
        return value != null ? value : session.getSystemProperties().getProperty(name);
    }
}

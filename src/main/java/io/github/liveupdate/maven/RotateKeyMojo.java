package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.rotation.KeyRotation;
import io.github.liveupdate.rotation.RotationSpec;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Replaces the access key in the profile with a new key of the same IAM user: creates the new key, waits until
 * it authenticates, writes it into the profile, then deletes the old key. Wherever the goal stops, the profile
 * contains a key that exists and authenticates. Fails without changing anything when the user has a second key
 * that the profile does not contain, unless {@code deleteOtherKey} is true. Signs with {@code adminProfile}.
 */
@Mojo(name = "rotate-key", requiresProject = false, threadSafe = true)
public class RotateKeyMojo extends AbstractLiveUpdateMojo {

    /**
     * The name of the IAM user that owns the profile's key. Default: {@code liveupdate-<bucket>}, shortened with
     * a hash to IAM's limit of 64 characters, as setup names it.
     */
    @Parameter(property = PropertyNames.USER_NAME)
    protected String userName;

    /**
     * How long to wait, in seconds, for the new access key to authenticate before the profile gets it, since AWS
     * takes a few seconds to accept a new key. {@code 0} skips the check. Default: 60.
     */
    @Parameter(property = PropertyNames.KEY_WAIT_SECONDS, defaultValue = "60")
    protected int keyWaitSeconds;

    /**
     * Whether to delete the user's second access key, the one the profile does not contain, before creating the
     * new key. IAM allows two keys per user, so the rotation cannot proceed while such a key exists. Set it only
     * when nothing else uses that key, such as the leftover of an interrupted rotation. Default: false.
     */
    @Parameter(property = PropertyNames.DELETE_OTHER_KEY, defaultValue = "false")
    protected boolean deleteOtherKey;

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.ROTATE_KEY_SKIP, defaultValue = "false")
    protected boolean skipRotateKey;

    @Override
    protected Goal goal() {
        return new Goal("rotate-key", PropertyNames.ROTATE_KEY_SKIP, skipRotateKey, true);
    }

    @Override
    protected void run(Reporter reporter) {
        RotationSpec spec =
                RotationSpec.of(bucket, userName, profile, Duration.ofSeconds(keyWaitSeconds), deleteOtherKey, dryRun);
        try (AwsConnection aws = AwsConnection.open(awsOptions(adminProfile))) {
            new KeyRotation(aws, awsFiles(), reporter).run(spec);
        }
    }
}

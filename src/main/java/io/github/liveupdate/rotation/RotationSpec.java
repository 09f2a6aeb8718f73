package io.github.liveupdate.rotation;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.iam.IamNames;
import java.time.Duration;

/**
 * The request to {@link KeyRotation}: which user's key to replace in which profile. The constructor checks the
 * values.
 *
 * @param userName the IAM user that owns the profile's key
 * @param profile the credentials profile that contains the key, such as {@code liveupdate}
 * @param keyWait how long to wait for the new key to authenticate before the profile gets it; zero skips the
 *     check
 * @param deleteOtherKey whether to delete the user's second key, the one the profile does not contain, before
 *     creating the new key. When false, such a key fails the rotation.
 * @param dryRun when true, only read requests are sent and each change is reported as planned
 */
public record RotationSpec(String userName, String profile, Duration keyWait, boolean deleteOtherKey, boolean dryRun) {

    public RotationSpec {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("userName is required");
        }
        userName = IamNames.checkUserName(userName.trim());
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile is required");
        }
        if (keyWait == null || keyWait.isNegative()) {
            throw new LiveUpdateException("Key wait of " + (keyWait == null ? "null" : keyWait.toSeconds() + " s")
                    + " is invalid: it must be 0 or more seconds. Set <keyWaitSeconds> or"
                    + " -Dliveupdate.keyWaitSeconds.");
        }
    }

    /**
     * Creates the request for the user that setup creates for {@code bucket}, or for {@code userName} when it is
     * set.
     *
     * @param bucket the bucket, used only for the default user name; may be null when {@code userName} is set
     * @param userName the configured user name, or null for {@link IamNames#defaultUserName}
     * @throws LiveUpdateException if neither is set
     */
    public static RotationSpec of(
            String bucket, String userName, String profile, Duration keyWait, boolean deleteOtherKey, boolean dryRun) {
        String user;
        if (userName != null && !userName.isBlank()) {
            user = userName;
        } else if (bucket != null && !bucket.isBlank()) {
            user = IamNames.defaultUserName(bucket.trim());
        } else {
            throw new LiveUpdateException("No bucket and no IAM user name is set: rotate-key replaces the key of"
                    + " the user that setup created, liveupdate-<bucket>. Pass -Dliveupdate.bucket=NAME, or"
                    + " -Dliveupdate.userName=USER for another user.");
        }
        return new RotationSpec(user, profile, keyWait, deleteOtherKey, dryRun);
    }
}

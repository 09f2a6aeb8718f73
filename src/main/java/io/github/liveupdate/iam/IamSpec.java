package io.github.liveupdate.iam;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Prefixes;
import java.time.Duration;

/**
 * The request to {@link IamSetup}: a policy that lets the user upload under the prefix of the bucket, the
 * user with that policy attached, and an access key of the user that the profile can hold. The constructor
 * normalizes the prefix, fills in default names and checks the values.
 *
 * @param bucket the bucket that the user uploads to
 * @param prefix the key prefix under which the user may upload; null or empty for the whole bucket
 * @param partition the ARN partition of the bucket's region: aws, aws-cn or aws-us-gov
 * @param policyName the managed policy name, or null for {@link IamNames#defaultPolicyName}
 * @param userName the IAM user name, or null for {@link IamNames#defaultUserName}
 * @param keyWait how long to wait for a new access key to authenticate; zero skips the check
 * @param profile the credentials profile that is to hold the key, named in log lines and messages
 * @param replaceOtherUsersKey whether a key of another IAM user in the profile may be replaced. Without it,
 *     such a profile fails the setup, because another game may upload with it
 */
public record IamSpec(
        String bucket,
        String prefix,
        String partition,
        String policyName,
        String userName,
        Duration keyWait,
        String profile,
        boolean replaceOtherUsersKey) {

    /** Creates a spec that does not replace another IAM user's key in the profile. */
    public IamSpec(
            String bucket,
            String prefix,
            String partition,
            String policyName,
            String userName,
            Duration keyWait,
            String profile) {
        this(bucket, prefix, partition, policyName, userName, keyWait, profile, false);
    }

    public IamSpec {
        if (bucket == null || bucket.isBlank()) {
            throw new LiveUpdateException(
                    "No bucket is set. Set <bucket> in the plugin configuration or pass -Dliveupdate.bucket=NAME.");
        }
        bucket = bucket.trim();
        prefix = Prefixes.normalize(prefix);
        if (partition == null || partition.isBlank()) {
            throw new IllegalArgumentException("partition is required");
        }
        policyName =
                isSet(policyName) ? IamNames.checkPolicyName(policyName.trim()) : IamNames.defaultPolicyName(bucket);
        userName = isSet(userName) ? IamNames.checkUserName(userName.trim()) : IamNames.defaultUserName(bucket);
        if (keyWait == null || keyWait.isNegative()) {
            throw new LiveUpdateException("Key wait of " + (keyWait == null ? "null" : keyWait.toSeconds() + " s")
                    + " is invalid: it must be 0 or more seconds. Set <keyWaitSeconds> or"
                    + " -Dliveupdate.keyWaitSeconds.");
        }
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile is required");
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

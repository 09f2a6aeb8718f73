package io.github.liveupdate.teardown;

import io.github.liveupdate.bucket.BucketNames;
import io.github.liveupdate.iam.IamNames;

/**
 * The resources that teardown looks for, and the switches that let it delete them. The constructor checks the names, so no request is sent for
 * an invalid one.
 *
 * @param bucket the bucket that setup prepared, checked by {@link BucketNames#check}
 * @param policyName the IAM policy name, or null for {@link IamNames#defaultPolicyName}
 * @param userName the IAM user name, or null for {@link IamNames#defaultUserName}
 * @param profile the credentials profile that setup wrote
 * @param deleteBucket whether to delete every object version of the bucket and then the bucket itself
 * @param confirmation the value that the user passed to confirm the deletion, or null. Teardown deletes only
 *     when it equals the bucket name.
 * @param dryRun print the plan and delete nothing, whatever the confirmation
 */
public record TeardownSpec(
        String bucket,
        String policyName,
        String userName,
        String profile,
        boolean deleteBucket,
        String confirmation,
        boolean dryRun) {

    public TeardownSpec {
        bucket = bucket == null ? null : bucket.trim();
        BucketNames.check(bucket);
        policyName =
                isSet(policyName) ? IamNames.checkPolicyName(policyName.trim()) : IamNames.defaultPolicyName(bucket);
        userName = isSet(userName) ? IamNames.checkUserName(userName.trim()) : IamNames.defaultUserName(bucket);
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile is required");
        }
        confirmation = confirmation == null ? null : confirmation.trim();
    }

    /** Returns whether the confirmation equals the bucket name. */
    public boolean isConfirmed() {
        return bucket.equals(confirmation);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

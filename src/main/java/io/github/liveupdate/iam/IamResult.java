package io.github.liveupdate.iam;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.KeyIds;
import java.util.Optional;

/**
 * What {@link IamSetup#apply} found or made.
 *
 * @param userName the IAM user
 * @param policyArn the ARN of the managed policy, also when a dry run found it missing
 * @param newKey the access key created by this run, with its secret; empty when the profile already contains an
 *     active key of the user, and in a dry run
 * @param accessKeyId the key that the profile should hold: the profile's own key or the new one. Empty only
 *     in a dry run that would create a key.
 */
public record IamResult(
        String userName, String policyArn, Optional<AccessKeyPair> newKey, Optional<String> accessKeyId) {

    /** Masks the access key id and leaves out the secret. */
    @Override
    public String toString() {
        return "IamResult[userName=" + userName + ", policyArn=" + policyArn + ", newKey=" + newKey + ", accessKeyId="
                + accessKeyId.map(KeyIds::mask).orElse("(none)") + "]";
    }
}

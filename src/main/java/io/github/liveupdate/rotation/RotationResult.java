package io.github.liveupdate.rotation;

import io.github.liveupdate.core.KeyIds;
import java.util.Optional;

/**
 * What {@link KeyRotation#run} did. It contains key ids only, never a secret.
 *
 * @param userName the IAM user whose key was replaced
 * @param profile the profile that contains the user's key
 * @param oldKeyId the key that the profile contained before the run
 * @param newKeyId the key that the profile contains now; empty in a dry run
 * @param deletedOtherKeyId the user's second key that the run deleted first, with deleteOtherKey set
 */
public record RotationResult(
        String userName,
        String profile,
        String oldKeyId,
        Optional<String> newKeyId,
        Optional<String> deletedOtherKeyId) {

    /** Masks the access key ids. */
    @Override
    public String toString() {
        return "RotationResult[userName=" + userName + ", profile=" + profile + ", oldKeyId="
                + KeyIds.mask(oldKeyId) + ", newKeyId="
                + newKeyId.map(KeyIds::mask).orElse("(none)")
                + ", deletedOtherKeyId=" + deletedOtherKeyId.map(KeyIds::mask).orElse("(none)") + "]";
    }
}

package io.github.liveupdate.rotation;

import io.github.liveupdate.core.AccessKeyPair;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/** The IAM requests on a user's access keys that a rotation sends. Tests wrap it to make one of them fail. */
interface AccessKeys {

    /** Returns the user's access keys, with their status and creation date. */
    List<AccessKeyMetadata> list(String userName);

    /** Creates an access key of the user and returns it with its secret, which IAM returns only here. */
    AccessKeyPair create(String userName);

    /**
     * Deletes an access key of the user.
     *
     * @throws software.amazon.awssdk.services.iam.model.NoSuchEntityException if the key does not exist
     */
    void delete(String userName, String accessKeyId);
}

package io.github.liveupdate.rotation;

import io.github.liveupdate.core.AccessKeyPair;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/** Sends the access key requests to IAM with the given client, which signs as an administrator. */
final class IamAccessKeys implements AccessKeys {

    private final IamClient iam;

    IamAccessKeys(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public List<AccessKeyMetadata> list(String userName) {
        return iam.listAccessKeysPaginator(r -> r.userName(userName)).accessKeyMetadata().stream()
                .toList();
    }

    @Override
    public AccessKeyPair create(String userName) {
        AccessKey created = iam.createAccessKey(r -> r.userName(userName)).accessKey();
        return new AccessKeyPair(created.accessKeyId(), created.secretAccessKey());
    }

    @Override
    public void delete(String userName, String accessKeyId) {
        iam.deleteAccessKey(r -> r.userName(userName).accessKeyId(accessKeyId));
    }
}

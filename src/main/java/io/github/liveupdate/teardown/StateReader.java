package io.github.liveupdate.teardown;

import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.bucket.BucketProbe;
import io.github.liveupdate.bucket.S3Errors;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileRemover;
import io.github.liveupdate.iam.IamTags;
import io.github.liveupdate.teardown.TeardownState.BucketState;
import io.github.liveupdate.teardown.TeardownState.PolicyState;
import io.github.liveupdate.teardown.TeardownState.ProfileState;
import io.github.liveupdate.teardown.TeardownState.UserState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;

/** Finds, with read requests only, what of a setup is there: IAM user, policy, bucket settings and profile. */
final class StateReader {

    private final S3Client s3;
    private final IamClient iam;
    private final StsClient sts;
    private final Region region;
    private final String partition;
    private final AwsFiles files;
    private final Reporter reporter;

    StateReader(
            S3Client s3,
            IamClient iam,
            StsClient sts,
            Region region,
            String partition,
            AwsFiles files,
            Reporter reporter) {
        this.s3 = s3;
        this.iam = iam;
        this.sts = sts;
        this.region = region;
        this.partition = partition;
        this.files = files;
        this.reporter = reporter;
    }

    /**
     * Reads the state.
     *
     * @throws io.github.liveupdate.core.LiveUpdateException if the bucket is in another region or belongs to
     *     another account, or a shared file cannot be read
     */
    TeardownState read(TeardownSpec spec) {
        String account = sts.getCallerIdentity().account();
        String policyArn = "arn:" + partition + ":iam::" + account + ":policy/" + spec.policyName();
        ProfileState profile = new ProfileState(
                files.credentialsFile().toString(),
                files.configFile().toString(),
                new ProfileRemover(files, reporter).read(spec.profile()));
        return new TeardownState(account, readUser(spec.userName()), readPolicy(policyArn), readBucket(spec), profile);
    }

    private Optional<UserState> readUser(String userName) {
        try {
            boolean ours =
                    IamTags.markCreatedByPlugin(iam.listUserTagsPaginator(r -> r.userName(userName)).tags().stream()
                            .toList());
            List<String> keys = iam.listAccessKeysPaginator(r -> r.userName(userName)).accessKeyMetadata().stream()
                    .map(key -> key.accessKeyId())
                    .toList();
            List<String> attached =
                    iam.listAttachedUserPoliciesPaginator(r -> r.userName(userName)).attachedPolicies().stream()
                            .map(AttachedPolicy::policyArn)
                            .toList();
            return Optional.of(new UserState(userName, ours, keys, attached));
        } catch (NoSuchEntityException e) {
            reporter.debug("IAM user " + userName + ": not found");
            return Optional.empty();
        }
    }

    private Optional<PolicyState> readPolicy(String policyArn) {
        Policy policy;
        try {
            policy = iam.getPolicy(r -> r.policyArn(policyArn)).policy();
        } catch (NoSuchEntityException e) {
            reporter.debug("IAM policy " + policyArn + ": not found");
            return Optional.empty();
        }
        List<String> versions = iam.listPolicyVersionsPaginator(r -> r.policyArn(policyArn)).versions().stream()
                .filter(version -> !Boolean.TRUE.equals(version.isDefaultVersion()))
                .map(PolicyVersion::versionId)
                .toList();
        List<String> attachedTo = new ArrayList<>();
        for (ListEntitiesForPolicyResponse page : iam.listEntitiesForPolicyPaginator(r -> r.policyArn(policyArn))) {
            page.policyUsers().forEach(user -> attachedTo.add("user " + user.userName()));
            page.policyGroups().forEach(group -> attachedTo.add("group " + group.groupName()));
            page.policyRoles().forEach(role -> attachedTo.add("role " + role.roleName()));
        }
        return Optional.of(
                new PolicyState(policyArn, IamTags.markCreatedByPlugin(policy.tags()), versions, attachedTo));
    }

    private Optional<BucketState> readBucket(TeardownSpec spec) {
        String bucket = spec.bucket();
        if (!new BucketProbe(s3, region, reporter).existsInRegion(bucket)) {
            return Optional.empty();
        }
        long objectVersions = spec.deleteBucket() ? ObjectVersions.count(s3, bucket) : -1;
        return Optional.of(new BucketState(
                region.id(), bucketPolicy(bucket), corsRules(bucket), publicAccessBlock(bucket), objectVersions));
    }

    private String bucketPolicy(String bucket) {
        try {
            return s3.getBucketPolicy(r -> r.bucket(bucket)).policy();
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchBucketPolicy")) {
                return null;
            }
            throw e;
        }
    }

    private List<CORSRule> corsRules(String bucket) {
        try {
            return s3.getBucketCors(r -> r.bucket(bucket)).corsRules();
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchCORSConfiguration")) {
                return List.of();
            }
            throw e;
        }
    }

    private PublicAccessBlockConfiguration publicAccessBlock(String bucket) {
        try {
            return s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchPublicAccessBlockConfiguration")) {
                return null;
            }
            throw e;
        }
    }
}

package io.github.liveupdate.teardown;

import io.github.liveupdate.credentials.ProfileRemover;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * The state that teardown found in AWS and in the shared files before it changes anything. {@link TeardownPlanner} builds
 * the plan from it alone.
 *
 * @param account the AWS account id of the signing identity
 * @param user the IAM user, or empty when there is none of that name
 * @param policy the IAM managed policy, or empty when there is none of that name under path {@code /}
 * @param bucket the bucket, or empty when this account has no bucket of that name
 * @param profile the profile's sections in the credentials and config files
 */
public record TeardownState(
        String account,
        Optional<UserState> user,
        Optional<PolicyState> policy,
        Optional<BucketState> bucket,
        ProfileState profile) {

    /**
     * @param name the user name
     * @param createdByPlugin whether it has the tag created-by=liveupdate-maven-plugin
     * @param accessKeyIds the ids of its access keys
     * @param attachedPolicyArns the ARNs of the managed policies attached to it
     */
    public record UserState(
            String name, boolean createdByPlugin, List<String> accessKeyIds, List<String> attachedPolicyArns) {

        public UserState {
            accessKeyIds = List.copyOf(accessKeyIds);
            attachedPolicyArns = List.copyOf(attachedPolicyArns);
        }
    }

    /**
     * @param arn the policy ARN
     * @param createdByPlugin whether it has the tag created-by=liveupdate-maven-plugin
     * @param nonDefaultVersionIds the ids of the versions that are not the default one, which IAM requires
     *     deleted before the policy
     * @param attachedTo the users, groups and roles that the policy is attached to, such as
     *     {@code user liveupdate-my-game}
     */
    public record PolicyState(
            String arn, boolean createdByPlugin, List<String> nonDefaultVersionIds, List<String> attachedTo) {

        public PolicyState {
            nonDefaultVersionIds = List.copyOf(nonDefaultVersionIds);
            attachedTo = List.copyOf(attachedTo);
        }
    }

    /**
     * @param region the bucket's region
     * @param policy the bucket policy as JSON, or null when the bucket has none
     * @param corsRules the CORS rules, empty when the bucket has no CORS configuration
     * @param publicAccessBlock the bucket's Block Public Access settings, or null when it has none
     * @param objectVersions the number of object versions and delete markers, or -1 when not counted because
     *     the bucket is not to be deleted
     */
    public record BucketState(
            String region,
            String policy,
            List<CORSRule> corsRules,
            PublicAccessBlockConfiguration publicAccessBlock,
            long objectVersions) {

        public BucketState {
            corsRules = List.copyOf(corsRules);
        }
    }

    /**
     * @param credentialsFile the shared credentials file, for the plan's lines
     * @param configFile the shared config file, for the plan's lines
     * @param sections what the two files contain for the profile
     */
    public record ProfileState(String credentialsFile, String configFile, ProfileRemover.Sections sections) {}
}

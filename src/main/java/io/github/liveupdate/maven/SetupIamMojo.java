package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileWriter;
import io.github.liveupdate.iam.IamResult;
import io.github.liveupdate.iam.IamSetup;
import io.github.liveupdate.iam.IamSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Creates the IAM policy that lets Defold upload Live update content to the bucket, an IAM user with that
 * policy, and an access key of the user unless the profile already contains one. Signs with
 * {@code adminProfile}. A new key goes to a later {@code write-profile} goal of the same build.
 */
@Mojo(name = "setup-iam", requiresProject = false, threadSafe = true)
public class SetupIamMojo extends AbstractLiveUpdateMojo {

    /**
     * The name of the IAM managed policy. Default: {@code liveupdate-<bucket>}, shortened with a hash to
     * IAM's limit of 128 characters.
     */
    @Parameter(property = PropertyNames.POLICY_NAME)
    protected String policyName;

    /**
     * The name of the IAM user that uploads. Default: {@code liveupdate-<bucket>}, shortened with a hash to
     * IAM's limit of 64 characters.
     */
    @Parameter(property = PropertyNames.USER_NAME)
    protected String userName;

    /**
     * How long to wait, in seconds, for a new access key to authenticate, since AWS takes a few seconds to
     * accept a new key. {@code 0} skips the check.
     */
    @Parameter(property = PropertyNames.KEY_WAIT_SECONDS, defaultValue = "60")
    protected int keyWaitSeconds;

    /**
     * Lets setup replace the key in the profile when it belongs to another IAM user, such as the user of
     * another game's bucket. Without it, such a profile fails the goal before any key is created.
     */
    @Parameter(property = PropertyNames.REPLACE_PROFILE_KEY, defaultValue = "false")
    protected boolean replaceProfileKey;

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.SETUP_IAM_SKIP, defaultValue = "false")
    protected boolean skipSetupIam;

    @Override
    protected Goal goal() {
        return new Goal("setup-iam", PropertyNames.SETUP_IAM_SKIP, skipSetupIam, true);
    }

    @Override
    protected void run(Reporter reporter) {
        String bucketName = requireBucket();
        try (AwsConnection aws = AwsConnection.open(awsOptions(adminProfile))) {
            IamSpec spec = new IamSpec(
                    bucketName,
                    prefix,
                    aws.partition(),
                    policyName,
                    userName,
                    Duration.ofSeconds(keyWaitSeconds),
                    profile,
                    replaceProfileKey);
            // The key goes to this profile in a later write-profile goal: fail now if it could not.
            new ProfileWriter(awsFiles(), reporter)
                    .checkWritable(profile, aws.region().id());
            Optional<String> keyIdInProfile = AwsConnection.loadProfiles(awsFiles())
                    .profile(profile)
                    .flatMap(p -> p.property(ProfileProperty.AWS_ACCESS_KEY_ID));
            IamSetup setup = new IamSetup(aws.iam(), aws.sts(), aws::stsClient, reporter);
            IamResult result = setup.apply(spec, keyIdInProfile, dryRun);
            markRan();
            result.newKey().ifPresent(key -> handOver(key, reporter));
        }
    }

    /** Tells a later write-profile goal that setup-iam ran, so no new key means the profile keeps its key. */
    private void markRan() {
        @SuppressWarnings("unchecked")
        Map<String, Object> context = getPluginContext();
        context.put(PluginContextKeys.SETUP_IAM_RAN, Boolean.TRUE);
    }

    private void handOver(AccessKeyPair key, Reporter reporter) {
        @SuppressWarnings("unchecked")
        Map<String, Object> context = getPluginContext();
        context.put(PluginContextKeys.NEW_ACCESS_KEY, key);
        reporter.info("The secret of access key " + KeyIds.mask(key.accessKeyId())
                + " is kept in memory for a later write-profile goal of this build, which writes it to profile '"
                + profile + "'. IAM cannot return it again: if this build does not run write-profile, delete the"
                + " key and run 'mvn liveupdate:setup-iam liveupdate:write-profile'.");
    }
}

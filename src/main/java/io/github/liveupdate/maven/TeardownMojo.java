package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.teardown.Teardown;
import io.github.liveupdate.teardown.TeardownSpec;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes what setup created for the bucket: the profile section whose key belongs to the IAM user, the user's
 * access keys, the user and the IAM policy when they have the tag created-by=liveupdate-maven-plugin, the bucket
 * policy statement {@code LiveUpdatePublicRead} and the CORS rule {@code LiveUpdateCors}. Other statements, CORS
 * rules and profiles stay. The bucket and its objects go only with {@code deleteBucket}. Prints the plan first
 * and deletes only when {@code confirm} is the bucket name. Signs with {@code adminProfile}.
 */
@Mojo(name = "teardown", requiresProject = false, threadSafe = true)
public class TeardownMojo extends AbstractLiveUpdateMojo {

    /**
     * The bucket name again, to confirm the deletion. Without it, or with another value, teardown prints the plan
     * and fails without deleting anything. Default: none.
     */
    @Parameter(property = PropertyNames.TEARDOWN_CONFIRM)
    protected String confirm;

    /**
     * Whether teardown also deletes every object of the bucket, with all versions and delete markers, and then the
     * bucket. Default: false, which keeps the bucket and its objects.
     */
    @Parameter(property = PropertyNames.TEARDOWN_DELETE_BUCKET, defaultValue = "false")
    protected boolean deleteBucket;

    /**
     * The name of the IAM managed policy that setup created. Default: {@code liveupdate-<bucket>}, shortened with
     * a hash to IAM's limit of 128 characters.
     */
    @Parameter(property = PropertyNames.POLICY_NAME)
    protected String policyName;

    /**
     * The name of the IAM user that setup created. Default: {@code liveupdate-<bucket>}, shortened with a hash to
     * IAM's limit of 64 characters.
     */
    @Parameter(property = PropertyNames.USER_NAME)
    protected String userName;

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.TEARDOWN_SKIP, defaultValue = "false")
    protected boolean skipTeardown;

    @Override
    protected Goal goal() {
        return new Goal("teardown", PropertyNames.TEARDOWN_SKIP, skipTeardown, true);
    }

    @Override
    protected void run(Reporter reporter) {
        TeardownSpec spec =
                new TeardownSpec(requireBucket(), policyName, userName, profile, deleteBucket, confirm, dryRun);
        try (AwsConnection aws = AwsConnection.open(awsOptions(adminProfile))) {
            new Teardown(aws, awsFiles(), reporter).run(spec);
        }
    }
}

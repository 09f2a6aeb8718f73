package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.bucket.BucketSetup;
import io.github.liveupdate.bucket.BucketSpec;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileWriter;
import io.github.liveupdate.iam.IamResult;
import io.github.liveupdate.iam.IamSetup;
import io.github.liveupdate.iam.IamSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Prepares AWS for Defold Live update in one run: the goals {@code setup-bucket}, {@code setup-iam} and
 * {@code write-profile} in that order. The new access key goes from the IAM step to the credentials file in
 * memory only. Every step is idempotent, so running it again reports each step unchanged. Signs with
 * {@code adminProfile}.
 */
@Mojo(name = "setup", requiresProject = false, threadSafe = true)
public class SetupMojo extends AbstractLiveUpdateMojo {

    /**
     * Whether anyone may read the objects under the prefix. True adds the bucket policy statement
     * {@code LiveUpdatePublicRead} (s3:GetObject for everyone) and allows public bucket policies in the
     * bucket's Block Public Access settings, while public ACLs stay blocked. False removes that statement and
     * leaves Block Public Access as it is. Default: true.
     */
    @Parameter(property = PropertyNames.PUBLIC_READ, defaultValue = "true")
    protected boolean publicRead;

    /**
     * Whether the bucket has the CORS rule {@code LiveUpdateCors}, which lets browsers GET and HEAD its
     * objects, as HTML5 builds need. False removes that rule. Default: true.
     */
    @Parameter(property = PropertyNames.CORS, defaultValue = "true")
    protected boolean cors;

    /**
     * The origins that the CORS rule allows, such as {@code https://example.com}; on the command line,
     * separated by commas. Default: {@code *}, any origin.
     */
    @Parameter(property = PropertyNames.CORS_ALLOWED_ORIGINS, defaultValue = "*")
    protected List<String> corsAllowedOrigins;

    /**
     * The request headers that the CORS rule allows; on the command line, separated by commas. Default:
     * {@code *}, any header.
     */
    @Parameter(property = PropertyNames.CORS_ALLOWED_HEADERS, defaultValue = "*")
    protected List<String> corsAllowedHeaders;

    /** The time, in seconds, that browsers may cache the response to a CORS preflight request. Default: 3000. */
    @Parameter(property = PropertyNames.CORS_MAX_AGE_SECONDS, defaultValue = "3000")
    protected int corsMaxAgeSeconds;

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

    @Override
    protected void run(Reporter reporter) {
        BucketSpec bucketSpec = new BucketSpec(
                requireBucket(), prefix, publicRead, cors, corsAllowedOrigins, corsAllowedHeaders, corsMaxAgeSeconds);
        ProfileWriter profileWriter = new ProfileWriter(awsFiles(), reporter);

        try (AwsConnection aws = AwsConnection.open(awsOptions(adminProfile))) {
            profileWriter.checkWritable(profile, aws.region().id());
            IamSpec iamSpec = new IamSpec(
                    bucketSpec.bucket(),
                    bucketSpec.prefix(),
                    aws.partition(),
                    policyName,
                    userName,
                    Duration.ofSeconds(keyWaitSeconds),
                    profile);

            new BucketSetup(
                            aws.s3(),
                            aws.region(),
                            aws.partition(),
                            reporter,
                            Backoff.upTo(BucketSetup.POLICY_RETRY_BUDGET))
                    .apply(bucketSpec, dryRun);

            IamResult iam = new IamSetup(aws.iam(), aws.sts(), aws::stsClient, reporter)
                    .apply(iamSpec, keyIdInProfile(), dryRun);

            if (iam.newKey().isPresent()) {
                profileWriter.write(profile, iam.newKey().get(), aws.region().id(), dryRun);
            } else {
                profileWriter.reportKeyKept(profile);
            }

            reporter.info("Setup " + (dryRun ? "planned (dry run, nothing changed)" : "complete") + ": bucket "
                    + bucketSpec.bucket() + " in " + aws.region().id() + ", IAM user " + iam.userName()
                    + ", profile '" + profile + "' with key "
                    + iam.accessKeyId().map(KeyIds::mask).orElse("(to be created)") + ".");
        }
    }

    private Optional<String> keyIdInProfile() {
        return AwsConnection.loadProfiles(awsFiles())
                .profile(profile)
                .flatMap(p -> p.property(ProfileProperty.AWS_ACCESS_KEY_ID));
    }
}

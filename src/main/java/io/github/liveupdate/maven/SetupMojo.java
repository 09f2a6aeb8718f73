package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.bucket.BucketSpec;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.defold.AmazonSettings;
import io.github.liveupdate.defold.DefoldProject;
import io.github.liveupdate.defold.LiveUpdateSettingsWriter;
import io.github.liveupdate.setup.FullSetup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prepares AWS for Defold Live update in one run: the goals {@code setup-bucket}, {@code setup-iam} and
 * {@code write-profile} in that order, then {@code write-settings} in a Defold project. The new access key goes
 * from the IAM step to the credentials file in memory only. Every step is idempotent, so running it again
 * reports each step unchanged. Signs with {@code adminProfile}.
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

    /**
     * Lets setup replace the key in the profile when it belongs to another IAM user, such as the user of
     * another game's bucket. Without it, such a profile fails the goal before any key is created.
     */
    @Parameter(property = PropertyNames.REPLACE_PROFILE_KEY, defaultValue = "false")
    protected boolean replaceProfileKey;

    /**
     * Whether setup also runs write-settings when the POM's folder is a Defold project: liveupdate.settings
     * then gets mode Amazon, the profile, the bucket and the prefix. Default: true.
     */
    @Parameter(property = PropertyNames.WRITE_SETTINGS, defaultValue = "true")
    protected boolean writeSettings;

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.SETUP_SKIP, defaultValue = "false")
    protected boolean skipSetup;

    @Override
    protected Goal goal() {
        return new Goal("setup", PropertyNames.SETUP_SKIP, skipSetup, true);
    }

    @Override
    protected void run(Reporter reporter) {
        BucketSpec bucketSpec = new BucketSpec(
                requireBucket(), prefix, publicRead, cors, corsAllowedOrigins, corsAllowedHeaders, corsMaxAgeSeconds);
        Optional<DefoldProject> settingsProject = writeSettings ? defoldProject() : Optional.empty();
        AmazonSettings settings = new AmazonSettings(profile, bucketSpec.bucket(), bucketSpec.prefix());
        LiveUpdateSettingsWriter settingsWriter = new LiveUpdateSettingsWriter(reporter);
        // Before AWS changes, so that a broken liveupdate.settings fails the build while nothing was created.
        settingsProject.ifPresent(project -> settingsWriter.check(project, settings));

        try (AwsConnection aws = AwsConnection.open(awsOptions(adminProfile))) {
            new FullSetup(aws, awsFiles(), reporter)
                    .run(
                            bucketSpec,
                            policyName,
                            userName,
                            Duration.ofSeconds(keyWaitSeconds),
                            profile,
                            replaceProfileKey,
                            dryRun);
        }
        settingsProject.ifPresent(project -> settingsWriter.write(project, settings, dryRun));
    }
}

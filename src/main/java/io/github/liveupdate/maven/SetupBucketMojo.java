package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.bucket.BucketSetup;
import io.github.liveupdate.bucket.BucketSpec;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.Reporter;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates the Live update bucket, or brings an existing one up to date: object ownership "bucket owner
 * enforced", public read of the objects under the prefix through a bucket policy statement, and a CORS rule
 * for browsers. Other statements and CORS rules on the bucket are kept. Signs with {@code adminProfile}.
 */
@Mojo(name = "setup-bucket", requiresProject = false, threadSafe = true)
public class SetupBucketMojo extends AbstractLiveUpdateMojo {

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

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.SETUP_BUCKET_SKIP, defaultValue = "false")
    protected boolean skipSetupBucket;

    @Override
    protected Goal goal() {
        return new Goal("setup-bucket", PropertyNames.SETUP_BUCKET_SKIP, skipSetupBucket, true);
    }

    @Override
    protected void run(Reporter reporter) {
        BucketSpec spec = new BucketSpec(
                requireBucket(), prefix, publicRead, cors, corsAllowedOrigins, corsAllowedHeaders, corsMaxAgeSeconds);
        try (AwsConnection aws = AwsConnection.open(awsOptions(adminProfile))) {
            BucketSetup setup = new BucketSetup(
                    aws.s3(), aws.region(), aws.partition(), reporter, Backoff.upTo(BucketSetup.POLICY_RETRY_BUDGET));
            setup.apply(spec, dryRun);
        }
    }
}

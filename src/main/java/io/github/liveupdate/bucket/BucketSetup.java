package io.github.liveupdate.bucket;

import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates or updates a bucket so that Live update clients can read it: the bucket in the region, object
 * ownership "bucket owner enforced" (ACLs disabled), a bucket policy statement for public read, and a CORS
 * rule. Each step keeps what others configured on the bucket, sends a change only when one is needed, and
 * reports one line with its outcome. The setup never sends an ACL.
 */
public final class BucketSetup {

    /** The Sid of the bucket policy statement that this setup owns. */
    public static final String POLICY_STATEMENT_SID = "LiveUpdatePublicRead";

    /** The ID of the CORS rule that this setup owns. */
    public static final String CORS_RULE_ID = "LiveUpdateCors";

    /**
     * How long to retry PutBucketPolicy while S3 responds with AccessDenied, which it does for some seconds after
     * a Block Public Access change.
     */
    public static final Duration POLICY_RETRY_BUDGET = Duration.ofSeconds(60);

    private static final String OWNERSHIP_STEP = "Object ownership (bucket owner enforced)";
    private static final String BLOCK_PUBLIC_ACCESS_STEP =
            "Block Public Access (public policies allowed, ACLs blocked)";
    private static final String POLICY_STEP = "Bucket policy statement " + POLICY_STATEMENT_SID;
    private static final String CORS_STEP = "CORS rule " + CORS_RULE_ID;
    private static final String BLOCK_PUBLIC_ACCESS_KEPT_STEP =
            "Block Public Access (left as it is, publicRead is false)";
    private static final String POLICY_REMOVAL_STEP = POLICY_STEP + " (absent, publicRead is false)";
    private static final String CORS_REMOVAL_STEP = CORS_STEP + " (absent, cors is false)";

    private final S3Client s3;
    private final Region region;
    private final Reporter reporter;
    private final PublicReadAccess publicRead;

    /**
     * @param s3 a client for the region, signed by credentials that may administer the bucket
     * @param region the region in which the bucket is created, or must already be
     * @param partition the ARN partition of the region: aws, aws-cn or aws-us-gov
     * @param policyBackoff how long to retry PutBucketPolicy while S3 responds with AccessDenied, such as
     *     {@code Backoff.upTo(POLICY_RETRY_BUDGET)}
     */
    public BucketSetup(S3Client s3, Region region, String partition, Reporter reporter, Backoff policyBackoff) {
        this.s3 = s3;
        this.region = region;
        this.reporter = reporter;
        this.publicRead = new PublicReadAccess(s3, partition, reporter, policyBackoff);
    }

    /**
     * Brings the bucket to the spec. With {@code dryRun}, sends only read requests and reports
     * {@link Outcome#PLANNED} for each step that would change something.
     *
     * @throws LiveUpdateException if the bucket exists in another region or belongs to another account, or
     *     S3 keeps denying the bucket policy
     */
    public void apply(BucketSpec spec, boolean dryRun) {
        String bucket = spec.bucket();
        if (BucketNames.breaksVirtualHostedHttps(bucket)) {
            reporter.warn("Bucket name '" + bucket + "' contains dots, so HTTPS requests to the virtual-hosted-style"
                    + " address https://" + bucket + ".s3." + region.id() + ".amazonaws.com fail: S3's wildcard"
                    + " certificate covers one subdomain level only. Use path-style URLs (https://s3." + region.id()
                    + ".amazonaws.com/" + bucket + "/...) or choose a name without dots.");
        }

        boolean exists = new BucketProbe(s3, region, reporter).existsInRegion(bucket);
        if (!exists && dryRun) {
            reporter.step(bucketStep(bucket), Outcome.PLANNED);
            reportPlanForNewBucket(spec);
            return;
        }
        if (!exists) {
            reporter.step(bucketStep(bucket), createBucket(bucket));
        } else {
            reporter.step(bucketStep(bucket), Outcome.UNCHANGED);
        }

        reporter.step(OWNERSHIP_STEP, enforceBucketOwner(bucket, dryRun));
        if (spec.publicRead()) {
            reporter.step(BLOCK_PUBLIC_ACCESS_STEP, publicRead.allowPublicPolicies(bucket, dryRun));
            reporter.step(POLICY_STEP, publicRead.putStatement(spec, dryRun));
        } else {
            reporter.step(BLOCK_PUBLIC_ACCESS_KEPT_STEP, Outcome.UNCHANGED);
            reporter.step(POLICY_REMOVAL_STEP, publicRead.removeStatement(bucket, dryRun));
        }
        if (spec.cors()) {
            reporter.step(CORS_STEP, putCorsRule(spec, dryRun));
        } else {
            reporter.step(CORS_REMOVAL_STEP, removeCorsRule(bucket, dryRun));
        }
    }

    private String bucketStep(String bucket) {
        return "Bucket " + bucket + " (" + region.id() + ")";
    }

    /** Reports what a run would do to a bucket that does not exist yet, without reading anything more. */
    private void reportPlanForNewBucket(BucketSpec spec) {
        reporter.step(OWNERSHIP_STEP, Outcome.PLANNED);
        if (spec.publicRead()) {
            reporter.step(BLOCK_PUBLIC_ACCESS_STEP, Outcome.PLANNED);
            reporter.step(POLICY_STEP, Outcome.PLANNED);
        } else {
            reporter.step(BLOCK_PUBLIC_ACCESS_KEPT_STEP, Outcome.UNCHANGED);
            reporter.step(POLICY_REMOVAL_STEP, Outcome.UNCHANGED);
        }
        if (spec.cors()) {
            reporter.step(CORS_STEP, Outcome.PLANNED);
        } else {
            reporter.step(CORS_REMOVAL_STEP, Outcome.UNCHANGED);
        }
    }

    private Outcome createBucket(String bucket) {
        CreateBucketRequest.Builder request =
                CreateBucketRequest.builder().bucket(bucket).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        // S3 rejects the location constraint us-east-1: a bucket there is created without one.
        if (!Region.US_EAST_1.equals(region)) {
            request.createBucketConfiguration(configuration -> configuration.locationConstraint(region.id()));
        }
        try {
            s3.createBucket(request.build());
            return Outcome.CREATED;
        } catch (BucketAlreadyOwnedByYouException e) {
            reporter.debug("CreateBucket " + bucket + ": already owned by this account");
            return Outcome.UNCHANGED;
        } catch (BucketAlreadyExistsException e) {
            throw BucketProbe.alreadyExists(bucket);
        }
    }

    private Outcome enforceBucketOwner(String bucket, boolean dryRun) {
        ObjectOwnership current = currentOwnership(bucket);
        if (current == ObjectOwnership.BUCKET_OWNER_ENFORCED) {
            return Outcome.UNCHANGED;
        }
        reporter.debug("Object ownership of " + bucket + ": " + (current == null ? "not set" : current));
        if (dryRun) {
            return Outcome.PLANNED;
        }
        s3.putBucketOwnershipControls(request -> request.bucket(bucket)
                .ownershipControls(controls ->
                        controls.rules(rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        return current == null ? Outcome.CREATED : Outcome.UPDATED;
    }

    /** Returns the bucket's object ownership setting, or null when it has none. */
    private ObjectOwnership currentOwnership(String bucket) {
        try {
            return s3.getBucketOwnershipControls(request -> request.bucket(bucket)).ownershipControls().rules().stream()
                    .map(rule -> rule.objectOwnership())
                    .findFirst()
                    .orElse(null);
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "OwnershipControlsNotFoundError")) {
                return null;
            }
            throw e;
        }
    }

    private Outcome putCorsRule(BucketSpec spec, boolean dryRun) {
        String bucket = spec.bucket();
        CORSRule rule = CorsRules.readRule(
                CORS_RULE_ID, spec.corsAllowedOrigins(), spec.corsAllowedHeaders(), spec.corsMaxAgeSeconds());
        return applyCorsChange(bucket, CorsRules.withRule(currentCorsRules(bucket), rule), dryRun);
    }

    private Outcome removeCorsRule(String bucket, boolean dryRun) {
        return applyCorsChange(bucket, CorsRules.withoutRule(currentCorsRules(bucket), CORS_RULE_ID), dryRun);
    }

    private Outcome applyCorsChange(String bucket, CorsRules.Change change, boolean dryRun) {
        if (change.outcome() == Outcome.UNCHANGED) {
            return Outcome.UNCHANGED;
        }
        if (dryRun) {
            return Outcome.PLANNED;
        }
        if (change.rules().isEmpty()) {
            reporter.debug("DeleteBucketCors " + bucket + ": no rule left");
            s3.deleteBucketCors(request -> request.bucket(bucket));
        } else {
            s3.putBucketCors(request ->
                    request.bucket(bucket).corsConfiguration(configuration -> configuration.corsRules(change.rules())));
        }
        return change.outcome();
    }

    /** Returns the bucket's CORS rules, or an empty list when it has no CORS configuration. */
    private List<CORSRule> currentCorsRules(String bucket) {
        try {
            return s3.getBucketCors(request -> request.bucket(bucket)).corsRules();
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchCORSConfiguration")) {
                return List.of();
            }
            throw e;
        }
    }
}

package io.github.liveupdate.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket settings behind public read: Block Public Access that allows public bucket policies but keeps
 * public ACLs blocked, and the bucket policy statement that lets anyone read the objects under the prefix.
 */
final class PublicReadAccess {

    /** Public policies allowed so the read statement takes effect; public ACLs blocked and ignored. */
    private static final PublicAccessBlockConfiguration PUBLIC_POLICIES_ALLOWED =
            PublicAccessBlockConfiguration.builder()
                    .blockPublicAcls(true)
                    .ignorePublicAcls(true)
                    .blockPublicPolicy(false)
                    .restrictPublicBuckets(false)
                    .build();

    private final S3Client s3;
    private final String partition;
    private final Reporter reporter;
    private final Backoff policyBackoff;

    PublicReadAccess(S3Client s3, String partition, Reporter reporter, Backoff policyBackoff) {
        this.s3 = s3;
        this.partition = partition;
        this.reporter = reporter;
        this.policyBackoff = policyBackoff;
    }

    /** Sets Block Public Access so that public bucket policies take effect while public ACLs stay blocked. */
    Outcome allowPublicPolicies(String bucket, boolean dryRun) {
        PublicAccessBlockConfiguration current = currentPublicAccessBlock(bucket);
        if (current != null && samePublicAccessBlock(current, PUBLIC_POLICIES_ALLOWED)) {
            return Outcome.UNCHANGED;
        }
        reporter.debug("Block Public Access of " + bucket + ": " + (current == null ? "not set" : current));
        if (dryRun) {
            return Outcome.PLANNED;
        }
        s3.putPublicAccessBlock(
                request -> request.bucket(bucket).publicAccessBlockConfiguration(PUBLIC_POLICIES_ALLOWED));
        return current == null ? Outcome.CREATED : Outcome.UPDATED;
    }

    /** Returns the bucket's Block Public Access settings, or null when it has none. */
    private PublicAccessBlockConfiguration currentPublicAccessBlock(String bucket) {
        try {
            return s3.getPublicAccessBlock(request -> request.bucket(bucket)).publicAccessBlockConfiguration();
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchPublicAccessBlockConfiguration")) {
                return null;
            }
            throw e;
        }
    }

    private static boolean samePublicAccessBlock(PublicAccessBlockConfiguration a, PublicAccessBlockConfiguration b) {
        return isTrue(a.blockPublicAcls()) == isTrue(b.blockPublicAcls())
                && isTrue(a.ignorePublicAcls()) == isTrue(b.ignorePublicAcls())
                && isTrue(a.blockPublicPolicy()) == isTrue(b.blockPublicPolicy())
                && isTrue(a.restrictPublicBuckets()) == isTrue(b.restrictPublicBuckets());
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    /** Adds or replaces the public-read statement for the spec's prefix and keeps the other statements. */
    Outcome putStatement(BucketSpec spec, boolean dryRun) {
        String bucket = spec.bucket();
        String policy = currentPolicy(bucket);
        ObjectNode statement =
                BucketPolicies.publicReadStatement(BucketSetup.POLICY_STATEMENT_SID, partition, bucket, spec.prefix());
        warnIfResourceMoves(policy, statement);
        return applyPolicyChange(bucket, BucketPolicies.withStatement(policy, statement), dryRun);
    }

    /**
     * Warns when our statement already grants public read on other objects: one statement covers one prefix,
     * so the objects under the old prefix stop being public, and games that load from there fail.
     */
    private void warnIfResourceMoves(String policy, ObjectNode statement) {
        JsonNode resource = statement.get("Resource");
        BucketPolicies.statementWithSid(policy, BucketSetup.POLICY_STATEMENT_SID)
                .map(current -> current.get("Resource"))
                .filter(current -> current != null && !current.equals(resource))
                .ifPresent(current -> reporter.warn("Public read moves from " + text(current) + " to "
                        + text(resource) + ": objects under the old resource are no longer public, so games that"
                        + " load content from there fail. To keep them public, run setup again with the old"
                        + " prefix (-Dliveupdate.prefix)."));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** Removes the public-read statement and keeps the others, or deletes the policy when none is left. */
    Outcome removeStatement(String bucket, boolean dryRun) {
        BucketPolicies.Change change =
                BucketPolicies.withoutStatement(currentPolicy(bucket), BucketSetup.POLICY_STATEMENT_SID);
        return applyPolicyChange(bucket, change, dryRun);
    }

    private Outcome applyPolicyChange(String bucket, BucketPolicies.Change change, boolean dryRun) {
        if (change.outcome() == Outcome.UNCHANGED) {
            return Outcome.UNCHANGED;
        }
        if (dryRun) {
            return Outcome.PLANNED;
        }
        if (change.policy().isPresent()) {
            putPolicy(bucket, change.policy().get());
        } else {
            reporter.debug("DeleteBucketPolicy " + bucket + ": no statement left");
            s3.deleteBucketPolicy(request -> request.bucket(bucket));
        }
        return change.outcome();
    }

    /**
     * Returns the bucket policy as JSON, or null when the bucket has none. SDK 2.59.1 reads this response's
     * body in an interceptor, so a connection cut inside it escapes as an UncheckedIOException that the SDK
     * neither retries nor wraps. This method retries it.
     */
    private String currentPolicy(String bucket) {
        try {
            return policyBackoff.run(
                    "GetBucketPolicy " + bucket,
                    reporter,
                    e -> e instanceof UncheckedIOException,
                    () -> s3.getBucketPolicy(request -> request.bucket(bucket)).policy());
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchBucketPolicy")) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Puts the bucket policy, retrying while S3 responds with AccessDenied: S3 applies a Block Public Access change
     * with a delay of some seconds, and until then it rejects a public policy.
     */
    private void putPolicy(String bucket, String policy) {
        boolean[] retryAnnounced = {false};
        try {
            policyBackoff.runVoid(
                    "PutBucketPolicy " + bucket,
                    reporter,
                    e -> {
                        if (!isAccessDenied(e)) {
                            return false;
                        }
                        if (!retryAnnounced[0]) {
                            retryAnnounced[0] = true;
                            reporter.info("S3 denied the bucket policy of " + bucket + " (AccessDenied). Retrying"
                                    + " for up to " + policyBackoff.budget().toSeconds() + " s, because a Block"
                                    + " Public Access change takes some seconds to apply.");
                        }
                        return true;
                    },
                    () -> s3.putBucketPolicy(request -> request.bucket(bucket).policy(policy)));
        } catch (S3Exception e) {
            if (!isAccessDenied(e)) {
                throw e;
            }
            throw new LiveUpdateException(
                    "S3 denied the bucket policy of " + bucket + " (AccessDenied: " + S3Errors.message(e) + ") for "
                            + policyBackoff.budget().toSeconds() + " s. Check that the account-level Block Public"
                            + " Access settings (S3 console, 'Block Public Access settings for this account')"
                            + " allow public bucket policies, since they override the bucket's own settings, and"
                            + " that the <adminProfile> identity may call s3:PutBucketPolicy on the bucket. To"
                            + " set up the bucket without public read, set <publicRead>false</publicRead> or"
                            + " -Dliveupdate.publicRead=false.",
                    e);
        }
    }

    private static boolean isAccessDenied(RuntimeException e) {
        return e instanceof S3Exception s3Exception && S3Errors.hasCode(s3Exception, "AccessDenied");
    }
}

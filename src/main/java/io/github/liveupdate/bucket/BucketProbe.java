package io.github.liveupdate.bucket;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Finds out, with read-only requests, whether a bucket exists, and fails when it exists in another region
 * or belongs to another account.
 */
public final class BucketProbe {

    private static final String BUCKET_REGION_HEADER = "x-amz-bucket-region";

    private final S3Client s3;
    private final Region region;
    private final Reporter reporter;

    public BucketProbe(S3Client s3, Region region, Reporter reporter) {
        this.s3 = s3;
        this.region = region;
        this.reporter = reporter;
    }

    /**
     * Returns true when this account owns the bucket in the configured region, false when no bucket has the
     * name.
     *
     * @throws LiveUpdateException if the bucket is in another region or belongs to another account
     */
    public boolean existsInRegion(String bucket) {
        String bucketRegion;
        S3Exception headFailure = null;
        try {
            HeadBucketResponse response = s3.headBucket(request -> request.bucket(bucket));
            bucketRegion = response.bucketRegion();
        } catch (NoSuchBucketException e) {
            reporter.debug("HeadBucket " + bucket + ": not found");
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                reporter.debug("HeadBucket " + bucket + ": not found");
                return false;
            }
            // S3 responds with 301 (or 400 for some signatures) when the bucket is in another region, and 403 when
            // the caller may not read it. These responses carry the bucket's region in the x-amz-bucket-region
            // header, and GetBucketLocation is the fallback when one does not.
            if (e.statusCode() != 301 && e.statusCode() != 400 && e.statusCode() != 403) {
                throw e;
            }
            reporter.debug("HeadBucket " + bucket + ": HTTP " + e.statusCode());
            bucketRegion = regionHeader(e);
            headFailure = e;
        }
        if (bucketRegion == null) {
            bucketRegion = locationOrNull(bucket);
        }
        if (bucketRegion == null && headFailure != null && headFailure.statusCode() != 403) {
            throw headFailure;
        }
        if (bucketRegion != null && !bucketRegion.equals(region.id())) {
            throw new LiveUpdateException("Bucket " + bucket + " exists in region " + bucketRegion + ", not in "
                    + region.id() + ". Set <region> or -Dliveupdate.region to " + bucketRegion
                    + ", or choose another bucket name.");
        }
        requireOwnedByThisAccount(bucket, headFailure == null);
        return true;
    }

    /**
     * Fails unless the bucket is among this account's buckets. ListBuckets lists only the caller's own
     * buckets, while HeadBucket also succeeds on another account's bucket whose policy lets the caller read
     * it.
     */
    private void requireOwnedByThisAccount(String bucket, boolean readable) {
        boolean owned;
        try {
            owned = s3.listBuckets(request -> request.prefix(bucket)).buckets().stream()
                    .anyMatch(b -> b.name().equals(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 403) {
                throw e;
            }
            if (readable) {
                reporter.debug("ListBuckets was denied. HeadBucket succeeded, so bucket " + bucket
                        + " is treated as this account's");
                return;
            }
            throw new LiveUpdateException("Bucket " + bucket + " exists, but the setup credentials may neither"
                    + " read it (HeadBucket was denied) nor list this account's buckets. If the bucket is yours,"
                    + " allow s3:ListBucket on it and s3:ListAllMyBuckets to the <adminProfile> identity;"
                    + " otherwise choose another name with <bucket> or -Dliveupdate.bucket.");
        }
        if (!owned) {
            throw alreadyExists(bucket);
        }
    }

    /** Returns the failure for a bucket name that another AWS account has taken. */
    static LiveUpdateException alreadyExists(String bucket) {
        return new LiveUpdateException("Bucket " + bucket + " already exists and belongs to another AWS account."
                + " Bucket names are shared by all AWS accounts: choose another name with <bucket> or"
                + " -Dliveupdate.bucket.");
    }

    /** Returns the region from GetBucketLocation, or null when S3 does not tell it. */
    private String locationOrNull(String bucket) {
        try {
            GetBucketLocationResponse response = s3.getBucketLocation(request -> request.bucket(bucket));
            String constraint = response.locationConstraintAsString();
            // Buckets in us-east-1 have no location constraint, and old buckets in eu-west-1 have "EU".
            if (constraint == null || constraint.isEmpty()) {
                return Region.US_EAST_1.id();
            }
            return constraint.equals("EU") ? Region.EU_WEST_1.id() : constraint;
        } catch (S3Exception e) {
            reporter.debug("GetBucketLocation " + bucket + ": " + e.getMessage());
            return null;
        }
    }

    private static String regionHeader(S3Exception e) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null || details.sdkHttpResponse() == null) {
            return null;
        }
        return details.sdkHttpResponse()
                .firstMatchingHeader(BUCKET_REGION_HEADER)
                .orElse(null);
    }
}

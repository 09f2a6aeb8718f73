package io.github.liveupdate.teardown;

import io.github.liveupdate.bucket.BucketPolicies;
import io.github.liveupdate.bucket.BucketSetup;
import io.github.liveupdate.bucket.CorsRules;
import io.github.liveupdate.bucket.S3Errors;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileRemover;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Carries out the changes of a {@link TeardownPlan} in the plan's order and reports one line per item with its
 * result: deleted, restored, or not found when something else removed it since the plan was made.
 */
final class TeardownExecutor {

    /** The result of one item's change. */
    enum Result {
        DELETED("deleted"),
        RESTORED("restored"),
        NOT_FOUND("not found");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final S3Client s3;
    private final IamClient iam;
    private final ProfileRemover profiles;
    private final Reporter reporter;

    TeardownExecutor(S3Client s3, IamClient iam, ProfileRemover profiles, Reporter reporter) {
        this.s3 = s3;
        this.iam = iam;
        this.profiles = profiles;
        this.reporter = reporter;
    }

    /**
     * Runs every change of the plan.
     *
     * @return the result of each change, in the plan's order
     * @throws LiveUpdateException if AWS refuses a deletion in a way that the user must resolve
     */
    List<Result> execute(TeardownSpec spec, TeardownPlan plan) {
        // The versions to delete belong to the policy that the plan's policy item names.
        String policyArn = plan.items().stream()
                .filter(item -> item.kind() == TeardownItem.Kind.POLICY)
                .map(TeardownItem::id)
                .findFirst()
                .orElse(null);
        return plan.changes().stream()
                .map(item -> {
                    Result result = execute(spec, policyArn, item);
                    reporter.info(capitalized(item.what()) + " in " + item.where() + ": " + result.label());
                    return result;
                })
                .toList();
    }

    private Result execute(TeardownSpec spec, String policyArn, TeardownItem item) {
        return switch (item.kind()) {
            case CREDENTIALS_PROFILE -> fileResult(profiles.removeFromCredentials(spec.profile(), item.id()));
            case CONFIG_PROFILE -> fileResult(profiles.removeFromConfig(spec.profile()));
            case ACCESS_KEY ->
                iamDeletion(() ->
                        iam.deleteAccessKey(r -> r.userName(spec.userName()).accessKeyId(item.id())));
            case POLICY_ATTACHMENT ->
                iamDeletion(() ->
                        iam.detachUserPolicy(r -> r.userName(spec.userName()).policyArn(item.id())));
            case POLICY_VERSION ->
                iamDeletion(() ->
                        iam.deletePolicyVersion(r -> r.policyArn(policyArn).versionId(item.id())));
            case POLICY -> deletePolicy(item);
            case USER -> deleteUser(spec);
            case BUCKET_POLICY_STATEMENT -> removeStatement(spec.bucket());
            case CORS_RULE -> removeCorsRule(spec.bucket());
            case PUBLIC_ACCESS_BLOCK -> restorePublicAccessBlock(spec.bucket());
            case OBJECTS -> deleteObjects(spec.bucket());
            case BUCKET -> deleteBucket(spec.bucket());
        };
    }

    private static Result fileResult(Outcome outcome) {
        return outcome == Outcome.UNCHANGED ? Result.NOT_FOUND : Result.DELETED;
    }

    private static Result iamDeletion(Runnable request) {
        try {
            request.run();
            return Result.DELETED;
        } catch (NoSuchEntityException e) {
            return Result.NOT_FOUND;
        }
    }

    private Result deletePolicy(TeardownItem item) {
        try {
            return iamDeletion(() -> iam.deletePolicy(r -> r.policyArn(item.id())));
        } catch (DeleteConflictException e) {
            throw new LiveUpdateException("IAM did not delete policy " + item.id() + " (DeleteConflict: "
                    + e.awsErrorDetails().errorMessage() + "). It was attached or got a version while teardown ran."
                    + " Run teardown again.");
        }
    }

    private Result deleteUser(TeardownSpec spec) {
        try {
            return iamDeletion(() -> iam.deleteUser(r -> r.userName(spec.userName())));
        } catch (DeleteConflictException e) {
            throw new LiveUpdateException("IAM did not delete user " + spec.userName() + " (DeleteConflict: "
                    + e.awsErrorDetails().errorMessage() + "). Setup gives the user only access keys and a managed"
                    + " policy, which teardown removed. Remove what else the user has (inline policies, group"
                    + " memberships, a console password, MFA devices, signing certificates, SSH keys) and run"
                    + " teardown again.");
        }
    }

    private Result removeStatement(String bucket) {
        String policy;
        try {
            policy = s3.getBucketPolicy(r -> r.bucket(bucket)).policy();
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchBucketPolicy")) {
                return Result.NOT_FOUND;
            }
            throw e;
        }
        BucketPolicies.Change change = BucketPolicies.withoutStatement(policy, BucketSetup.POLICY_STATEMENT_SID);
        if (change.outcome() == Outcome.UNCHANGED) {
            return Result.NOT_FOUND;
        }
        if (change.policy().isPresent()) {
            s3.putBucketPolicy(r -> r.bucket(bucket).policy(change.policy().get()));
        } else {
            reporter.debug("DeleteBucketPolicy " + bucket + ": no statement left");
            s3.deleteBucketPolicy(r -> r.bucket(bucket));
        }
        return Result.DELETED;
    }

    private Result removeCorsRule(String bucket) {
        List<CORSRule> rules;
        try {
            rules = s3.getBucketCors(r -> r.bucket(bucket)).corsRules();
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "NoSuchCORSConfiguration")) {
                return Result.NOT_FOUND;
            }
            throw e;
        }
        CorsRules.Change change = CorsRules.withoutRule(rules, BucketSetup.CORS_RULE_ID);
        if (change.outcome() == Outcome.UNCHANGED) {
            return Result.NOT_FOUND;
        }
        if (change.rules().isEmpty()) {
            reporter.debug("DeleteBucketCors " + bucket + ": no rule left");
            s3.deleteBucketCors(r -> r.bucket(bucket));
        } else {
            s3.putBucketCors(r -> r.bucket(bucket).corsConfiguration(c -> c.corsRules(change.rules())));
        }
        return Result.DELETED;
    }

    private Result restorePublicAccessBlock(String bucket) {
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(TeardownPlanner.ALL_BLOCKED));
        return Result.RESTORED;
    }

    private Result deleteObjects(String bucket) {
        long deleted = ObjectVersions.deleteAll(s3, bucket, reporter);
        reporter.debug("Deleted " + deleted + " object versions and delete markers of bucket " + bucket);
        return Result.DELETED;
    }

    private Result deleteBucket(String bucket) {
        try {
            int aborted = ObjectVersions.abortUploads(s3, bucket, reporter);
            if (aborted > 0) {
                reporter.info("Aborted " + aborted + " unfinished multipart uploads of bucket " + bucket + ".");
            }
            s3.deleteBucket(r -> r.bucket(bucket));
            return Result.DELETED;
        } catch (NoSuchBucketException e) {
            return Result.NOT_FOUND;
        } catch (S3Exception e) {
            if (S3Errors.hasCode(e, "BucketNotEmpty")) {
                throw new LiveUpdateException("S3 did not delete bucket " + bucket + ", because it is not empty:"
                        + " someone uploaded objects while teardown ran. Run teardown again.");
            }
            throw e;
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

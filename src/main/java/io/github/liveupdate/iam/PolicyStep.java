package io.github.liveupdate.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/** Creates the managed policy, or gives it a new default version when its document differs. */
final class PolicyStep {

    /** IAM keeps at most five versions of a managed policy. */
    static final int MAX_VERSIONS = 5;

    private final IamClient iam;
    private final Reporter reporter;
    private final Backoff consistencyBackoff;

    PolicyStep(IamClient iam, Reporter reporter, Backoff consistencyBackoff) {
        this.iam = iam;
        this.reporter = reporter;
        this.consistencyBackoff = consistencyBackoff;
    }

    /**
     * Makes sure the policy at {@code policyArn} has the document of {@link UploaderPolicy}.
     *
     * @return whether the policy exists afterwards, which is false only in a dry run that found it missing
     * @throws LiveUpdateException if the policy differs and this plugin did not create it, or a policy of
     *     that name exists under another path
     */
    boolean ensure(IamSpec spec, String policyArn, boolean dryRun) {
        ObjectNode expected = UploaderPolicy.document(spec.bucket(), spec.prefix(), spec.partition());
        String step = "IAM policy " + spec.policyName();
        Optional<Policy> existing = find(policyArn);

        if (existing.isEmpty()) {
            if (dryRun) {
                reporter.step(step, Outcome.PLANNED);
                return false;
            }
            create(spec, policyArn, expected);
            reporter.step(step, Outcome.CREATED);
            return true;
        }

        Policy policy = existing.get();
        String stored = iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(policy.defaultVersionId()))
                .policyVersion()
                .document();
        if (UploaderPolicy.isEquivalent(stored, expected)) {
            reporter.step(step, Outcome.UNCHANGED);
            return true;
        }
        if (!IamTags.markCreatedByPlugin(policy.tags())) {
            throw new LiveUpdateException("IAM policy " + spec.policyName() + " exists with another document and"
                    + " was not created by this plugin (it has no tag " + IamTags.CREATED_BY + "="
                    + IamTags.CREATED_BY_VALUE + "), so the plugin leaves it alone. Set <policyName> or"
                    + " -Dliveupdate.policyName to another name, or add that tag to the policy to let the plugin"
                    + " replace its document.");
        }
        if (dryRun) {
            reporter.step(step, Outcome.PLANNED);
            return true;
        }
        reporter.info(step + ": " + Outcome.UPDATED.label() + " (" + update(policyArn, expected) + ")");
        return true;
    }

    private Optional<Policy> find(String policyArn) {
        try {
            return Optional.of(iam.getPolicy(r -> r.policyArn(policyArn)).policy());
        } catch (NoSuchEntityException e) {
            reporter.debug("GetPolicy " + policyArn + ": not found");
            return Optional.empty();
        }
    }

    private void create(IamSpec spec, String policyArn, ObjectNode document) {
        try {
            iam.createPolicy(r -> r.policyName(spec.policyName())
                    .policyDocument(UploaderPolicy.toJson(document))
                    .description("Lets Defold upload Live update content to S3 bucket " + spec.bucket()
                            + ". Managed by " + IamTags.CREATED_BY_VALUE + ".")
                    .tags(IamTags.forBucket(spec.bucket())));
        } catch (EntityAlreadyExistsException e) {
            if (existsAfterAll(policyArn)) {
                return;
            }
            throw new LiveUpdateException("IAM policy " + spec.policyName() + " exists under a path other than"
                    + " '/', where the plugin looks for it. Set <policyName> or -Dliveupdate.policyName to"
                    + " another name.");
        }
    }

    /**
     * Returns whether the policy is at {@code policyArn} after all, waiting while IAM does not find it. It is
     * when the SDK sent CreatePolicy again after a dropped connection and IAM had applied the first attempt,
     * or when GetPolicy missed a policy that an earlier run created moments before.
     */
    private boolean existsAfterAll(String policyArn) {
        try {
            consistencyBackoff.run(
                    "GetPolicy " + policyArn + " after CreatePolicy reported it exists",
                    reporter,
                    IamSetup::isNoSuchEntity,
                    () -> iam.getPolicy(r -> r.policyArn(policyArn)));
            reporter.debug("CreatePolicy " + policyArn + ": already exists at that ARN");
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }

    /** Adds the document as the new default version, and returns a description of what changed. */
    private String update(String policyArn, ObjectNode document) {
        List<PolicyVersion> versions =
                iam.listPolicyVersions(r -> r.policyArn(policyArn)).versions();
        String deleted = "";
        if (versions.size() >= MAX_VERSIONS) {
            PolicyVersion oldest = oldestNonDefault(versions);
            iam.deletePolicyVersion(r -> r.policyArn(policyArn).versionId(oldest.versionId()));
            deleted = ", deleted oldest version " + oldest.versionId() + " because IAM keeps at most " + MAX_VERSIONS;
        }
        String created = iam.createPolicyVersion(r -> r.policyArn(policyArn)
                        .policyDocument(UploaderPolicy.toJson(document))
                        .setAsDefault(true))
                .policyVersion()
                .versionId();
        return "new default version " + created + deleted;
    }

    private static PolicyVersion oldestNonDefault(List<PolicyVersion> versions) {
        return versions.stream()
                .filter(version -> !Boolean.TRUE.equals(version.isDefaultVersion()))
                .min(Comparator.comparing(PolicyVersion::createDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(PolicyStep::versionNumber))
                .orElseThrow(() -> new IllegalStateException(
                        "IAM listed " + versions.size() + " policy versions, all of them default"));
    }

    /** Returns the number of a version id such as {@code v12}, or 0 when it has another form. */
    private static int versionNumber(PolicyVersion version) {
        try {
            return Integer.parseInt(version.versionId().substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

package io.github.liveupdate.iam;

import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Sets up the IAM side of Live update, one idempotent step at a time: the managed policy, the user, the
 * policy's attachment to the user and an access key. Each step reports one line with its outcome. In a dry
 * run only read requests are sent.
 */
public final class IamSetup {

    /**
     * How long to retry requests that name a user or policy created moments before. IAM is eventually
     * consistent, so such a request can fail with NoSuchEntity for a few seconds.
     */
    static final Duration CONSISTENCY_WAIT = Duration.ofSeconds(30);

    private final IamClient iam;
    private final StsClient sts;
    private final Reporter reporter;
    private final Backoff consistencyBackoff;
    private final PolicyStep policyStep;
    private final AccessKeyStep accessKeyStep;

    /**
     * Creates the setup.
     *
     * @param iam the IAM client, signed by an administrator
     * @param sts an STS client with the same credentials, used to find the account id for the policy ARN
     * @param stsForKey builds an STS client that signs with the given credentials, to check a new access key.
     *     The setup closes each client it builds.
     * @param reporter where the step lines go
     * @param sleeper waits between retries; tests pass one that returns at once
     */
    public IamSetup(
            IamClient iam,
            StsClient sts,
            Function<AwsCredentialsProvider, StsClient> stsForKey,
            Reporter reporter,
            Backoff.Sleeper sleeper) {
        this.iam = iam;
        this.sts = sts;
        this.reporter = reporter;
        this.consistencyBackoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), CONSISTENCY_WAIT, sleeper);
        this.policyStep = new PolicyStep(iam, reporter, consistencyBackoff);
        this.accessKeyStep = new AccessKeyStep(iam, stsForKey, reporter, consistencyBackoff, sleeper);
    }

    /** Creates the setup with a sleeper that blocks the calling thread. */
    public IamSetup(
            IamClient iam, StsClient sts, Function<AwsCredentialsProvider, StsClient> stsForKey, Reporter reporter) {
        this(iam, sts, stsForKey, reporter, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Makes sure the policy, the user, the attachment and an access key exist as {@code spec} describes.
     *
     * @param keyIdInProfile the access key id that the target profile contains now, if any. When it is an active
     *     key of the user, no key is created.
     * @param dryRun when true, sends only read requests and reports {@link Outcome#PLANNED} for each change
     * @throws io.github.liveupdate.core.LiveUpdateException when a step cannot be done; the message names the
     *     value and the fix
     */
    public IamResult apply(IamSpec spec, Optional<String> keyIdInProfile, boolean dryRun) {
        checkProfileKeyOwner(spec, keyIdInProfile);
        String policyArn = policyArn(spec);
        boolean policyExists = policyStep.ensure(spec, policyArn, dryRun);
        boolean userExists = ensureUser(spec, dryRun);
        ensureAttached(spec, policyArn, policyExists && userExists, dryRun);
        AccessKeyStep.Result key = accessKeyStep.ensure(spec, userExists, keyIdInProfile, dryRun);
        return new IamResult(spec.userName(), policyArn, key.newKey(), key.accessKeyId());
    }

    /**
     * Fails when the profile contains a key of another IAM user, unless the spec allows replacing it. Sends
     * one read request and changes nothing, so callers run it before their first change.
     *
     * @throws LiveUpdateException naming both users and how to choose another profile
     */
    public void checkProfileKeyOwner(IamSpec spec, Optional<String> keyIdInProfile) {
        accessKeyStep.checkProfileKeyOwner(spec, keyIdInProfile);
    }

    private String policyArn(IamSpec spec) {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();
        reporter.debug("Setting up IAM as " + identity.arn());
        return "arn:" + spec.partition() + ":iam::" + identity.account() + ":policy/" + spec.policyName();
    }

    /** Returns whether the user exists afterwards, which is false only in a dry run that found it missing. */
    private boolean ensureUser(IamSpec spec, boolean dryRun) {
        String step = "IAM user " + spec.userName();
        try {
            iam.getUser(r -> r.userName(spec.userName()));
            reporter.step(step, Outcome.UNCHANGED);
            return true;
        } catch (NoSuchEntityException e) {
            reporter.debug("GetUser " + spec.userName() + ": not found");
        }
        if (dryRun) {
            reporter.step(step, Outcome.PLANNED);
            return false;
        }
        try {
            iam.createUser(r -> r.userName(spec.userName()).tags(IamTags.forBucket(spec.bucket())));
            reporter.step(step, Outcome.CREATED);
        } catch (EntityAlreadyExistsException e) {
            // Another run created the user between the two requests.
            reporter.step(step, Outcome.UNCHANGED);
        }
        return true;
    }

    private void ensureAttached(IamSpec spec, String policyArn, boolean bothExist, boolean dryRun) {
        String step = "Policy " + spec.policyName() + " attached to IAM user " + spec.userName();
        if (!bothExist) {
            reporter.step(step, Outcome.PLANNED);
            return;
        }
        boolean attached = consistencyBackoff.run(
                "list policies attached to " + spec.userName(),
                reporter,
                IamSetup::isNoSuchEntity,
                () ->
                        iam
                                .listAttachedUserPoliciesPaginator(r -> r.userName(spec.userName()))
                                .attachedPolicies()
                                .stream()
                                .map(AttachedPolicy::policyArn)
                                .anyMatch(policyArn::equals));
        if (attached) {
            reporter.step(step, Outcome.UNCHANGED);
            return;
        }
        if (dryRun) {
            reporter.step(step, Outcome.PLANNED);
            return;
        }
        consistencyBackoff.runVoid(
                "attach " + spec.policyName() + " to " + spec.userName(),
                reporter,
                IamSetup::isNoSuchEntity,
                () -> iam.attachUserPolicy(r -> r.userName(spec.userName()).policyArn(policyArn)));
        reporter.step(step, Outcome.CREATED);
    }

    /** Returns whether IAM does not know a user or policy yet, as happens right after creating it. */
    static boolean isNoSuchEntity(RuntimeException e) {
        return e instanceof NoSuchEntityException;
    }
}

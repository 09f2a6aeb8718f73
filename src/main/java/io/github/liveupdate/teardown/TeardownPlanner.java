package io.github.liveupdate.teardown;

import io.github.liveupdate.bucket.BucketPolicies;
import io.github.liveupdate.bucket.BucketSetup;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.credentials.ProfileRemover;
import io.github.liveupdate.iam.IamTags;
import io.github.liveupdate.teardown.TeardownItem.Action;
import io.github.liveupdate.teardown.TeardownItem.Kind;
import io.github.liveupdate.teardown.TeardownState.BucketState;
import io.github.liveupdate.teardown.TeardownState.PolicyState;
import io.github.liveupdate.teardown.TeardownState.ProfileState;
import io.github.liveupdate.teardown.TeardownState.UserState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * Decides, from what {@link StateReader} found, what teardown deletes and what it keeps. Sends no request.
 *
 * <p>Only what setup created counts as ours: the IAM user and policy when they have the tag
 * created-by=liveupdate-maven-plugin, the bucket policy statement with Sid {@value BucketSetup#POLICY_STATEMENT_SID},
 * the CORS rule with ID {@value BucketSetup#CORS_RULE_ID}, and the profile section whose key belongs to the
 * deleted user. The bucket and its objects go only with {@link TeardownSpec#deleteBucket()}.
 */
public final class TeardownPlanner {

    /** The Block Public Access settings that setup puts on the bucket when it allows public read. */
    static final PublicAccessBlockConfiguration SET_BY_SETUP = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(true)
            .ignorePublicAcls(true)
            .blockPublicPolicy(false)
            .restrictPublicBuckets(false)
            .build();

    /** The settings that teardown restores: everything blocked, as S3 sets it on new buckets by default. */
    static final PublicAccessBlockConfiguration ALL_BLOCKED = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(true)
            .ignorePublicAcls(true)
            .blockPublicPolicy(true)
            .restrictPublicBuckets(true)
            .build();

    private static final String OUR_TAG = IamTags.CREATED_BY + "=" + IamTags.CREATED_BY_VALUE;

    private TeardownPlanner() {}

    /** Builds the plan. */
    public static TeardownPlan plan(TeardownSpec spec, TeardownState state) {
        List<TeardownItem> items = new ArrayList<>();
        String account = "IAM of account " + state.account();
        boolean userDeleted = state.user().map(UserState::createdByPlugin).orElse(false);

        planUser(spec, state.user(), state.policy(), account, items);
        planPolicy(spec, state.policy(), account, items);
        planProfile(spec, state.profile(), state.user(), userDeleted, items);
        planBucket(spec, state.bucket(), items);
        return new TeardownPlan(items);
    }

    private static void planUser(
            TeardownSpec spec,
            Optional<UserState> found,
            Optional<PolicyState> policy,
            String account,
            List<TeardownItem> items) {
        String what = "IAM user " + spec.userName();
        if (found.isEmpty()) {
            items.add(new TeardownItem(Kind.USER, Action.ABSENT, spec.userName(), what, account, ""));
            return;
        }
        UserState user = found.get();
        if (!user.createdByPlugin()) {
            items.add(new TeardownItem(
                    Kind.USER,
                    Action.KEEP,
                    user.name(),
                    what,
                    account,
                    "it has no tag " + OUR_TAG + ", so the plugin did not create it, and its access keys stay too"));
            // Setup attached our policy to a user that it found, so that attachment is ours to remove.
            policy.filter(p -> p.createdByPlugin() && user.attachedPolicyArns().contains(p.arn()))
                    .ifPresent(p -> items.add(attachment(user, p.arn(), account, "setup attached it")));
            return;
        }
        for (String keyId : user.accessKeyIds()) {
            items.add(new TeardownItem(
                    Kind.ACCESS_KEY,
                    Action.DELETE,
                    keyId,
                    "access key " + KeyIds.mask(keyId) + " of IAM user " + user.name(),
                    account,
                    "the user has the tag " + OUR_TAG));
        }
        for (String policyArn : user.attachedPolicyArns()) {
            items.add(attachment(user, policyArn, account, "IAM deletes no user that has a policy attached"));
        }
        items.add(new TeardownItem(Kind.USER, Action.DELETE, user.name(), what, account, "it has the tag " + OUR_TAG));
    }

    private static TeardownItem attachment(UserState user, String policyArn, String account, String reason) {
        return new TeardownItem(
                Kind.POLICY_ATTACHMENT,
                Action.DELETE,
                policyArn,
                "attachment of policy " + policyName(policyArn) + " to IAM user " + user.name(),
                account,
                reason);
    }

    private static void planPolicy(
            TeardownSpec spec, Optional<PolicyState> found, String account, List<TeardownItem> items) {
        String what = "IAM policy " + spec.policyName();
        if (found.isEmpty()) {
            items.add(new TeardownItem(Kind.POLICY, Action.ABSENT, spec.policyName(), what, account, ""));
            return;
        }
        PolicyState policy = found.get();
        if (!policy.createdByPlugin()) {
            items.add(new TeardownItem(
                    Kind.POLICY,
                    Action.KEEP,
                    policy.arn(),
                    what,
                    account,
                    "it has no tag " + OUR_TAG + ", so the plugin did not create it"));
            return;
        }
        List<String> others = policy.attachedTo().stream()
                .filter(entity -> !entity.equals("user " + spec.userName()))
                .toList();
        if (!others.isEmpty()) {
            items.add(new TeardownItem(
                    Kind.POLICY,
                    Action.KEEP,
                    policy.arn(),
                    what,
                    account,
                    "it is also attached to " + String.join(", ", others)
                            + ", which setup did not do. Detach it there and run teardown again to delete it"));
            return;
        }
        for (String versionId : policy.nonDefaultVersionIds()) {
            items.add(new TeardownItem(
                    Kind.POLICY_VERSION,
                    Action.DELETE,
                    versionId,
                    "version " + versionId + " of IAM policy " + spec.policyName(),
                    account,
                    "IAM deletes no policy that has versions other than the default"));
        }
        items.add(
                new TeardownItem(Kind.POLICY, Action.DELETE, policy.arn(), what, account, "it has the tag " + OUR_TAG));
    }

    private static void planProfile(
            TeardownSpec spec,
            ProfileState profile,
            Optional<UserState> user,
            boolean userDeleted,
            List<TeardownItem> items) {
        ProfileRemover.Sections sections = profile.sections();
        String what = "profile '" + spec.profile() + "'";
        if (!sections.inCredentials()) {
            items.add(new TeardownItem(
                    Kind.CREDENTIALS_PROFILE, Action.ABSENT, spec.profile(), what, profile.credentialsFile(), ""));
            return;
        }
        Optional<String> keyId = sections.accessKeyId();
        boolean keyOfUser = keyId.isPresent()
                && user.map(u -> u.accessKeyIds().contains(keyId.get())).orElse(false);
        if (!keyOfUser || !userDeleted) {
            String reason = keyOfUser
                    ? "its key " + KeyIds.mask(keyId.get()) + " belongs to IAM user " + spec.userName()
                            + ", which is kept"
                    : "it contains no key of IAM user " + spec.userName() + " ("
                            + keyId.map(KeyIds::mask).orElse("no key") + ")";
            items.add(new TeardownItem(
                    Kind.CREDENTIALS_PROFILE, Action.KEEP, spec.profile(), what, profile.credentialsFile(), reason));
            return;
        }
        items.add(new TeardownItem(
                Kind.CREDENTIALS_PROFILE,
                Action.DELETE,
                keyId.get(),
                what + " with key " + KeyIds.mask(keyId.get()),
                profile.credentialsFile(),
                "the key belongs to IAM user " + spec.userName() + ", which is deleted"));
        sections.configKeys().ifPresent(keys -> items.add(configItem(spec, profile, keys)));
    }

    /** Setup writes only the region into the config file, so a section with more keys is someone else's too. */
    private static TeardownItem configItem(TeardownSpec spec, ProfileState profile, Set<String> keys) {
        String what = "profile '" + spec.profile() + "'";
        List<String> others = keys.stream()
                .filter(key -> !key.equals(ProfileProperty.REGION))
                .sorted()
                .toList();
        if (others.isEmpty()) {
            return new TeardownItem(
                    Kind.CONFIG_PROFILE,
                    Action.DELETE,
                    spec.profile(),
                    what,
                    profile.configFile(),
                    "it contains only the region, which setup wrote, and its credentials go");
        }
        return new TeardownItem(
                Kind.CONFIG_PROFILE,
                Action.KEEP,
                spec.profile(),
                what,
                profile.configFile(),
                "it also sets " + String.join(", ", others) + ", which setup does not write");
    }

    private static void planBucket(TeardownSpec spec, Optional<BucketState> found, List<TeardownItem> items) {
        String where = "bucket " + spec.bucket();
        if (found.isEmpty()) {
            items.add(new TeardownItem(Kind.BUCKET, Action.ABSENT, spec.bucket(), "bucket " + spec.bucket(), "S3", ""));
            return;
        }
        BucketState bucket = found.get();
        String location = "S3 (" + bucket.region() + ")";
        if (spec.deleteBucket()) {
            if (bucket.objectVersions() > 0) {
                items.add(new TeardownItem(
                        Kind.OBJECTS,
                        Action.DELETE,
                        spec.bucket(),
                        "all " + bucket.objectVersions() + " object versions and delete markers",
                        where,
                        "deleteBucket is true"));
            }
            items.add(new TeardownItem(
                    Kind.BUCKET,
                    Action.DELETE,
                    spec.bucket(),
                    "bucket " + spec.bucket() + " with its policy and CORS configuration",
                    location,
                    "deleteBucket is true"));
            return;
        }
        planStatement(bucket, where, items);
        planCorsRule(bucket, where, items);
        planPublicAccessBlock(bucket, where, items);
        items.add(new TeardownItem(
                Kind.BUCKET,
                Action.KEEP,
                spec.bucket(),
                "bucket " + spec.bucket() + " and its objects",
                location,
                "deleteBucket is false"));
    }

    private static void planStatement(BucketState bucket, String where, List<TeardownItem> items) {
        String sid = BucketSetup.POLICY_STATEMENT_SID;
        boolean present = BucketPolicies.withoutStatement(bucket.policy(), sid).outcome() != Outcome.UNCHANGED;
        items.add(new TeardownItem(
                Kind.BUCKET_POLICY_STATEMENT,
                present ? Action.DELETE : Action.ABSENT,
                sid,
                "bucket policy statement " + sid,
                where,
                present ? "setup adds the statement with this Sid; the other statements stay" : ""));
    }

    private static void planCorsRule(BucketState bucket, String where, List<TeardownItem> items) {
        String id = BucketSetup.CORS_RULE_ID;
        boolean present = bucket.corsRules().stream().anyMatch(rule -> id.equals(rule.id()));
        items.add(new TeardownItem(
                Kind.CORS_RULE,
                present ? Action.DELETE : Action.ABSENT,
                id,
                "CORS rule " + id,
                where,
                present ? "setup adds the rule with this ID; the other rules stay" : ""));
    }

    /**
     * Plans to block public access again when setup had allowed public policies and no bucket policy statement
     * is left after ours goes. With other statements left, the settings stay, because one of them may be
     * public on purpose, and turning RestrictPublicBuckets on would cut off its readers.
     */
    private static void planPublicAccessBlock(BucketState bucket, String where, List<TeardownItem> items) {
        if (bucket.publicAccessBlock() == null || !sameSettings(bucket.publicAccessBlock(), SET_BY_SETUP)) {
            return;
        }
        boolean noStatementLeft = BucketPolicies.withoutStatement(bucket.policy(), BucketSetup.POLICY_STATEMENT_SID)
                .policy()
                .isEmpty();
        String what = "Block Public Access (block public policies and restrict public buckets)";
        if (noStatementLeft) {
            items.add(new TeardownItem(
                    Kind.PUBLIC_ACCESS_BLOCK,
                    Action.RESTORE,
                    "",
                    what,
                    where,
                    "setup allowed public policies for its statement, and no bucket policy statement is left"));
        } else {
            items.add(new TeardownItem(
                    Kind.PUBLIC_ACCESS_BLOCK,
                    Action.KEEP,
                    "",
                    "Block Public Access settings as they are (public policies allowed)",
                    where,
                    "other bucket policy statements stay and may rely on public access"));
        }
    }

    static boolean sameSettings(PublicAccessBlockConfiguration a, PublicAccessBlockConfiguration b) {
        return isTrue(a.blockPublicAcls()) == isTrue(b.blockPublicAcls())
                && isTrue(a.ignorePublicAcls()) == isTrue(b.ignorePublicAcls())
                && isTrue(a.blockPublicPolicy()) == isTrue(b.blockPublicPolicy())
                && isTrue(a.restrictPublicBuckets()) == isTrue(b.restrictPublicBuckets());
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static String policyName(String policyArn) {
        return policyArn.substring(policyArn.lastIndexOf('/') + 1);
    }
}

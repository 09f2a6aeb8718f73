package io.github.liveupdate.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.credentials.ProfileRemover;
import io.github.liveupdate.teardown.TeardownItem.Action;
import io.github.liveupdate.teardown.TeardownItem.Kind;
import io.github.liveupdate.teardown.TeardownState.BucketState;
import io.github.liveupdate.teardown.TeardownState.PolicyState;
import io.github.liveupdate.teardown.TeardownState.ProfileState;
import io.github.liveupdate.teardown.TeardownState.UserState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

class TeardownPlannerTest {

    private static final String BUCKET = "my-game-lu";
    private static final String USER = "liveupdate-my-game-lu";
    private static final String POLICY_ARN = "arn:aws:iam::123456789012:policy/liveupdate-my-game-lu";
    private static final String KEY = "AKIAEXAMPLEKEY000001";
    private static final String OTHER_KEY = "AKIAEXAMPLEKEY000002";
    private static final String OUR_STATEMENT = "{\"Sid\":\"LiveUpdatePublicRead\",\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::my-game-lu/game/*\"}";
    private static final String FOREIGN_STATEMENT = "{\"Sid\":\"CdnRead\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::my-game-lu/*\"}";
    private static final CORSRule OUR_RULE = CORSRule.builder()
            .id("LiveUpdateCors")
            .allowedMethods("GET")
            .allowedOrigins("*")
            .build();
    private static final CORSRule FOREIGN_RULE = CORSRule.builder()
            .id("Uploads")
            .allowedMethods("PUT")
            .allowedOrigins("https://a.example")
            .build();

    private final TeardownSpec spec = new TeardownSpec(BUCKET, null, null, "liveupdate", false, null, false);

    @Test
    void deletesEverythingOfFullSetup() {
        TeardownPlan plan = TeardownPlanner.plan(spec, fullSetup());

        assertThat(kindsWith(plan, Action.DELETE))
                .containsExactly(
                        Kind.CREDENTIALS_PROFILE,
                        Kind.CONFIG_PROFILE,
                        Kind.ACCESS_KEY,
                        Kind.POLICY_ATTACHMENT,
                        Kind.POLICY,
                        Kind.USER,
                        Kind.BUCKET_POLICY_STATEMENT,
                        Kind.CORS_RULE);
        assertThat(kindsWith(plan, Action.RESTORE)).containsExactly(Kind.PUBLIC_ACCESS_BLOCK);
        assertThat(kindsWith(plan, Action.KEEP)).containsExactly(Kind.BUCKET);
    }

    @Test
    void ordersChangesProfileFirstBucketLast() {
        TeardownPlan plan = TeardownPlanner.plan(spec, fullSetup());

        List<Kind> order = plan.changes().stream().map(TeardownItem::kind).toList();
        assertThat(order).isSortedAccordingTo(Enum::compareTo);
        assertThat(order.get(0)).isEqualTo(Kind.CREDENTIALS_PROFILE);
    }

    @Test
    void keepsOtherStatementsAndPublicAccessBlock() {
        BucketState bucket =
                bucket(policy(OUR_STATEMENT, FOREIGN_STATEMENT), List.of(OUR_RULE), TeardownPlanner.SET_BY_SETUP);

        TeardownPlan plan = TeardownPlanner.plan(spec, withBucket(fullSetup(), bucket));

        assertThat(item(plan, Kind.BUCKET_POLICY_STATEMENT).action()).isEqualTo(Action.DELETE);
        assertThat(item(plan, Kind.PUBLIC_ACCESS_BLOCK).action()).isEqualTo(Action.KEEP);
        assertThat(item(plan, Kind.PUBLIC_ACCESS_BLOCK).reason()).contains("other bucket policy statements stay");
    }

    @Test
    void leavesBlockThatSetupDidNotSet() {
        BucketState bucket = bucket(policy(OUR_STATEMENT), List.of(OUR_RULE), TeardownPlanner.ALL_BLOCKED);

        TeardownPlan plan = TeardownPlanner.plan(spec, withBucket(fullSetup(), bucket));

        assertThat(plan.items()).noneMatch(item -> item.kind() == Kind.PUBLIC_ACCESS_BLOCK);
    }

    @Test
    void reportsMissingStatementAndRule() {
        BucketState bucket = bucket(policy(FOREIGN_STATEMENT), List.of(FOREIGN_RULE), null);

        TeardownPlan plan = TeardownPlanner.plan(spec, withBucket(fullSetup(), bucket));

        assertThat(item(plan, Kind.BUCKET_POLICY_STATEMENT).action()).isEqualTo(Action.ABSENT);
        assertThat(item(plan, Kind.CORS_RULE).action()).isEqualTo(Action.ABSENT);
    }

    @Test
    void deletesRuleAmongOthers() {
        BucketState bucket = bucket(null, List.of(FOREIGN_RULE, OUR_RULE), null);

        TeardownPlan plan = TeardownPlanner.plan(spec, withBucket(fullSetup(), bucket));

        assertThat(item(plan, Kind.CORS_RULE).action()).isEqualTo(Action.DELETE);
        assertThat(item(plan, Kind.BUCKET_POLICY_STATEMENT).action()).isEqualTo(Action.ABSENT);
    }

    @Test
    void keepsUserWithoutOurTag() {
        UserState foreign = new UserState(USER, false, List.of(KEY), List.of(POLICY_ARN));
        TeardownState state = fullSetup();
        state = new TeardownState(
                state.account(), Optional.of(foreign), state.policy(), state.bucket(), state.profile());

        TeardownPlan plan = TeardownPlanner.plan(spec, state);

        assertThat(item(plan, Kind.USER).action()).isEqualTo(Action.KEEP);
        assertThat(item(plan, Kind.USER).reason()).contains("no tag created-by=liveupdate-maven-plugin");
        assertThat(plan.items()).noneMatch(item -> item.kind() == Kind.ACCESS_KEY);
        assertThat(item(plan, Kind.CREDENTIALS_PROFILE).action()).isEqualTo(Action.KEEP);
        assertThat(item(plan, Kind.POLICY_ATTACHMENT).action()).isEqualTo(Action.DELETE);
        assertThat(item(plan, Kind.POLICY).action()).isEqualTo(Action.DELETE);
    }

    @Test
    void keepsPolicyWithoutOurTag() {
        TeardownState state = fullSetup();
        PolicyState foreign = new PolicyState(POLICY_ARN, false, List.of(), List.of("user " + USER));
        state = new TeardownState(state.account(), state.user(), Optional.of(foreign), state.bucket(), state.profile());

        TeardownPlan plan = TeardownPlanner.plan(spec, state);

        assertThat(item(plan, Kind.POLICY).action()).isEqualTo(Action.KEEP);
        assertThat(item(plan, Kind.POLICY_ATTACHMENT).action()).isEqualTo(Action.DELETE);
    }

    @Test
    void keepsPolicyAttachedElsewhere() {
        TeardownState state = fullSetup();
        PolicyState shared =
                new PolicyState(POLICY_ARN, true, List.of("v1"), List.of("user " + USER, "group uploaders"));
        state = new TeardownState(state.account(), state.user(), Optional.of(shared), state.bucket(), state.profile());

        TeardownPlan plan = TeardownPlanner.plan(spec, state);

        assertThat(item(plan, Kind.POLICY).action()).isEqualTo(Action.KEEP);
        assertThat(item(plan, Kind.POLICY).reason()).contains("group uploaders");
        assertThat(plan.items()).noneMatch(item -> item.kind() == Kind.POLICY_VERSION);
    }

    @Test
    void deletesNonDefaultVersionsBeforePolicy() {
        TeardownState state = fullSetup();
        PolicyState versioned = new PolicyState(POLICY_ARN, true, List.of("v1", "v2"), List.of("user " + USER));
        state = new TeardownState(
                state.account(), state.user(), Optional.of(versioned), state.bucket(), state.profile());

        List<Kind> kinds = TeardownPlanner.plan(spec, state).changes().stream()
                .map(TeardownItem::kind)
                .filter(kind -> kind == Kind.POLICY_VERSION || kind == Kind.POLICY)
                .toList();

        assertThat(kinds).containsExactly(Kind.POLICY_VERSION, Kind.POLICY_VERSION, Kind.POLICY);
    }

    @Test
    void keepsProfileWithOtherKey() {
        TeardownState state = withProfile(fullSetup(), OTHER_KEY, Set.of("region"));

        TeardownPlan plan = TeardownPlanner.plan(spec, state);

        assertThat(item(plan, Kind.CREDENTIALS_PROFILE).action()).isEqualTo(Action.KEEP);
        assertThat(plan.items()).noneMatch(item -> item.kind() == Kind.CONFIG_PROFILE);
    }

    @Test
    void keepsConfigSectionWithOtherKeys() {
        TeardownState state = withProfile(fullSetup(), KEY, Set.of("region", "output"));

        TeardownPlan plan = TeardownPlanner.plan(spec, state);

        assertThat(item(plan, Kind.CREDENTIALS_PROFILE).action()).isEqualTo(Action.DELETE);
        assertThat(item(plan, Kind.CONFIG_PROFILE).action()).isEqualTo(Action.KEEP);
        assertThat(item(plan, Kind.CONFIG_PROFILE).reason()).contains("output");
    }

    @Test
    void masksKeyIdsInPlanLines() {
        TeardownPlan plan = TeardownPlanner.plan(spec, fullSetup());

        assertThat(plan.items()).noneMatch(item -> item.describe().contains(KEY));
        assertThat(item(plan, Kind.ACCESS_KEY).describe()).contains("AKIA************0001");
    }

    @Test
    void plansObjectsAndBucketWithDeleteBucket() {
        TeardownSpec deleting = new TeardownSpec(BUCKET, null, null, "liveupdate", true, null, false);
        BucketState bucket = new BucketState("eu-west-1", policy(OUR_STATEMENT), List.of(OUR_RULE), null, 3);

        TeardownPlan plan = TeardownPlanner.plan(deleting, withBucket(fullSetup(), bucket));

        assertThat(item(plan, Kind.OBJECTS).action()).isEqualTo(Action.DELETE);
        assertThat(item(plan, Kind.OBJECTS).what()).contains("3 object versions");
        assertThat(item(plan, Kind.BUCKET).action()).isEqualTo(Action.DELETE);
        assertThat(plan.items()).noneMatch(item -> item.kind() == Kind.BUCKET_POLICY_STATEMENT);
    }

    @Test
    void findsNothingAfterTeardown() {
        ProfileState noProfile = new ProfileState(
                "credentials", "config", new ProfileRemover.Sections(false, Optional.empty(), Optional.empty()));
        TeardownState empty = new TeardownState(
                "123456789012",
                Optional.empty(),
                Optional.empty(),
                Optional.of(bucket(null, List.of(), TeardownPlanner.ALL_BLOCKED)),
                noProfile);

        TeardownPlan plan = TeardownPlanner.plan(spec, empty);

        assertThat(plan.hasChanges()).isFalse();
        assertThat(kindsWith(plan, Action.ABSENT))
                .containsExactly(
                        Kind.CREDENTIALS_PROFILE, Kind.POLICY, Kind.USER, Kind.BUCKET_POLICY_STATEMENT, Kind.CORS_RULE);
    }

    @Test
    void confirmsOnlyWithBucketName() {
        assertThat(new TeardownSpec(BUCKET, null, null, "p", false, " my-game-lu ", false).isConfirmed())
                .isTrue();
        assertThat(new TeardownSpec(BUCKET, null, null, "p", false, "yes", false).isConfirmed())
                .isFalse();
        assertThat(new TeardownSpec(BUCKET, null, null, "p", false, null, false).isConfirmed())
                .isFalse();
    }

    private static TeardownState fullSetup() {
        return new TeardownState(
                "123456789012",
                Optional.of(new UserState(USER, true, List.of(KEY), List.of(POLICY_ARN))),
                Optional.of(new PolicyState(POLICY_ARN, true, List.of(), List.of("user " + USER))),
                Optional.of(bucket(policy(OUR_STATEMENT), List.of(OUR_RULE), TeardownPlanner.SET_BY_SETUP)),
                new ProfileState(
                        "credentials",
                        "config",
                        new ProfileRemover.Sections(true, Optional.of(KEY), Optional.of(Set.of("region")))));
    }

    private static TeardownState withBucket(TeardownState state, BucketState bucket) {
        return new TeardownState(state.account(), state.user(), state.policy(), Optional.of(bucket), state.profile());
    }

    private static TeardownState withProfile(TeardownState state, String keyId, Set<String> configKeys) {
        ProfileState profile = new ProfileState(
                "credentials",
                "config",
                new ProfileRemover.Sections(true, Optional.of(keyId), Optional.of(configKeys)));
        return new TeardownState(state.account(), state.user(), state.policy(), state.bucket(), profile);
    }

    private static BucketState bucket(String policy, List<CORSRule> rules, PublicAccessBlockConfiguration block) {
        return new BucketState("eu-west-1", policy, rules, block, -1);
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static TeardownItem item(TeardownPlan plan, Kind kind) {
        return plan.items().stream()
                .filter(item -> item.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item of kind " + kind + " in " + plan));
    }

    private static List<Kind> kindsWith(TeardownPlan plan, Action action) {
        return plan.withAction(action).stream().map(TeardownItem::kind).toList();
    }
}

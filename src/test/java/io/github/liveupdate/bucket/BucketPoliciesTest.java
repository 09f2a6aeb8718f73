package io.github.liveupdate.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import org.junit.jupiter.api.Test;

class BucketPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FOREIGN_STATEMENT = "{\"Sid\":\"CdnRead\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/cdn\"},\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::my-game-lu/*\"}";

    private static ObjectNode ours() {
        return BucketPolicies.publicReadStatement("LiveUpdatePublicRead", "aws", "my-game-lu", "game/v1");
    }

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void publicReadStatementCoversPrefix() {
        assertThat(ours().get("Resource").asText()).isEqualTo("arn:aws:s3:::my-game-lu/game/v1/*");
    }

    @Test
    void publicReadStatementCoversWholeBucketWithoutPrefix() {
        ObjectNode statement = BucketPolicies.publicReadStatement("Sid1", "aws-cn", "my-game-lu", "");
        assertThat(statement.get("Resource").asText()).isEqualTo("arn:aws-cn:s3:::my-game-lu/*");
    }

    @Test
    void publicReadStatementAllowsGetObjectToEveryone() throws Exception {
        assertThat(ours())
                .isEqualTo(parse("{\"Sid\":\"LiveUpdatePublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::my-game-lu/game/v1/*\"}"));
    }

    @Test
    void createsPolicyWhenNoneExists() throws Exception {
        BucketPolicies.Change change = BucketPolicies.withStatement(null, ours());

        assertThat(change.outcome()).isEqualTo(Outcome.CREATED);
        JsonNode policy = parse(change.policy().orElseThrow());
        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.get("Statement")).containsExactly(ours());
    }

    @Test
    void keepsOtherStatements() throws Exception {
        String existing = "{\"Version\":\"2012-10-17\",\"Id\":\"Existing\",\"Statement\":[" + FOREIGN_STATEMENT + "]}";

        BucketPolicies.Change change = BucketPolicies.withStatement(existing, ours());

        assertThat(change.outcome()).isEqualTo(Outcome.CREATED);
        JsonNode policy = parse(change.policy().orElseThrow());
        assertThat(policy.get("Id").asText()).isEqualTo("Existing");
        assertThat(policy.get("Statement")).containsExactly(parse(FOREIGN_STATEMENT), ours());
    }

    @Test
    void acceptsSingleStatementObject() throws Exception {
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":" + FOREIGN_STATEMENT + "}";

        BucketPolicies.Change change = BucketPolicies.withStatement(existing, ours());

        JsonNode policy = parse(change.policy().orElseThrow());
        assertThat(policy.get("Statement")).containsExactly(parse(FOREIGN_STATEMENT), ours());
    }

    @Test
    void replacesOurStatementBySid() throws Exception {
        String old = "{\"Sid\":\"LiveUpdatePublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::my-game-lu/old/*\"}";
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + old + "," + FOREIGN_STATEMENT + "]}";

        BucketPolicies.Change change = BucketPolicies.withStatement(existing, ours());

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
        JsonNode policy = parse(change.policy().orElseThrow());
        assertThat(policy.get("Statement")).containsExactly(ours(), parse(FOREIGN_STATEMENT));
    }

    @Test
    void unchangedWhenEqualInAnotherKeyOrder() {
        String reordered = "{\"Resource\":[\"arn:aws:s3:::my-game-lu/game/v1/*\"],\"Action\":[\"s3:GetObject\"],"
                + "\"Principal\":\"*\",\"Effect\":\"Allow\",\"Sid\":\"LiveUpdatePublicRead\"}";
        String existing = "{\"Statement\":[" + FOREIGN_STATEMENT + "," + reordered + "],\"Version\":\"2012-10-17\"}";

        BucketPolicies.Change change = BucketPolicies.withStatement(existing, ours());

        assertThat(change.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(change.policy()).hasValue(existing);
    }

    @Test
    void updatesWhenActionDiffers() {
        String wider = "{\"Sid\":\"LiveUpdatePublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::my-game-lu/game/v1/*\"}";
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + wider + "]}";

        BucketPolicies.Change change = BucketPolicies.withStatement(existing, ours());

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void semanticEqualityIgnoresListOrder() throws Exception {
        JsonNode a = parse("{\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"]}");
        JsonNode b = parse("{\"Action\":[\"s3:ListBucket\",\"s3:GetObject\"]}");

        assertThat(BucketPolicies.semanticallyEqual(a, b)).isTrue();
    }

    @Test
    void removesOurStatement() throws Exception {
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + FOREIGN_STATEMENT + "," + ours() + "]}";

        BucketPolicies.Change change = BucketPolicies.withoutStatement(existing, "LiveUpdatePublicRead");

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
        JsonNode policy = parse(change.policy().orElseThrow());
        assertThat(policy.get("Statement")).containsExactly(parse(FOREIGN_STATEMENT));
    }

    @Test
    void removingOnlyStatementDeletesPolicy() {
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + ours() + "]}";

        BucketPolicies.Change change = BucketPolicies.withoutStatement(existing, "LiveUpdatePublicRead");

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(change.policy()).isEmpty();
    }

    @Test
    void removingAbsentStatementChangesNothing() {
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + FOREIGN_STATEMENT + "]}";

        BucketPolicies.Change change = BucketPolicies.withoutStatement(existing, "LiveUpdatePublicRead");

        assertThat(change.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void removingFromMissingPolicyChangesNothing() {
        BucketPolicies.Change change = BucketPolicies.withoutStatement(null, "LiveUpdatePublicRead");

        assertThat(change.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void rejectsInvalidJson() {
        assertThatThrownBy(() -> BucketPolicies.withStatement("{not json", ours()))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void escapesWildcardsInPrefix() {
        var statement = BucketPolicies.publicReadStatement("Sid1", "aws", "game-bucket", "game*");

        assertThat(statement.get("Resource").asText()).isEqualTo("arn:aws:s3:::game-bucket/game${*}/*");
    }
}

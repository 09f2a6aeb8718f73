package io.github.liveupdate.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.core.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CORSRule;

class CorsRulesTest {

    private static final CORSRule FOREIGN = CORSRule.builder()
            .id("Uploads")
            .allowedMethods("PUT")
            .allowedOrigins("https://admin.example.com")
            .build();

    private static final CORSRule UNNAMED = CORSRule.builder()
            .allowedMethods("GET")
            .allowedOrigins("https://other.example.com")
            .build();

    private static CORSRule ours() {
        return CorsRules.readRule("LiveUpdateCors", List.of("*"), List.of("*"), 3000);
    }

    @Test
    void readRuleAllowsGetAndHead() {
        assertThat(ours().allowedMethods()).containsExactly("GET", "HEAD");
    }

    @Test
    void addsRuleToEmptyConfiguration() {
        CorsRules.Change change = CorsRules.withRule(List.of(), ours());

        assertThat(change.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(change.rules()).containsExactly(ours());
    }

    @Test
    void keepsOtherRules() {
        CorsRules.Change change = CorsRules.withRule(List.of(FOREIGN, UNNAMED), ours());

        assertThat(change.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(change.rules()).containsExactly(FOREIGN, UNNAMED, ours());
    }

    @Test
    void replacesOurRuleById() {
        CORSRule old = CorsRules.readRule("LiveUpdateCors", List.of("https://old.example.com"), List.of("*"), 60);

        CorsRules.Change change = CorsRules.withRule(List.of(old, FOREIGN), ours());

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(change.rules()).containsExactly(ours(), FOREIGN);
    }

    @Test
    void unchangedWhenEqualInAnotherOrder() {
        CORSRule reordered = CORSRule.builder()
                .id("LiveUpdateCors")
                .allowedMethods("HEAD", "GET")
                .allowedOrigins("*")
                .allowedHeaders("*")
                .maxAgeSeconds(3000)
                .build();

        CorsRules.Change change = CorsRules.withRule(List.of(FOREIGN, reordered), ours());

        assertThat(change.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(change.rules()).containsExactly(FOREIGN, reordered);
    }

    @Test
    void updatesWhenMaxAgeDiffers() {
        CORSRule shorter = CorsRules.readRule("LiveUpdateCors", List.of("*"), List.of("*"), 60);

        CorsRules.Change change = CorsRules.withRule(List.of(shorter), ours());

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void updatesWhenExposeHeadersDiffer() {
        CORSRule exposing = ours().toBuilder().exposeHeaders("ETag").build();

        CorsRules.Change change = CorsRules.withRule(List.of(exposing), ours());

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void removesOurRule() {
        CorsRules.Change change = CorsRules.withoutRule(List.of(FOREIGN, ours(), UNNAMED), "LiveUpdateCors");

        assertThat(change.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(change.rules()).containsExactly(FOREIGN, UNNAMED);
    }

    @Test
    void removingOnlyRuleLeavesNoRules() {
        CorsRules.Change change = CorsRules.withoutRule(List.of(ours()), "LiveUpdateCors");

        assertThat(change.rules()).isEmpty();
    }

    @Test
    void removingAbsentRuleChangesNothing() {
        CorsRules.Change change = CorsRules.withoutRule(List.of(FOREIGN), "LiveUpdateCors");

        assertThat(change.outcome()).isEqualTo(Outcome.UNCHANGED);
    }
}

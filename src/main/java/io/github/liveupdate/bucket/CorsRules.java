package io.github.liveupdate.bucket;

import io.github.liveupdate.core.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * Adds, replaces and removes one CORS rule, found by its ID, in a bucket's CORS configuration and keeps
 * every other rule as it is. Works on the SDK's model objects only and sends no request.
 */
public final class CorsRules {

    /** The methods that a browser needs to fetch Live update content. */
    public static final List<String> ALLOWED_METHODS = List.of("GET", "HEAD");

    private CorsRules() {}

    /**
     * The rules to send after a change, and how the rule changed.
     *
     * @param outcome {@link Outcome#UNCHANGED} when nothing needs to be sent
     * @param rules the new rules; an empty list means the CORS configuration must be deleted, since S3
     *     rejects a configuration without rules
     */
    public record Change(Outcome outcome, List<CORSRule> rules) {}

    /** Builds a rule that lets browsers on the given origins GET and HEAD objects. */
    public static CORSRule readRule(
            String id, List<String> allowedOrigins, List<String> allowedHeaders, int maxAgeSeconds) {
        return CORSRule.builder()
                .id(id)
                .allowedMethods(ALLOWED_METHODS)
                .allowedOrigins(allowedOrigins)
                .allowedHeaders(allowedHeaders)
                .maxAgeSeconds(maxAgeSeconds)
                .build();
    }

    /**
     * Puts {@code rule} into the rules: it replaces the rule with the same ID where there is one, else it is
     * appended. The outcome is {@link Outcome#UNCHANGED} when an equal rule is there already,
     * {@link Outcome#UPDATED} when the rule with that ID differs, else {@link Outcome#CREATED}.
     */
    public static Change withRule(List<CORSRule> existing, CORSRule rule) {
        List<CORSRule> rules = new ArrayList<>(existing);
        int index = indexOfId(rules, rule.id());
        if (index < 0) {
            rules.add(rule);
            return new Change(Outcome.CREATED, List.copyOf(rules));
        }
        if (semanticallyEqual(rules.get(index), rule)) {
            return new Change(Outcome.UNCHANGED, List.copyOf(existing));
        }
        rules.set(index, rule);
        return new Change(Outcome.UPDATED, List.copyOf(rules));
    }

    /**
     * Removes the rule with the given ID. The outcome is {@link Outcome#UNCHANGED} when there is no such
     * rule, else {@link Outcome#UPDATED}.
     */
    public static Change withoutRule(List<CORSRule> existing, String id) {
        List<CORSRule> rules = new ArrayList<>(existing);
        int index = indexOfId(rules, id);
        if (index < 0) {
            return new Change(Outcome.UNCHANGED, List.copyOf(existing));
        }
        rules.remove(index);
        return new Change(Outcome.UPDATED, List.copyOf(rules));
    }

    /**
     * Returns whether two rules allow the same requests: the order of origins, methods and headers does not
     * matter, and a missing list equals an empty one.
     */
    static boolean semanticallyEqual(CORSRule a, CORSRule b) {
        return Objects.equals(a.id(), b.id())
                && sameElements(a.allowedMethods(), b.allowedMethods())
                && sameElements(a.allowedOrigins(), b.allowedOrigins())
                && sameElements(a.allowedHeaders(), b.allowedHeaders())
                && sameElements(a.exposeHeaders(), b.exposeHeaders())
                && Objects.equals(a.maxAgeSeconds(), b.maxAgeSeconds());
    }

    private static boolean sameElements(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    private static int indexOfId(List<CORSRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (id.equals(rules.get(i).id())) {
                return i;
            }
        }
        return -1;
    }
}

package io.github.liveupdate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsPreflightTest {

    private static final String ORIGIN = "https://example.com";

    @Test
    void acceptsAnyOrigin() {
        assertThat(CorsPreflight.problem(response(200, "*", "GET, HEAD"), ORIGIN))
                .isEmpty();
    }

    @Test
    void acceptsEchoedOrigin() {
        assertThat(CorsPreflight.problem(response(200, ORIGIN, "GET"), ORIGIN)).isEmpty();
    }

    @Test
    void readsHeaderNamesInAnyCase() {
        PublicResponse response = new PublicResponse(
                200,
                Map.of("access-control-allow-origin", List.of("*"), "ACCESS-CONTROL-ALLOW-METHODS", List.of("get")),
                new byte[0]);

        assertThat(CorsPreflight.problem(response, ORIGIN)).isEmpty();
    }

    @Test
    void rejectsForbiddenStatus() {
        Optional<String> problem = CorsPreflight.problem(response(403, null, null), ORIGIN);

        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("HTTP 403"));
    }

    @Test
    void rejectsMissingAllowOrigin() {
        Optional<String> problem = CorsPreflight.problem(response(200, null, "GET"), ORIGIN);

        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("no Access-Control-Allow-Origin"));
    }

    @Test
    void rejectsOtherOrigin() {
        Optional<String> problem = CorsPreflight.problem(response(200, "https://other.org", "GET"), ORIGIN);

        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("'https://other.org'"));
    }

    @Test
    void rejectsMethodsWithoutGet() {
        Optional<String> problem = CorsPreflight.problem(response(200, "*", "PUT, HEAD"), ORIGIN);

        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("without GET"));
    }

    @Test
    void rejectsMethodNamedLikeGet() {
        Optional<String> problem = CorsPreflight.problem(response(200, "*", "GETS"), ORIGIN);

        assertThat(problem).isPresent();
    }

    @Test
    void rejectsMissingAllowMethods() {
        Optional<String> problem = CorsPreflight.problem(response(200, "*", null), ORIGIN);

        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("missing"));
    }

    private static PublicResponse response(int status, String allowOrigin, String allowMethods) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        if (allowOrigin != null) {
            headers.put("Access-Control-Allow-Origin", List.of(allowOrigin));
        }
        if (allowMethods != null) {
            headers.put("Access-Control-Allow-Methods", List.of(allowMethods));
        }
        return new PublicResponse(status, headers, new byte[0]);
    }
}

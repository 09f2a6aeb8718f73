package io.github.liveupdate.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketSpecTest {

    private static BucketSpec spec(String bucket, String prefix, List<String> origins, int maxAge) {
        return new BucketSpec(bucket, prefix, true, true, origins, List.of("*"), maxAge);
    }

    @Test
    void trimsBucketName() {
        assertThat(spec(" my-game-lu ", "", null, 3000).bucket()).isEqualTo("my-game-lu");
    }

    @Test
    void rejectsInvalidBucketName() {
        assertThatThrownBy(() -> spec("My_Bucket", "", null, 3000))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("lowercase letters");
    }

    @Test
    void normalizesPrefix() {
        assertThat(spec("my-game-lu", "game/v1/", null, 3000).prefix()).isEqualTo("game/v1");
    }

    @Test
    void missingPrefixIsEmpty() {
        assertThat(spec("my-game-lu", null, null, 3000).prefix()).isEmpty();
    }

    @Test
    void missingOriginsAllowAny() {
        assertThat(spec("my-game-lu", "", null, 3000).corsAllowedOrigins()).containsExactly("*");
    }

    @Test
    void dropsBlankOrigins() {
        List<String> origins = Arrays.asList(" https://a.example.com ", "", null);

        assertThat(spec("my-game-lu", "", origins, 3000).corsAllowedOrigins()).containsExactly("https://a.example.com");
    }

    @Test
    void rejectsOriginWithTwoWildcards() {
        assertThatThrownBy(() -> spec("my-game-lu", "", List.of("https://*.*.example.com"), 3000))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("at most one '*' wildcard");
    }

    @Test
    void rejectsNegativeMaxAge() {
        assertThatThrownBy(() -> spec("my-game-lu", "", null, -1))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.corsMaxAgeSeconds");
    }
}

package io.github.liveupdate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.defold.Manifest;
import io.github.liveupdate.defold.ResourceEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestCoverageTest {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);
    private static final String BUNDLED = "d".repeat(40);

    private final Manifest manifest = new Manifest(List.of(
            new ResourceEntry("/main/a.texturec", A, ResourceEntry.EXCLUDED),
            new ResourceEntry("/main/b.texturec", B, ResourceEntry.EXCLUDED),
            new ResourceEntry("/main/b2.texturec", B, ResourceEntry.EXCLUDED),
            new ResourceEntry("/main/c.texturec", C, ResourceEntry.EXCLUDED),
            new ResourceEntry("/main/main.scriptc", BUNDLED, 0)));

    @Test
    void findsNothingMissingWhenEveryResourceExists() {
        assertThat(ManifestCoverage.missing(manifest, Set.of(A, B, C)::contains))
                .isEmpty();
    }

    @Test
    void ignoresBundledResources() {
        assertThat(ManifestCoverage.missing(manifest, Set.of(A, B, C)::contains))
                .doesNotContain(BUNDLED);
    }

    @Test
    void listsMissingOnceInManifestOrder() {
        assertThat(ManifestCoverage.missing(manifest, Set.of(A)::contains)).containsExactly(B, C);
    }

    @Test
    void describesCountAndNames() {
        String text = ManifestCoverage.describe(List.of(B), 3, "s3://game/v1/");

        assertThat(text).isEqualTo("1 of 3 Live update resources of the manifest is missing from s3://game/v1/: " + B);
    }

    @Test
    void namesFirstThreeOfMany() {
        String text = ManifestCoverage.describe(List.of("1", "2", "3", "4", "5"), 9, "s3://game/");

        assertThat(text).endsWith(": 1, 2, 3 and 2 more");
    }

    @Test
    void describesSingleResourceManifest() {
        String text = ManifestCoverage.describe(List.of(A), 1, "s3://game/");

        assertThat(text).startsWith("1 of 1 Live update resource of the manifest is missing");
    }
}

package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.defold.Manifest;
import io.github.liveupdate.defold.ResourceEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletenessCheckTest {

    private final Manifest manifest = new Manifest(List.of(
            new ResourceEntry("/a", "aa", ResourceEntry.EXCLUDED),
            new ResourceEntry("/b", "bb", ResourceEntry.EXCLUDED),
            new ResourceEntry("/b2", "bb", ResourceEntry.EXCLUDED),
            new ResourceEntry("/c", "cc", ResourceEntry.EXCLUDED),
            new ResourceEntry("/bundled", "dd", 1)));

    @Test
    void findsNothingWhenSourceHasAll() {
        Set<String> source = Set.of("aa", "bb", "cc");

        assertThat(CompletenessCheck.findMissing(manifest, source::contains, name -> false))
                .isEmpty();
    }

    @Test
    void acceptsResourcesAlreadyInBucket() {
        Set<String> source = Set.of("aa");
        Set<String> bucket = Set.of("bb", "cc");

        assertThat(CompletenessCheck.findMissing(manifest, source::contains, bucket::contains))
                .isEmpty();
    }

    @Test
    void reportsMissingWithEveryUrl() {
        Set<String> source = Set.of("aa", "cc");

        List<CompletenessCheck.Missing> missing =
                CompletenessCheck.findMissing(manifest, source::contains, name -> false);

        assertThat(missing).containsExactly(new CompletenessCheck.Missing("bb", List.of("/b", "/b2")));
    }

    @Test
    void ignoresBundledResources() {
        Set<String> source = Set.of("aa", "bb", "cc");

        assertThat(CompletenessCheck.findMissing(manifest, source::contains, name -> false))
                .extracting(CompletenessCheck.Missing::hash)
                .doesNotContain("dd");
    }

    @Test
    void messageNamesFirstFiveAndCountsRest() {
        List<CompletenessCheck.Missing> missing = List.of(
                new CompletenessCheck.Missing("h1", List.of("/1")),
                new CompletenessCheck.Missing("h2", List.of("/2")),
                new CompletenessCheck.Missing("h3", List.of("/3")),
                new CompletenessCheck.Missing("h4", List.of("/4")),
                new CompletenessCheck.Missing("h5", List.of("/5")),
                new CompletenessCheck.Missing("h6", List.of("/6")),
                new CompletenessCheck.Missing("h7", List.of("/7")));

        String message = CompletenessCheck.failure(missing, "game.zip").getMessage();

        assertThat(message).contains("7 Live update resources");
        assertThat(message).contains("h5 (/5)");
        assertThat(message).doesNotContain("h6");
        assertThat(message).contains("and 2 more");
        assertThat(message).contains("Nothing was uploaded");
    }
}

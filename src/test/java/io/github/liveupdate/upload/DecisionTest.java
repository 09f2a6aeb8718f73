package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    private final RemoteListing listing =
            new RemoteListing(Map.of(HASH, 100L, "liveupdate.game.dmanifest", 50L, "game.zip", 10L), true);

    @Test
    void skipsResourceOfSameSize() {
        assertThat(Decision.of(HASH, 100, listing)).isEqualTo(Decision.SKIP);
    }

    @Test
    void uploadsResourceOfOtherSize() {
        assertThat(Decision.of(HASH, 101, listing)).isEqualTo(Decision.UPLOAD);
    }

    @Test
    void uploadsAbsentResource() {
        assertThat(Decision.of("ffffffffffffffffffffffffffffffffffffffff", 100, listing))
                .isEqualTo(Decision.UPLOAD);
    }

    @Test
    void comparesChecksumOfManifestOfSameSize() {
        assertThat(Decision.of("liveupdate.game.dmanifest", 50, listing)).isEqualTo(Decision.COMPARE_CHECKSUM);
    }

    @Test
    void uploadsManifestOfOtherSize() {
        assertThat(Decision.of("liveupdate.game.dmanifest", 51, listing)).isEqualTo(Decision.UPLOAD);
    }

    @Test
    void comparesChecksumOfArchive() {
        assertThat(Decision.of("game.zip", 10, listing)).isEqualTo(Decision.COMPARE_CHECKSUM);
    }

    @Test
    void uploadsEverythingWithoutListing() {
        assertThat(Decision.of(HASH, 100, RemoteListing.unavailable())).isEqualTo(Decision.UPLOAD);
    }
}

package io.github.liveupdate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyIdsTest {

    @Test
    void masksAllButFirstAndLastFour() {
        assertThat(KeyIds.mask("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA************MPLE");
    }

    @Test
    void masksShortIdsWhole() {
        assertThat(KeyIds.mask("AKIA1234")).isEqualTo("********");
    }

    @Test
    void masksSecretFormWhole() {
        // A profile with id and secret swapped gives mask() the secret, of which no character may show.
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        assertThat(KeyIds.mask(secret)).isEqualTo("*".repeat(secret.length()));
    }

    @Test
    void namesMissingId() {
        assertThat(KeyIds.mask(null)).isEqualTo("(none)");
    }

    @Test
    void acceptsKeyIdForm() {
        assertThat(KeyIds.isWellFormed("AKIAIOSFODNN7EXAMPLE")).isTrue();
    }

    @Test
    void rejectsSecretForm() {
        assertThat(KeyIds.isWellFormed("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .isFalse();
    }

    @Test
    void acceptsShortIdOfOtherStores() {
        assertThat(KeyIds.isWellFormed("minioadmin")).isTrue();
    }

    @Test
    void seesSwappedPairWithoutSlash() {
        assertThat(KeyIds.looksSwapped("wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12", "AKIAIOSFODNN7EXAMPLE"))
                .isTrue();
    }

    @Test
    void acceptsPairInOrder() {
        assertThat(KeyIds.looksSwapped("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12"))
                .isFalse();
    }

    @Test
    void rejectsMissingId() {
        assertThat(KeyIds.isWellFormed(null)).isFalse();
    }

    @Test
    void pairToStringHidesSecret() {
        AccessKeyPair pair = new AccessKeyPair("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        assertThat(pair.toString()).doesNotContain("wJalr");
        assertThat(pair.toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(pair.toString()).contains("AKIA************MPLE");
    }
}

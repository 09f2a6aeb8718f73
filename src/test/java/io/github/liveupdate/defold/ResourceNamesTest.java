package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void acceptsSha1Hex() {
        assertThat(ResourceNames.isResourceName("0123456789abcdef0123456789abcdef01234567"))
                .isTrue();
    }

    @Test
    void acceptsDigestLengthsOfDefoldAlgorithms() {
        assertThat(ResourceNames.isResourceName("a".repeat(32))).isTrue();
        assertThat(ResourceNames.isResourceName("a".repeat(64))).isTrue();
        assertThat(ResourceNames.isResourceName("a".repeat(128))).isTrue();
    }

    @Test
    void rejectsUppercaseHex() {
        assertThat(ResourceNames.isResourceName("0123456789ABCDEF0123456789abcdef01234567"))
                .isFalse();
    }

    @Test
    void rejectsOtherLengths() {
        assertThat(ResourceNames.isResourceName("a".repeat(39))).isFalse();
        assertThat(ResourceNames.isResourceName("a".repeat(41))).isFalse();
    }

    @Test
    void rejectsManifestName() {
        assertThat(ResourceNames.isResourceName(ResourceNames.MANIFEST)).isFalse();
    }

    @Test
    void formatsHexWithLeadingZeros() {
        assertThat(ResourceNames.hex(new byte[] {0, 15, (byte) 0xAB})).isEqualTo("000fab");
    }
}

package io.github.liveupdate.defold;

import static io.github.liveupdate.defold.ProtobufReaderTest.concat;
import static io.github.liveupdate.defold.ProtobufReaderTest.tag;
import static io.github.liveupdate.defold.ProtobufReaderTest.varint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.testing.LiveUpdateFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

    private static final String HASH_A = "00112233445566778899aabbccddeeff00112233";
    private static final String HASH_B = "ffeeddccbbaa99887766554433221100ffeeddcc";

    @Test
    void readsUrlHashAndFlags() {
        byte[] manifest = manifestFile(resource("/main/a.texturec", HASH_A, 2));

        Manifest read = ManifestReader.read(manifest, "test");

        assertThat(read.resources()).containsExactly(new ResourceEntry("/main/a.texturec", HASH_A, 2));
    }

    @Test
    void excludedFlagMarksLiveUpdateResources() {
        byte[] manifest = manifestFile(
                resource("/main/bundled.scriptc", HASH_A, 1), resource("/main/level.texturec", HASH_B, 2 | 8));

        Manifest read = ManifestReader.read(manifest, "test");

        assertThat(read.excludedResources()).containsOnlyKeys(HASH_B);
    }

    @Test
    void groupsUrlsOfOneHash() {
        byte[] manifest = manifestFile(
                resource("/main/a.texturec", HASH_A, 2),
                resource("/main/b.texturec", HASH_B, 2),
                resource("/copy/a.texturec", HASH_A, 2));

        Map<String, List<String>> excluded =
                ManifestReader.read(manifest, "test").excludedResources();

        assertThat(excluded.get(HASH_A)).containsExactly("/main/a.texturec", "/copy/a.texturec");
        assertThat(excluded.keySet()).containsExactly(HASH_A, HASH_B);
    }

    @Test
    void skipsUnknownFieldsAtEveryLevel() {
        byte[] entry = concat(
                varint(tag(2, ProtobufReader.VARINT)),
                varint(123456789L),
                varint(tag(1, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited("/x.texturec".getBytes(StandardCharsets.UTF_8)),
                varint(tag(4, ProtobufReader.FIXED64)),
                new byte[8],
                varint(tag(3, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited(concat(
                        varint(tag(9, ProtobufReader.FIXED32)),
                        new byte[4],
                        varint(tag(1, ProtobufReader.LENGTH_DELIMITED)),
                        lengthDelimited(unhex(HASH_A)))),
                varint(tag(5, ProtobufReader.VARINT)),
                varint(2),
                varint(tag(6, ProtobufReader.START_GROUP)),
                varint(tag(1, ProtobufReader.VARINT)),
                varint(1),
                varint(tag(6, ProtobufReader.END_GROUP)));
        byte[] data = concat(
                varint(tag(1, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited(new byte[] {8, 2}),
                varint(tag(3, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited(entry),
                varint(tag(20, ProtobufReader.FIXED32)),
                new byte[4]);
        byte[] manifest = concat(
                varint(tag(4, ProtobufReader.VARINT)),
                varint(7),
                varint(tag(1, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited(data),
                varint(tag(2, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited(new byte[] {1, 2, 3}));

        Manifest read = ManifestReader.read(manifest, "test");

        assertThat(read.resources()).containsExactly(new ResourceEntry("/x.texturec", HASH_A, 2));
    }

    @Test
    void readsFixtureManifest() {
        LiveUpdateFixtures fixtures = LiveUpdateFixtures.seeded(3).resources(8).missingResources(1);

        Manifest read = ManifestReader.read(fixtures.manifest(), "fixture");

        assertThat(read.excludedResources()).hasSize(9);
        assertThat(read.excludedResources().get(fixtures.resource(3).hash()))
                .containsExactlyElementsOf(fixtures.resource(3).urls());
        assertThat(read.resources())
                .filteredOn(resource -> !resource.excluded())
                .hasSize(3);
    }

    @Test
    void emptyManifestIsRejected() {
        assertThatThrownBy(() -> ManifestReader.read(new byte[0], "test"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("no manifest data");
    }

    @Test
    void rejectsTruncatedManifest() {
        byte[] manifest = manifestFile(resource("/main/a.texturec", HASH_A, 2));
        byte[] truncated = java.util.Arrays.copyOf(manifest, manifest.length - 3);

        assertThatThrownBy(() -> ManifestReader.read(truncated, "game.zip"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("game.zip")
                .hasMessageContaining("not a valid Defold manifest");
    }

    @Test
    void rejectsExcludedResourceWithoutHash() {
        byte[] entry = concat(
                varint(tag(1, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited("/a".getBytes(StandardCharsets.UTF_8)),
                varint(tag(5, ProtobufReader.VARINT)),
                varint(2));
        byte[] manifest = manifestFile(entry);

        assertThatThrownBy(() -> ManifestReader.read(manifest, "test"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'/a' has no hash");
    }

    private static byte[] manifestFile(byte[]... entries) {
        byte[][] fields = new byte[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            fields[i] = concat(varint(tag(3, ProtobufReader.LENGTH_DELIMITED)), lengthDelimited(entries[i]));
        }
        return concat(varint(tag(1, ProtobufReader.LENGTH_DELIMITED)), lengthDelimited(concat(fields)));
    }

    private static byte[] resource(String url, String hash, int flags) {
        return concat(
                varint(tag(1, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited(url.getBytes(StandardCharsets.UTF_8)),
                varint(tag(3, ProtobufReader.LENGTH_DELIMITED)),
                lengthDelimited(concat(varint(tag(1, ProtobufReader.LENGTH_DELIMITED)), lengthDelimited(unhex(hash)))),
                varint(tag(5, ProtobufReader.VARINT)),
                varint(flags));
    }

    private static byte[] lengthDelimited(byte[] bytes) {
        return concat(varint(bytes.length), bytes);
    }

    private static byte[] unhex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}

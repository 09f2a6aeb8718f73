package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class CrcCheckedStreamTest {

    private static final byte[] BYTES = "live update resource bytes".getBytes();

    @Test
    void readsMatchingEntryWhole() throws IOException {
        try (InputStream in = stream(crcOf(BYTES))) {
            assertThat(in.readAllBytes()).isEqualTo(BYTES);
        }
    }

    @Test
    void failsOnReadOfLastByte() throws IOException {
        try (InputStream in = stream(crcOf(BYTES) ^ 1)) {
            in.readNBytes(BYTES.length - 1);

            assertThatThrownBy(in::read)
                    .isInstanceOf(CrcCheckedStream.CorruptEntryException.class)
                    .hasMessageContaining("Entry e of zip z.zip is corrupt");
        }
    }

    @Test
    void countsSkippedBytes() throws IOException {
        try (InputStream in = stream(crcOf(BYTES) ^ 1)) {
            in.skipNBytes(10);

            assertThatThrownBy(in::readAllBytes).isInstanceOf(CrcCheckedStream.CorruptEntryException.class);
        }
    }

    private static InputStream stream(long crc) {
        return new CrcCheckedStream(new ByteArrayInputStream(BYTES), crc, BYTES.length, "Entry e of zip z.zip");
    }

    private static long crcOf(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}

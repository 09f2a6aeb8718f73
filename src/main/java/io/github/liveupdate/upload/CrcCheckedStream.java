package io.github.liveupdate.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * Reads a zip entry and compares its CRC-32 with the one the zip records. {@link java.util.zip.ZipFile} does
 * not. The check runs on the read that reaches the entry's last byte, and on a mismatch that read fails
 * instead of returning the bytes, so a request body over the entry never completes and S3 stores nothing.
 */
final class CrcCheckedStream extends FilterInputStream {

    private final CRC32 crc = new CRC32();
    private final long expectedCrc;
    private final long size;
    private final String description;
    private long position;

    /**
     * @param in the entry's bytes
     * @param expectedCrc the CRC-32 that the zip records for the entry
     * @param size the entry's size that the zip records
     * @param description names the entry and the zip in the failure message
     */
    CrcCheckedStream(InputStream in, long expectedCrc, long size, String description) {
        super(in);
        this.expectedCrc = expectedCrc;
        this.size = size;
        this.description = description;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int read = in.read(buffer, offset, count);
        if (read > 0) {
            crc.update(buffer, offset, read);
            position += read;
            if (position == size) {
                check();
            }
        }
        return read;
    }

    @Override
    public long skip(long count) throws IOException {
        // Skipped bytes still count towards the CRC, so a part that starts inside the entry checks it too.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, count))];
        long skipped = 0;
        while (skipped < count) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() throws IOException {
        if (crc.getValue() != expectedCrc) {
            throw new CorruptEntryException(description + " is corrupt: its bytes have CRC-32 "
                    + Long.toHexString(crc.getValue()) + ", and the zip records " + Long.toHexString(expectedCrc)
                    + ". Build the zip again with bob");
        }
    }

    /** A zip entry whose bytes do not match its recorded CRC-32. Sending it again cannot help. */
    static final class CorruptEntryException extends IOException {

        CorruptEntryException(String message) {
            super(message);
        }
    }
}

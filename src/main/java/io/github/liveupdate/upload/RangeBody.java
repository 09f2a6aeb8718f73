package io.github.liveupdate.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A request body over a range of an item's bytes, reopened for each attempt. The stream of the previous attempt
 * is closed when a new one is opened, and the last one by {@link #close()}.
 */
final class RangeBody implements ContentStreamProvider, AutoCloseable {

    private final UploadItem.Body body;
    private final long offset;
    private final long length;
    private InputStream current;

    RangeBody(UploadItem.Body body, long offset, long length) {
        this.body = body;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public synchronized InputStream newStream() {
        close();
        try {
            InputStream stream = body.open();
            try {
                stream.skipNBytes(offset);
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
            current = new Limited(stream, length);
            return current;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // The stream was only read from; closing it has nothing to flush.
            }
            current = null;
        }
    }

    /** Ends after a fixed number of bytes, and fails if the source ends before that. */
    private static final class Limited extends FilterInputStream {

        private long remaining;

        Limited(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b < 0) {
                throw endedEarly();
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(count, remaining));
            if (read < 0) {
                throw endedEarly();
            }
            remaining -= read;
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(Math.min(count, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        private IOException endedEarly() {
            return new IOException("the source ended " + remaining + " bytes before its listed size, so it changed"
                    + " during the upload");
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}

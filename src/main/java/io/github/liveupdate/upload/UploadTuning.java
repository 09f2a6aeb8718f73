package io.github.liveupdate.upload;

import io.github.liveupdate.core.Backoff;
import java.time.Duration;

/**
 * Limits of the transfer machinery that users do not set. Tests shrink them to exercise multipart uploads and
 * retries quickly.
 *
 * @param multipartThreshold objects larger than this many bytes are sent in parts
 * @param partSize the size of each part in bytes, at least 5 MiB as S3 requires of every part but the last
 * @param retry the waits between attempts at one object, on top of the AWS SDK's own retries of each request
 * @param progressInterval how often a long upload reports its progress
 */
record UploadTuning(long multipartThreshold, long partSize, Backoff retry, Duration progressInterval) {

    static final long MIB = 1024L * 1024L;

    /**
     * 64 MiB threshold, 16 MiB parts, retries for up to a minute per object starting at half a second, progress
     * every 5 seconds.
     */
    static UploadTuning defaults() {
        return new UploadTuning(64 * MIB, 16 * MIB, Backoff.upTo(Duration.ofSeconds(60)), Duration.ofSeconds(5));
    }
}

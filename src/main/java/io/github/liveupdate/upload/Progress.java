package io.github.liveupdate.upload;

import io.github.liveupdate.core.Reporter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts what an upload has done so far and reports it at most once per interval. Worker threads update the
 * counters. {@link #reportIfDue} is not thread-safe, so only the thread that submits the transfers calls it.
 */
final class Progress {

    private final long totalObjects;
    private final long totalBytes;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicLong objectsUploaded = new AtomicLong();
    private final AtomicLong objectsSkipped = new AtomicLong();
    private final AtomicLong bytesUploaded = new AtomicLong();
    private final AtomicLong bytesSkipped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private long nextReportNanos;

    /**
     * @param totalObjects the objects that may be uploaded
     * @param totalBytes their total size
     */
    Progress(long totalObjects, long totalBytes, Duration interval, LongSupplier nanoTime) {
        this.totalObjects = totalObjects;
        this.totalBytes = totalBytes;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.nextReportNanos = startNanos + intervalNanos;
    }

    /** Counts bytes that reached S3: a whole object or one part of it. */
    void bytesSent(long bytes) {
        bytesUploaded.addAndGet(bytes);
    }

    void objectUploaded() {
        objectsUploaded.incrementAndGet();
    }

    /** Counts an object that turned out to be unchanged, so its bytes were not sent. */
    void objectSkipped(long size) {
        objectsSkipped.incrementAndGet();
        bytesSkipped.addAndGet(size);
    }

    void retried() {
        retries.incrementAndGet();
    }

    long objectsUploaded() {
        return objectsUploaded.get();
    }

    long objectsSkipped() {
        return objectsSkipped.get();
    }

    long bytesUploaded() {
        return bytesUploaded.get();
    }

    long retries() {
        return retries.get();
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    /** Writes a progress line at info when an interval has passed since the last one. */
    void reportIfDue(Reporter reporter) {
        long now = nanoTime.getAsLong();
        if (now < nextReportNanos) {
            return;
        }
        nextReportNanos = now + intervalNanos;
        reporter.info(line(now));
    }

    /**
     * Returns a line such as "Uploaded 1,234 of 10,000 objects (12.3 MiB of 98.0 MiB) at 170 objects/s and 2.5
     * MiB/s, about 35 s left". The time left is the larger of the estimates from the object rate and the byte
     * rate so far. Once the plugin has retried a request, the line ends with the count of retries, because an
     * object that keeps failing can take up to the retry budget while the estimate stays a few seconds.
     */
    String line(long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        long objectsDone = objectsUploaded.get() + objectsSkipped.get();
        long bytesDone = bytesUploaded.get() + bytesSkipped.get();
        double byteRate = bytesUploaded.get() / seconds;
        double objectRate = objectsDone / seconds;
        String line = "Uploaded " + Sizes.count(objectsDone) + " of " + Sizes.count(totalObjects) + " objects ("
                + Sizes.bytes(bytesDone) + " of " + Sizes.bytes(totalBytes) + ") at " + Sizes.count((long) objectRate)
                + " objects/s and " + Sizes.bytes((long) byteRate) + "/s";
        String retried = retries.get() > 0 ? ", " + Sizes.count(retries.get()) + " retries so far" : "";
        if (objectRate <= 0) {
            return line + retried;
        }
        double secondsByObjects = (totalObjects - objectsDone) / objectRate;
        double secondsByBytes = byteRate > 0 ? Math.max(0, totalBytes - bytesDone) / byteRate : 0;
        long secondsLeft = (long) Math.ceil(Math.max(secondsByObjects, secondsByBytes));
        return line + ", about " + Sizes.duration(Duration.ofSeconds(secondsLeft)) + " left" + retried;
    }
}

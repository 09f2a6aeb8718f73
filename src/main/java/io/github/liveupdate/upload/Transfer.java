package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Sends a list of objects through a {@link TransferPool}. After the first object that still fails after
 * retries, no new object is started, the objects in flight finish, and the failures are thrown together.
 */
final class Transfer {

    /** The maximum number of failures kept for the error message, so a bucket that rejects everything cannot fill memory. */
    private static final int FAILURES_KEPT = 100;

    /** A failed object and why it failed. */
    record Failure(String key, String reason) {}

    private final UploadSpec spec;
    private final ObjectPublisher publisher;
    private final Progress progress;
    private final Reporter reporter;
    private final String location;
    private final Duration cancelWait;
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failureCount = new AtomicInteger();
    private final List<String> plannedKeys = new ArrayList<>();
    private int plannedCount;
    private volatile boolean jvmStopping;

    Transfer(
            UploadSpec spec,
            ObjectPublisher publisher,
            Progress progress,
            Reporter reporter,
            String location,
            Duration cancelWait) {
        this.spec = spec;
        this.publisher = publisher;
        this.progress = progress;
        this.reporter = reporter;
        this.location = location;
        this.cancelWait = cancelWait;
    }

    /**
     * Sends every entry, while a JVM shutdown hook (Ctrl-C) interrupts the calling thread and waits for the
     * transfer to stop: no request starts after Ctrl-C, and multipart uploads are aborted.
     *
     * @throws LiveUpdateException if an object failed or the thread was interrupted
     */
    void runStoppingOnShutdown(List<SourceEntry> entries, Function<SourceEntry, UploadItem> items) {
        Thread caller = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    jvmStopping = true;
                    caller.interrupt();
                    try {
                        stopped.await(cancelWait.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "liveupdate-upload-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run(entries, items);
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running because the JVM is stopping.
            }
        }
    }

    /**
     * Sends every entry.
     *
     * @throws LiveUpdateException if an object failed or the thread was interrupted
     */
    void run(List<SourceEntry> entries, Function<SourceEntry, UploadItem> items) {
        Runnable tick = spec.dryRun() ? () -> {} : () -> progress.reportIfDue(reporter);
        TransferPool pool = new TransferPool(spec.concurrency(), tick);
        int notStarted = 0;
        try {
            for (SourceEntry entry : entries) {
                if (failureCount.get() > 0) {
                    notStarted++;
                    continue;
                }
                UploadItem item = items.apply(entry);
                if (publisher.needsParts(item)) {
                    sendInParts(item, pool);
                } else {
                    pool.submit(() -> send(item));
                }
            }
            pool.awaitIdle();
        } catch (InterruptedException e) {
            // Clear the flag while waiting for the workers, or the wait would end at once, then restore it.
            Thread.interrupted();
            if (!pool.cancel(cancelWait)) {
                reporter.warn("Some uploads were still running " + Sizes.duration(cancelWait) + " after the stop");
            }
            Thread.currentThread().interrupt();
            String message = "The upload was interrupted after " + Sizes.count(progress.objectsUploaded())
                    + " objects. The manifest was not uploaded, so games still load the previous content. Run the"
                    + " goal again to upload the rest.";
            if (jvmStopping) {
                // The JVM halts when the shutdown hook returns, which may be before the build prints the failure.
                reporter.warn(message);
            }
            throw new LiveUpdateException(message);
        } finally {
            pool.close();
        }
        if (failureCount.get() > 0) {
            throw failure(notStarted);
        }
    }

    /** Publishes one object on the calling thread and counts it, throwing any failure. */
    ObjectPublisher.Result publishNow(UploadItem item) {
        ObjectPublisher.Result result = publisher.publish(item);
        record(item, result);
        return result;
    }

    private void sendInParts(UploadItem item, TransferPool pool) throws InterruptedException {
        try {
            record(item, publisher.publishInParts(item, pool));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while uploading " + item.key());
            }
            fail(item, e);
        }
    }

    /** Publishes one object on a worker thread, recording any failure instead of throwing it. */
    private void send(UploadItem item) {
        try {
            record(item, publisher.publish(item));
        } catch (RuntimeException | Error e) {
            fail(item, e);
        }
    }

    private void record(UploadItem item, ObjectPublisher.Result result) {
        switch (result) {
            case UPLOADED -> progress.objectUploaded();
            case UNCHANGED -> progress.objectSkipped(item.size());
            case PLANNED -> {
                progress.objectUploaded();
                progress.bytesSent(item.size());
                reporter.debug("Would upload " + item.key() + " (" + Sizes.bytes(item.size()) + ")");
                synchronized (plannedKeys) {
                    plannedCount++;
                    if (plannedKeys.size() <= Uploader.KEYS_LISTED_AT_INFO) {
                        plannedKeys.add(item.key() + " (" + Sizes.bytes(item.size()) + ")");
                    }
                }
            }
        }
    }

    private void fail(UploadItem item, Throwable e) {
        failureCount.incrementAndGet();
        if (failures.size() < FAILURES_KEPT) {
            failures.add(new Failure(item.key(), describe(e)));
        }
        reporter.debug("Upload of " + item.key() + " failed: " + e);
    }

    /**
     * Lists the keys a dry run would upload at info when there are at most {@link Uploader#KEYS_LISTED_AT_INFO},
     * since each one was already written at debug.
     */
    void reportPlannedKeys() {
        synchronized (plannedKeys) {
            if (plannedCount == 0) {
                return;
            }
            if (plannedCount > Uploader.KEYS_LISTED_AT_INFO) {
                reporter.info("Run with -X to list the " + Sizes.count(plannedCount) + " keys that would be uploaded");
                return;
            }
            for (String key : plannedKeys) {
                reporter.info("Would upload " + key);
            }
        }
    }

    private LiveUpdateException failure(int notStarted) {
        List<Failure> named = new ArrayList<>(failures);
        StringBuilder message = new StringBuilder()
                .append(Sizes.count(failureCount.get()))
                .append(failureCount.get() == 1 ? " object" : " objects")
                .append(" could not be uploaded to ")
                .append(location)
                .append(" after retries");
        if (notStarted > 0) {
            message.append(", and ").append(Sizes.count(notStarted)).append(" were not started");
        }
        message.append(". The manifest was not uploaded, so games still load the previous content. Fix the cause")
                .append(" named below, then run the goal again to upload the rest.");
        for (Failure failure : named.subList(0, Math.min(Uploader.FAILURES_NAMED, named.size()))) {
            message.append("\n  ").append(failure.key()).append(": ").append(failure.reason());
        }
        if (failureCount.get() > Uploader.FAILURES_NAMED) {
            message.append("\n  and ")
                    .append(Sizes.count(failureCount.get() - Uploader.FAILURES_NAMED))
                    .append(" more (run with -X for each)");
        }
        return new LiveUpdateException(message.toString());
    }

    /** Returns why a request failed, in one line without a stack trace. */
    static String describe(Throwable e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? "error"
                    : String.valueOf(service.awsErrorDetails().errorCode());
            String text = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorMessage();
            return code + " (HTTP " + service.statusCode() + ")" + (text == null ? "" : ": " + text);
        }
        if (e instanceof LiveUpdateException || e.getClass().getName().startsWith("software.amazon.awssdk")) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

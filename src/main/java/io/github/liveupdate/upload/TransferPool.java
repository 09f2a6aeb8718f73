package io.github.liveupdate.upload;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of worker threads with a permit per thread. Every request is sent while its thread holds a
 * permit, so at most {@code size} requests are in flight, the S3 client's connection pool of the same size
 * always has a free connection, and the task queue never holds more than {@code size} tasks.
 *
 * <p>The submitting thread waits in short steps and calls {@code onTick} between them, which is where progress
 * is reported.
 */
final class TransferPool implements AutoCloseable {

    private static final long STEP_MILLIS = 200;

    private final int size;
    private final Semaphore permits;
    private final ExecutorService executor;
    private final Runnable onTick;

    TransferPool(int size, Runnable onTick) {
        this.size = size;
        this.permits = new Semaphore(size);
        this.onTick = onTick;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "liveupdate-upload-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits for a free permit, then runs the task on a worker thread. The task must not throw. */
    void submit(Runnable task) throws InterruptedException {
        acquire(1);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            throw e;
        }
    }

    /** Runs a request on the calling thread while holding a permit, so it counts against the pool size. */
    <T> T call(Callable<T> request) throws Exception {
        acquire(1);
        try {
            return request.call();
        } finally {
            permits.release();
        }
    }

    /** Waits until every submitted task has finished. */
    void awaitIdle() throws InterruptedException {
        acquire(size);
        permits.release(size);
    }

    /** Waits until the latch opens, reporting progress meanwhile. */
    void await(CountDownLatch latch) throws InterruptedException {
        while (!latch.await(STEP_MILLIS, TimeUnit.MILLISECONDS)) {
            onTick.run();
        }
        onTick.run();
    }

    private void acquire(int count) throws InterruptedException {
        while (!permits.tryAcquire(count, STEP_MILLIS, TimeUnit.MILLISECONDS)) {
            onTick.run();
        }
        onTick.run();
    }

    /**
     * Interrupts running tasks, drops queued ones and waits up to the given time for the workers to stop.
     *
     * @return whether every worker stopped in time
     */
    boolean cancel(Duration wait) {
        executor.shutdownNow();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}

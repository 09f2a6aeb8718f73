package io.github.liveupdate.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries an action that AWS may reject for a while after a change: a new access key, a new IAM user, a
 * bucket policy right after a Block Public Access change. Waits grow exponentially with jitter until a
 * total budget is spent.
 */
public final class Backoff {

    /** Sleeps between attempts; tests pass one that records the delays instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration budget;
    private final Sleeper sleeper;

    public Backoff(Duration firstDelay, Duration maxDelay, Duration budget, Sleeper sleeper) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.budget = budget;
        this.sleeper = sleeper;
    }

    /** Creates a backoff of 0.5 s doubling to 8 s per wait, for at most the given total time. */
    public static Backoff upTo(Duration budget) {
        return new Backoff(
                Duration.ofMillis(500), Duration.ofSeconds(8), budget, duration -> Thread.sleep(duration.toMillis()));
    }

    public Duration budget() {
        return budget;
    }

    /**
     * Runs the action until it succeeds or throws an exception that {@code retryable} rejects. When the
     * budget, measured from the first attempt and including the attempts themselves, is spent, the last
     * exception is thrown.
     *
     * @param what a short description for the debug log, such as "put bucket policy"
     */
    public <T> T run(String what, Reporter reporter, Predicate<RuntimeException> retryable, Supplier<T> action) {
        long sleptMillis = 0;
        long start = System.nanoTime();
        long delay = firstDelay.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                // The budget counts the attempts too: an attempt that times out after a minute spends it.
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                long waitedMillis = Math.max(sleptMillis, elapsedMillis);
                if (!retryable.test(e) || waitedMillis >= budget.toMillis()) {
                    throw e;
                }
                long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
                long wait = Math.min(jittered, budget.toMillis() - waitedMillis);
                reporter.debug(what + ": attempt " + attempt + " failed (" + e.getMessage() + "), retrying in " + wait
                        + " ms");
                sleep(wait);
                sleptMillis += wait;
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
        }
    }

    /** Runs an action that returns nothing, as {@link #run}. */
    public void runVoid(String what, Reporter reporter, Predicate<RuntimeException> retryable, Runnable action) {
        run(what, reporter, retryable, () -> {
            action.run();
            return null;
        });
    }

    private void sleep(long millis) {
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveUpdateException("Interrupted while waiting for AWS to apply a change", e);
        }
    }
}

package io.github.liveupdate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final Backoff backoff =
            new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(2), sleeps::add);

    @Test
    void retriesUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();

        String result = backoff.run("test", Reporter.silent(), e -> true, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void rethrowsNonRetryableAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> backoff.run("test", Reporter.silent(), e -> false, () -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("bad input");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void stopsWhenBudgetIsSpent() {
        assertThatThrownBy(() -> backoff.runVoid("test", Reporter.silent(), e -> true, () -> {
                    throw new IllegalStateException("still failing");
                }))
                .hasMessage("still failing");

        long waited = sleeps.stream().mapToLong(Duration::toMillis).sum();
        assertThat(waited).isEqualTo(2000);
    }

    @Test
    void capsEachDelay() {
        assertThatThrownBy(() -> backoff.runVoid("test", Reporter.silent(), e -> true, () -> {
            throw new IllegalStateException("still failing");
        }));

        assertThat(sleeps).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofMillis(400)));
    }

    @Test
    void countsAttemptTimeAgainstBudget() {
        Backoff shortBudget =
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(300), sleeps::add);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> shortBudget.runVoid("test", Reporter.silent(), e -> true, () -> {
                    calls.incrementAndGet();
                    sleepQuietly(200);
                    throw new IllegalStateException("slow failure");
                }))
                .hasMessage("slow failure");

        assertThat(calls.get()).isLessThanOrEqualTo(3);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

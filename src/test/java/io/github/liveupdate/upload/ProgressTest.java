package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.core.Reporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };

    @Test
    void reportsOncePerInterval() {
        Progress progress = new Progress(10, 1000, Duration.ofSeconds(5), now::get);

        now.set(Duration.ofSeconds(4).toNanos());
        progress.reportIfDue(reporter);
        now.set(Duration.ofSeconds(5).toNanos());
        progress.reportIfDue(reporter);
        now.set(Duration.ofSeconds(6).toNanos());
        progress.reportIfDue(reporter);

        assertThat(lines).hasSize(1);
    }

    @Test
    void lineShowsCountsRateAndTimeLeft() {
        Progress progress = new Progress(10, 10 * 1024 * 1024, Duration.ofSeconds(5), now::get);
        for (int i = 0; i < 5; i++) {
            progress.bytesSent(1024 * 1024);
            progress.objectUploaded();
        }

        String line = progress.line(Duration.ofSeconds(5).toNanos());

        assertThat(line)
                .isEqualTo(
                        "Uploaded 5 of 10 objects (5.0 MiB of 10.0 MiB) at 1 objects/s and 1.0 MiB/s, about 5.0 s left");
    }

    @Test
    void skippedObjectsCountAsDone() {
        Progress progress = new Progress(2, 200, Duration.ofSeconds(5), now::get);
        progress.objectSkipped(100);

        assertThat(progress.line(Duration.ofSeconds(1).toNanos()))
                .startsWith("Uploaded 1 of 2 objects (100 B of 200 B)");
    }

    @Test
    void lineCountsRetries() {
        Progress progress = new Progress(2, 200, Duration.ofSeconds(5), now::get);
        progress.bytesSent(100);
        progress.objectUploaded();
        progress.retried();
        progress.retried();

        assertThat(progress.line(Duration.ofSeconds(1).toNanos())).endsWith("left, 2 retries so far");
    }

    @Test
    void lineWithoutRetriesHasNoCount() {
        Progress progress = new Progress(2, 200, Duration.ofSeconds(5), now::get);
        progress.bytesSent(100);
        progress.objectUploaded();

        assertThat(progress.line(Duration.ofSeconds(1).toNanos())).doesNotContain("retries");
    }
}

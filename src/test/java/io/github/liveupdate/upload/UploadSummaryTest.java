package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.core.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadSummaryTest {

    @Test
    void describesUploadWithRate() {
        UploadSummary summary = new UploadSummary(120, 3400, 2048, Duration.ofSeconds(4), 0, Outcome.UPDATED, false);

        assertThat(summary.describe())
                .isEqualTo("Uploaded 120 objects (2.0 KiB), skipped 3,400 unchanged, in 4.0 s (30.0 objects/s)");
    }

    @Test
    void leavesOutRateWhenNothingWasUploaded() {
        UploadSummary summary = new UploadSummary(0, 21, 0, Duration.ofSeconds(2), 0, Outcome.UNCHANGED, false);

        assertThat(summary.describe()).isEqualTo("Uploaded 0 objects (0 B), skipped 21 unchanged, in 2.0 s");
    }

    @Test
    void countsRetries() {
        UploadSummary summary = new UploadSummary(5, 0, 10, Duration.ofSeconds(1), 3, Outcome.CREATED, false);

        assertThat(summary.describe()).endsWith(", 3 retries");
    }

    @Test
    void describesDryRun() {
        UploadSummary summary = new UploadSummary(4, 0, 100, Duration.ofSeconds(1), 0, Outcome.PLANNED, true);

        assertThat(summary.describe())
                .isEqualTo("Dry run: would upload 4 objects (100 B), skipped 0 unchanged, in 1.0 s");
    }
}

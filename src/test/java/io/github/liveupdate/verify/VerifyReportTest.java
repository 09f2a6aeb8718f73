package io.github.liveupdate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyReportTest {

    @Test
    void passesWithoutFailure() {
        VerifyReport report =
                new VerifyReport("s3://game/", "liveupdate", List.of(Check.pass("A", "ok"), Check.skip("B", "later")));

        report.requirePassed();

        assertThat(report.firstFailure()).isEmpty();
    }

    @Test
    void failureNamesFirstCheckAndFix() {
        VerifyReport report = new VerifyReport(
                "s3://game/",
                "liveupdate",
                List.of(
                        Check.pass("Profile resolves", "ok"),
                        Check.fail("CORS preflight allows GET", "HTTP 403", "Run mvn liveupdate:setup."),
                        Check.fail("Manifest resources exist", "1 missing", "Run mvn package.")));

        assertThatThrownBy(report::requirePassed)
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageStartingWith(
                        "Check 2 (CORS preflight allows GET) failed: HTTP 403. Fix: Run mvn" + " liveupdate:setup.")
                .hasMessageContaining("2 checks failed");
    }

    @Test
    void detailWithPeriodGetsNoSecond() {
        // Details that quote an exception message, such as a missing region, already end with a period.
        VerifyReport report = new VerifyReport(
                "s3://game/",
                "liveupdate",
                List.of(Check.fail("Profile resolves", "No AWS region is set.", "Set -Dliveupdate.region.")));

        assertThatThrownBy(report::requirePassed)
                .isInstanceOf(LiveUpdateException.class)
                .hasMessage("Check 1 (Profile resolves) failed: No AWS region is set. Fix: Set -Dliveupdate.region.");
    }

    @Test
    void linesEndWithCounts() {
        VerifyReport report = new VerifyReport(
                "s3://game/v1/",
                "liveupdate",
                List.of(Check.pass("A", "ok"), Check.fail("B", "bad", "Fix it."), Check.skip("C", "later")));

        List<String> lines = report.lines();

        assertThat(lines.get(0)).isEqualTo("Checks of s3://game/v1/ with profile 'liveupdate':");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 1 failed, 1 skipped.");
    }
}

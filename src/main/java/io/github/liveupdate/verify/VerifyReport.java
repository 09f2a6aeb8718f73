package io.github.liveupdate.verify;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one verify run, in the order they ran.
 *
 * @param location the checked content, such as {@code s3://my-game/game/}
 * @param profile the profile that the signed checks used
 */
public record VerifyReport(String location, String profile, List<Check> checks) {

    public VerifyReport {
        checks = List.copyOf(checks);
    }

    /** Returns a heading, the table of checks with the fixes of failed ones, and a count by result. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Checks of " + location + " with profile '" + profile + "':");
        lines.addAll(CheckTable.render(checks));
        lines.add(count(Check.Status.PASS) + " passed, " + count(Check.Status.FAIL) + " failed, "
                + count(Check.Status.SKIP) + " skipped.");
        return lines;
    }

    public Optional<Check> firstFailure() {
        return checks.stream().filter(Check::failed).findFirst();
    }

    /**
     * Fails when a check failed, naming the first failed check and its fix.
     *
     * @throws LiveUpdateException if any check failed
     */
    public void requirePassed() {
        Optional<Check> first = firstFailure();
        if (first.isEmpty()) {
            return;
        }
        Check check = first.get();
        long failed = count(Check.Status.FAIL);
        String detail = check.detail().endsWith(".") ? check.detail() : check.detail() + ".";
        throw new LiveUpdateException("Check " + (checks.indexOf(check) + 1) + " (" + check.name() + ") failed: "
                + detail + " Fix: " + check.fix()
                + (failed > 1 ? " (" + failed + " checks failed; the table above lists them.)" : ""));
    }

    private long count(Check.Status status) {
        return checks.stream().filter(check -> check.status() == status).count();
    }
}

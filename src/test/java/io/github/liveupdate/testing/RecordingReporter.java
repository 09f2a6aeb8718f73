package io.github.liveupdate.testing;

import io.github.liveupdate.core.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reporter that keeps every line, prefixed with its level, for assertions. Safe for concurrent writers. */
public final class RecordingReporter implements Reporter {

    public final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    /** Returns the info lines without their level. */
    public List<String> infoLines() {
        return lines.stream()
                .filter(line -> line.startsWith("INFO "))
                .map(line -> line.substring(5))
                .toList();
    }

    /** Returns every line, joined with newlines. */
    public String all() {
        return String.join("\n", lines);
    }
}

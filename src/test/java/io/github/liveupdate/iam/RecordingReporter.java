package io.github.liveupdate.iam;

import io.github.liveupdate.core.Reporter;
import java.util.ArrayList;
import java.util.List;

/** A reporter that keeps every line, prefixed with its level, for assertions. */
final class RecordingReporter implements Reporter {

    final List<String> lines = new ArrayList<>();

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
    List<String> infoLines() {
        return lines.stream()
                .filter(line -> line.startsWith("INFO "))
                .map(line -> line.substring(5))
                .toList();
    }

    String all() {
        return String.join("\n", lines);
    }
}

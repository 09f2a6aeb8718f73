package io.github.liveupdate.defold;

import io.github.liveupdate.core.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reporter that keeps every line, prefixed with its level, for assertions. */
final class RecordingReporter implements Reporter {

    final List<String> lines = new CopyOnWriteArrayList<>();

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

    String all() {
        return String.join("\n", lines);
    }
}

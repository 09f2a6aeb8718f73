package io.github.liveupdate.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps every line, debug included, so a test can read what a goal printed. */
final class CapturingLog implements Log {

    private final List<String> lines = new ArrayList<>();

    synchronized String text() {
        return String.join("\n", lines);
    }

    /** Returns a copy of the lines, each prefixed with its level, such as {@code [INFO] ...}. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    private synchronized void add(String level, CharSequence message, Throwable error) {
        lines.add("[" + level + "] " + message);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            lines.add("[" + level + "] caused by " + cause);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        add("DEBUG", content, null);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add("DEBUG", content, error);
    }

    @Override
    public void debug(Throwable error) {
        add("DEBUG", "", error);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("INFO", content, error);
    }

    @Override
    public void info(Throwable error) {
        add("INFO", "", error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARN", content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("WARN", content, error);
    }

    @Override
    public void warn(Throwable error) {
        add("WARN", "", error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("ERROR", content, error);
    }

    @Override
    public void error(Throwable error) {
        add("ERROR", "", error);
    }
}

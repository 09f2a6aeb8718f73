package io.github.liveupdate.maven;

import io.github.liveupdate.core.Reporter;
import org.apache.maven.plugin.logging.Log;

/** Writes the core classes' log lines to the Maven build log. */
final class MavenReporter implements Reporter {

    private final Log log;

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}

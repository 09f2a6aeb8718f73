package io.github.liveupdate.core;

/**
 * The log that the core classes write to. The Maven goals adapt it to the build log; tests collect the
 * lines. Nothing written here may contain a secret access key.
 */
public interface Reporter {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** Reports one step of a setup goal and its outcome, in one line. */
    default void step(String what, Outcome outcome) {
        info(what + ": " + outcome.label());
    }

    /** Returns a reporter that drops everything, for callers that do not log. */
    static Reporter silent() {
        return new Reporter() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}
        };
    }
}

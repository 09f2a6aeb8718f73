package io.github.liveupdate.core;

/** The result of one idempotent step, as reported to the user. */
public enum Outcome {
    CREATED("created"),
    UPDATED("updated"),
    UNCHANGED("unchanged"),
    /** A dry run found that the step would create or change something. */
    PLANNED("would create or change (dry run)");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

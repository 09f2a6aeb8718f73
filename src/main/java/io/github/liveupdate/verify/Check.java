package io.github.liveupdate.verify;

/**
 * The result of one check of a setup.
 *
 * @param name the property that the check tests, such as {@code Key authenticates}
 * @param status whether it passed, failed or did not run
 * @param detail what the check found, or why it did not run
 * @param fix the first thing to try when the check failed, empty otherwise
 */
public record Check(String name, Status status, String detail, String fix) {

    /** The result of a check: passed, failed, or skipped because a check it depends on failed. */
    public enum Status {
        PASS,
        FAIL,
        SKIP
    }

    public static Check pass(String name, String detail) {
        return new Check(name, Status.PASS, detail, "");
    }

    public static Check fail(String name, String detail, String fix) {
        return new Check(name, Status.FAIL, detail, fix);
    }

    public static Check skip(String name, String reason) {
        return new Check(name, Status.SKIP, reason, "");
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}

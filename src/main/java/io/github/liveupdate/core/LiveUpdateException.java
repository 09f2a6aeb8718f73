package io.github.liveupdate.core;

/**
 * A failure that the user can act on: invalid input, a refused request, a conflict with what already
 * exists in the account. The message names the value and the fix, and never contains a secret.
 */
public class LiveUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LiveUpdateException(String message) {
        super(message);
    }

    public LiveUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.liveupdate.teardown;

import java.util.Objects;

/**
 * One thing that teardown found, and what it does with it.
 *
 * @param kind the sort of resource. The executor handles the kinds in their declared order.
 * @param action delete, restore, keep, or report as not found
 * @param id what the requests name: an access key id (also for a profile, the key it must still contain), a
 *     policy ARN, a version id, a bucket name. It is no secret, but only {@code what}, with the key id
 *     masked, is printed.
 * @param what the resource as the user reads it, such as {@code IAM user liveupdate-my-game}
 * @param where the account, bucket or file that contains it
 * @param reason why teardown deletes or keeps it, as a clause that follows "because"; empty for not found
 */
public record TeardownItem(Kind kind, Action action, String id, String what, String where, String reason) {

    /** The kinds of resource, in the order in which teardown deletes them. */
    public enum Kind {
        /**
         * The profile section of the credentials file goes first: a teardown that fails later and runs again
         * still finds the IAM user's keys, but it could no longer tell that the profile held one of them.
         */
        CREDENTIALS_PROFILE,
        CONFIG_PROFILE,
        /** The access keys go before everything else in AWS, since they are what grants access. */
        ACCESS_KEY,
        POLICY_ATTACHMENT,
        POLICY_VERSION,
        POLICY,
        USER,
        BUCKET_POLICY_STATEMENT,
        CORS_RULE,
        PUBLIC_ACCESS_BLOCK,
        OBJECTS,
        BUCKET
    }

    /** The action that teardown takes on an item. */
    public enum Action {
        DELETE("delete"),
        RESTORE("restore"),
        KEEP("keep"),
        ABSENT("not found");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public TeardownItem {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(action);
        Objects.requireNonNull(what);
        Objects.requireNonNull(where);
        reason = reason == null ? "" : reason;
    }

    /** Returns whether the item changes something in AWS or in a file. */
    public boolean isChange() {
        return action == Action.DELETE || action == Action.RESTORE;
    }

    /** Returns the kind and the plan line, which shows an access key id only masked, unlike {@link #id()}. */
    @Override
    public String toString() {
        return kind + " " + describe();
    }

    /** Returns the plan line, such as {@code delete: IAM user x in IAM of account 1, because ...}. */
    public String describe() {
        String line = action.label() + ": " + what + " in " + where;
        return reason.isEmpty() ? line : line + ", because " + reason;
    }
}

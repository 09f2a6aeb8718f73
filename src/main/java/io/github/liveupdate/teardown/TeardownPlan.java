package io.github.liveupdate.teardown;

import java.util.Comparator;
import java.util.List;

/**
 * The items that teardown found, in the order in which it handles them.
 *
 * @param items every item, with the kinds in their declared order
 */
public record TeardownPlan(List<TeardownItem> items) {

    public TeardownPlan {
        items = items.stream().sorted(Comparator.comparing(TeardownItem::kind)).toList();
    }

    /** Returns the items that delete or restore something, in the order in which they run. */
    public List<TeardownItem> changes() {
        return items.stream().filter(TeardownItem::isChange).toList();
    }

    /** Returns whether teardown would change anything. */
    public boolean hasChanges() {
        return items.stream().anyMatch(TeardownItem::isChange);
    }

    /** Returns the items with the given action. */
    public List<TeardownItem> withAction(TeardownItem.Action action) {
        return items.stream().filter(item -> item.action() == action).toList();
    }
}

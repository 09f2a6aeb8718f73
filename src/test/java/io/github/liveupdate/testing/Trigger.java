package io.github.liveupdate.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * When a fault rule fires, given the number of the matching request: 1 for the first request that the rule's
 * {@link Match} matched, 2 for the second, and so on.
 */
@FunctionalInterface
public interface Trigger {

    boolean fires(int matchNumber);

    /** Fires on the given matching requests, such as {@code nth(1, 3)} for the first and third. */
    static Trigger nth(int... numbers) {
        int[] sorted = numbers.clone();
        Arrays.sort(sorted);
        return matchNumber -> Arrays.binarySearch(sorted, matchNumber) >= 0;
    }

    /** Fires on the first {@code count} matching requests. */
    static Trigger first(int count) {
        return matchNumber -> matchNumber <= count;
    }

    /** Fires on every matching request. */
    static Trigger always() {
        return matchNumber -> true;
    }

    /**
     * Fires on each matching request with the given probability, drawn from a random sequence with a fixed
     * seed so a run can be repeated. Requests sent in parallel may draw in another order from run to run.
     */
    static Trigger rate(double probability, long seed) {
        Random random = new Random(seed);
        return matchNumber -> {
            synchronized (random) {
                return random.nextDouble() < probability;
            }
        };
    }
}

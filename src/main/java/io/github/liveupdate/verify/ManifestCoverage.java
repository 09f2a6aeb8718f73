package io.github.liveupdate.verify;

import io.github.liveupdate.defold.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Compares the Live update resources that a published manifest lists with the objects under the prefix. A
 * game that reads the manifest and cannot fetch one of its resources fails at run time.
 */
public final class ManifestCoverage {

    /** How many missing resources a description names. */
    static final int NAMED = 3;

    private ManifestCoverage() {}

    /**
     * Returns the hashes of the manifest's Live update resources that {@code exists} rejects, in manifest
     * order.
     */
    public static List<String> missing(Manifest manifest, Predicate<String> exists) {
        List<String> missing = new ArrayList<>();
        for (String hash : manifest.excludedResources().keySet()) {
            if (!exists.test(hash)) {
                missing.add(hash);
            }
        }
        return missing;
    }

    /** Describes the missing resources: their count and the first {@value #NAMED} names. */
    public static String describe(List<String> missing, int total, String location) {
        StringBuilder text = new StringBuilder()
                .append(missing.size())
                .append(" of ")
                .append(total)
                .append(total == 1 ? " Live update resource" : " Live update resources")
                .append(" of the manifest ")
                .append(missing.size() == 1 ? "is" : "are")
                .append(" missing from ")
                .append(location)
                .append(": ")
                .append(String.join(", ", missing.subList(0, Math.min(NAMED, missing.size()))));
        if (missing.size() > NAMED) {
            text.append(" and ").append(missing.size() - NAMED).append(" more");
        }
        return text.toString();
    }
}

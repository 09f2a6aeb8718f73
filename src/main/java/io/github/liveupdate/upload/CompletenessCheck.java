package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.defold.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks, before anything is uploaded, that every resource the manifest marks as Live update content will be
 * reachable: in the source, or already in the bucket. A game that reads the manifest and cannot fetch one of
 * its resources fails at run time, so a gap fails the build instead.
 */
final class CompletenessCheck {

    /** How many missing resources the error message names. */
    static final int NAMED_IN_MESSAGE = 5;

    /** A Live update resource that is nowhere to be found, with the urls the manifest lists it under. */
    record Missing(String hash, List<String> urls) {}

    private CompletenessCheck() {}

    /**
     * Returns the excluded resources of the manifest that neither predicate accepts, in manifest order.
     *
     * @param inSource whether the source has an entry of that name
     * @param inBucket whether the bucket already has an object of that name under the prefix
     */
    static List<Missing> findMissing(Manifest manifest, Predicate<String> inSource, Predicate<String> inBucket) {
        List<Missing> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> resource :
                manifest.excludedResources().entrySet()) {
            String hash = resource.getKey();
            if (!inSource.test(hash) && !inBucket.test(hash)) {
                missing.add(new Missing(hash, resource.getValue()));
            }
        }
        return missing;
    }

    /** Returns the failure that names the first few missing resources and where they were looked for. */
    static LiveUpdateException failure(List<Missing> missing, String where) {
        StringBuilder message = new StringBuilder()
                .append("The manifest lists ")
                .append(Sizes.count(missing.size()))
                .append(missing.size() == 1 ? " Live update resource that is" : " Live update resources that are")
                .append(" missing from ")
                .append(where)
                .append(", so games would fail to load ")
                .append(missing.size() == 1 ? "it" : "them")
                .append(". Nothing was uploaded.");
        for (Missing resource : missing.subList(0, Math.min(NAMED_IN_MESSAGE, missing.size()))) {
            message.append("\n  ")
                    .append(resource.hash())
                    .append(" (")
                    .append(String.join(", ", resource.urls()))
                    .append(')');
        }
        if (missing.size() > NAMED_IN_MESSAGE) {
            message.append("\n  and ")
                    .append(Sizes.count(missing.size() - NAMED_IN_MESSAGE))
                    .append(" more");
        }
        message.append("\nRebuild the content with bob (--archive --liveupdate yes) and publish its whole output.");
        return new LiveUpdateException(message.toString());
    }
}

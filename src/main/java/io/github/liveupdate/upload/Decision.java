package io.github.liveupdate.upload;

import io.github.liveupdate.defold.ResourceNames;
import java.util.OptionalLong;

/** The action for one object, decided from the listing of the prefix alone. */
enum Decision {
    /** The bucket has no object of that name and size. */
    UPLOAD,
    /**
     * The bucket has a resource entry of that name and size. A resource's name is its identity, so the object
     * is the same resource.
     */
    SKIP,
    /**
     * The bucket has an object of that name and size whose name is not a resource hash, such as the manifest
     * or an archive, so only a content checksum can tell whether it changed.
     */
    COMPARE_CHECKSUM;

    static Decision of(String name, long size, RemoteListing listing) {
        OptionalLong remoteSize = listing.size(name);
        if (remoteSize.isEmpty() || remoteSize.getAsLong() != size) {
            return UPLOAD;
        }
        return ResourceNames.isResourceName(name) ? SKIP : COMPARE_CHECKSUM;
    }
}

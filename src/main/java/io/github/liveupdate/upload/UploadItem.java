package io.github.liveupdate.upload;

import java.io.IOException;
import java.io.InputStream;

/**
 * One object to publish, with where its bytes come from. Items are made one at a time as they are submitted,
 * so only names and sizes are in memory, never content.
 *
 * @param key the object key
 * @param size the object's size in bytes
 * @param contentType the Content-Type header
 * @param cacheControl the Cache-Control header
 * @param resource whether the name is a resource hash, which identifies the content; other objects carry a
 *     SHA-256 of their content in their metadata
 * @param decision the decision that the listing of the prefix gives for the object
 * @param body opens the bytes, once per attempt
 */
record UploadItem(
        String key,
        long size,
        String contentType,
        String cacheControl,
        boolean resource,
        Decision decision,
        Body body) {

    /** Opens a new stream over an object's bytes. */
    @FunctionalInterface
    interface Body {
        InputStream open() throws IOException;
    }
}

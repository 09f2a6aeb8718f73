package io.github.liveupdate.core;

/**
 * An access key id and its secret. {@link #toString()} masks the id and leaves the secret out, so the pair
 * can be logged or put in a message by mistake without leaking it.
 */
public record AccessKeyPair(String accessKeyId, String secretAccessKey) {

    @Override
    public String toString() {
        return "AccessKeyPair[" + KeyIds.mask(accessKeyId) + "]";
    }
}

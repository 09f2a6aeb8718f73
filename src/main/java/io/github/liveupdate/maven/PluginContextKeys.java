package io.github.liveupdate.maven;

/** Keys of values that one goal hands to a later goal of the same build through the plugin context. */
final class PluginContextKeys {

    /** The {@link io.github.liveupdate.core.AccessKeyPair} that setup-iam created, for write-profile. */
    static final String NEW_ACCESS_KEY = "io.github.liveupdate.newAccessKey";

    private PluginContextKeys() {}
}

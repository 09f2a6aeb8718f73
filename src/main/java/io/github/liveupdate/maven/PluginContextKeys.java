package io.github.liveupdate.maven;

/** Keys of values that one goal hands to a later goal of the same build through the plugin context. */
final class PluginContextKeys {

    /** The {@link io.github.liveupdate.core.AccessKeyPair} that setup-iam created, for write-profile. */
    static final String NEW_ACCESS_KEY = "io.github.liveupdate.newAccessKey";

    /**
     * {@link Boolean#TRUE} once setup-iam has run in this build, whether or not it created a key. Without a
     * {@link #NEW_ACCESS_KEY}, it means for write-profile that the profile already contains the user's key.
     */
    static final String SETUP_IAM_RAN = "io.github.liveupdate.setupIamRan";

    private PluginContextKeys() {}
}

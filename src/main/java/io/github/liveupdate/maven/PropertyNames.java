package io.github.liveupdate.maven;

/** The user properties that set the goals' parameters, in one place. Each is {@code liveupdate.<parameter>}. */
public final class PropertyNames {

    public static final String BUCKET = "liveupdate.bucket";
    public static final String REGION = "liveupdate.region";
    public static final String PREFIX = "liveupdate.prefix";
    public static final String PROFILE = "liveupdate.profile";
    public static final String ADMIN_PROFILE = "liveupdate.adminProfile";
    public static final String ENDPOINT = "liveupdate.endpoint";
    public static final String CREDENTIALS_FILE = "liveupdate.credentialsFile";
    public static final String CONFIG_FILE = "liveupdate.configFile";
    public static final String DRY_RUN = "liveupdate.dryRun";
    public static final String SKIP = "liveupdate.skip";

    private PropertyNames() {}
}

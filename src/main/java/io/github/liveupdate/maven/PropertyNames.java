package io.github.liveupdate.maven;

/**
 * The user properties that set the goals' parameters, in one place. Each is {@code liveupdate.<parameter>}, except
 * the goals' own skip switches, {@code liveupdate.<goal>.skip}.
 */
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

    // One skip switch per goal, named liveupdate.<goal in camel case>.skip
    public static final String SETUP_SKIP = "liveupdate.setup.skip";
    public static final String SETUP_BUCKET_SKIP = "liveupdate.setupBucket.skip";
    public static final String SETUP_IAM_SKIP = "liveupdate.setupIam.skip";
    public static final String WRITE_PROFILE_SKIP = "liveupdate.writeProfile.skip";
    public static final String WRITE_SETTINGS_SKIP = "liveupdate.writeSettings.skip";
    public static final String UPLOAD_SKIP = "liveupdate.upload.skip";

    // setup-bucket
    public static final String PUBLIC_READ = "liveupdate.publicRead";
    public static final String CORS = "liveupdate.cors";
    public static final String CORS_ALLOWED_ORIGINS = "liveupdate.corsAllowedOrigins";
    public static final String CORS_ALLOWED_HEADERS = "liveupdate.corsAllowedHeaders";
    public static final String CORS_MAX_AGE_SECONDS = "liveupdate.corsMaxAgeSeconds";

    // setup-iam
    public static final String POLICY_NAME = "liveupdate.policyName";
    public static final String USER_NAME = "liveupdate.userName";
    public static final String KEY_WAIT_SECONDS = "liveupdate.keyWaitSeconds";
    public static final String REPLACE_PROFILE_KEY = "liveupdate.replaceProfileKey";

    // setup
    public static final String WRITE_SETTINGS = "liveupdate.writeSettings";

    // write-profile
    public static final String ACCESS_KEY_ID = "liveupdate.accessKeyId";
    public static final String SECRET_ACCESS_KEY = "liveupdate.secretAccessKey";
    public static final String SERVER_ID = "liveupdate.serverId";

    // upload
    public static final String SOURCE = "liveupdate.source";
    public static final String LAYOUT = "liveupdate.layout";
    public static final String CONCURRENCY = "liveupdate.concurrency";
    public static final String RESOURCE_CACHE_CONTROL = "liveupdate.resourceCacheControl";
    public static final String MANIFEST_CACHE_CONTROL = "liveupdate.manifestCacheControl";
    public static final String USE_DEFAULT_CHAIN = "liveupdate.useDefaultChain";

    // rotate-key
    public static final String ROTATE_KEY_SKIP = "liveupdate.rotateKey.skip";
    public static final String DELETE_OTHER_KEY = "liveupdate.deleteOtherKey";

    // verify
    public static final String VERIFY_SKIP = "liveupdate.verify.skip";
    public static final String VERIFY_ORIGIN = "liveupdate.verifyOrigin";

    // teardown: scoped to the goal, so that a property meant for another goal never confirms a deletion
    public static final String TEARDOWN_SKIP = "liveupdate.teardown.skip";
    public static final String TEARDOWN_CONFIRM = "liveupdate.teardown.confirm";
    public static final String TEARDOWN_DELETE_BUCKET = "liveupdate.teardown.deleteBucket";

    // Checksums for S3-compatible stores, shared by the goals that build an S3 client
    public static final String CHECKSUMS = "liveupdate.checksums";

    private PropertyNames() {}
}

package io.github.liveupdate.maven;

import java.nio.file.Path;
import java.util.List;

/** Setup goals configured as Maven would configure them from a POM with only a bucket, for mojo tests. */
final class SetupMojos {

    private SetupMojos() {}

    /**
     * Returns a setup goal for the bucket under prefix {@code game/v1} in eu-west-1, with every other parameter
     * at its default and the shared files under {@code folder/aws}.
     */
    static SetupMojo withDefaults(String bucket, String endpoint, Path folder) {
        SetupMojo mojo = new SetupMojo();
        mojo.bucket = bucket;
        mojo.region = "eu-west-1";
        mojo.prefix = "game/v1";
        mojo.profile = AbstractLiveUpdateMojo.DEFAULT_PROFILE;
        mojo.endpoint = endpoint;
        mojo.credentialsFile = folder.resolve("aws/credentials").toFile();
        mojo.configFile = folder.resolve("aws/config").toFile();
        mojo.publicRead = true;
        mojo.cors = true;
        mojo.corsAllowedOrigins = List.of("*");
        mojo.corsAllowedHeaders = List.of("*");
        mojo.corsMaxAgeSeconds = 3000;
        mojo.keyWaitSeconds = 60;
        return mojo;
    }
}

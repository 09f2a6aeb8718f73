package io.github.liveupdate.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * How to reach AWS: region, optional endpoint, the shared files and which credentials to sign with.
 *
 * @param region the configured region, or null to look it up
 * @param endpoint an S3-, IAM- and STS-compatible endpoint URL such as a local emulator, or null for AWS
 * @param files the shared credentials and config files
 * @param profile the profile to sign with and to read the region from, or null for the default chain
 * @param credentials explicit credentials that win over the profile, or null
 * @param environment the process environment, read for the region
 * @param maxConnections the size of each client's connection pool
 */
public record AwsOptions(
        String region,
        String endpoint,
        AwsFiles files,
        String profile,
        AwsCredentials credentials,
        Map<String, String> environment,
        int maxConnections) {

    /** The connection pool size for clients that send one request at a time. */
    public static final int DEFAULT_MAX_CONNECTIONS = 8;

    public AwsOptions withCredentials(AwsCredentials newCredentials) {
        return new AwsOptions(region, endpoint, files, profile, newCredentials, environment, maxConnections);
    }

    public AwsOptions withProfile(String newProfile) {
        return new AwsOptions(region, endpoint, files, newProfile, credentials, environment, maxConnections);
    }

    public AwsOptions withMaxConnections(int newMaxConnections) {
        return new AwsOptions(region, endpoint, files, profile, credentials, environment, newMaxConnections);
    }
}

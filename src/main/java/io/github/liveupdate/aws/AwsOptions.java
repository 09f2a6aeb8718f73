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
 * @param proxy the HTTP proxy that every client uses, or null to leave the AWS SDK's own proxy lookup (the
 *     {@code http(s).proxyHost} system properties and the {@code HTTP(S)_PROXY} environment variables) as it is
 * @param checksums when the S3 client sends request checksums and validates response checksums
 */
public record AwsOptions(
        String region,
        String endpoint,
        AwsFiles files,
        String profile,
        AwsCredentials credentials,
        Map<String, String> environment,
        int maxConnections,
        ProxySettings proxy,
        ChecksumPolicy checksums) {

    /** The connection pool size for clients that send one request at a time. */
    public static final int DEFAULT_MAX_CONNECTIONS = 8;

    public AwsOptions {
        if (checksums == null) {
            checksums = ChecksumPolicy.WHEN_SUPPORTED;
        }
    }

    /** Creates options without a proxy of their own and with the SDK's default checksums. */
    public AwsOptions(
            String region,
            String endpoint,
            AwsFiles files,
            String profile,
            AwsCredentials credentials,
            Map<String, String> environment,
            int maxConnections) {
        this(region, endpoint, files, profile, credentials, environment, maxConnections, null, null);
    }

    public AwsOptions withCredentials(AwsCredentials newCredentials) {
        return new AwsOptions(
                region, endpoint, files, profile, newCredentials, environment, maxConnections, proxy, checksums);
    }

    public AwsOptions withRegion(String newRegion) {
        return new AwsOptions(
                newRegion, endpoint, files, profile, credentials, environment, maxConnections, proxy, checksums);
    }

    public AwsOptions withProfile(String newProfile) {
        return new AwsOptions(
                region, endpoint, files, newProfile, credentials, environment, maxConnections, proxy, checksums);
    }

    public AwsOptions withMaxConnections(int newMaxConnections) {
        return new AwsOptions(
                region, endpoint, files, profile, credentials, environment, newMaxConnections, proxy, checksums);
    }

    public AwsOptions withProxy(ProxySettings newProxy) {
        return new AwsOptions(
                region, endpoint, files, profile, credentials, environment, maxConnections, newProxy, checksums);
    }

    public AwsOptions withChecksums(ChecksumPolicy newChecksums) {
        return new AwsOptions(
                region, endpoint, files, profile, credentials, environment, maxConnections, proxy, newChecksums);
    }
}

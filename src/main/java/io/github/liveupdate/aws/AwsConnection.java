package io.github.liveupdate.aws;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients of one goal, built from {@link AwsOptions}: the region resolved, the endpoint checked,
 * one Apache HTTP client per service. Clients are created on first use and closed together.
 */
public final class AwsConnection implements AutoCloseable {

    private final AwsOptions options;
    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private S3Client s3;
    private IamClient iam;
    private StsClient sts;

    private AwsConnection(AwsOptions options, Region region, URI endpoint, AwsCredentialsProvider credentials) {
        this.options = options;
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /**
     * Checks the options and prepares the clients. Fails with a message naming the value when the region or
     * endpoint is invalid or no region is set anywhere.
     */
    public static AwsConnection open(AwsOptions options) {
        URI endpoint = parseEndpoint(options.endpoint());
        String profileForRegion = options.profile() != null
                ? options.profile()
                : options.environment().getOrDefault("AWS_PROFILE", "default");
        Region region = Regions.resolve(
                options.region(),
                profileRegion(options.files(), profileForRegion),
                "the region of profile '" + profileForRegion + "' in "
                        + options.files().configFile(),
                options.environment());
        return new AwsConnection(options, region, endpoint, credentialsProvider(options));
    }

    /** Parses an endpoint URL, or returns null when none is configured. */
    public static URI parseEndpoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getPort() > 65535) {
                throw new URISyntaxException(value, "expected http:// or https:// and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new LiveUpdateException("Endpoint '" + value + "' is not a valid URL: use a URL such as"
                    + " http://127.0.0.1:5000, or leave <endpoint> unset to use AWS.");
        }
    }

    /**
     * Returns whether the endpoint is on this machine: {@code localhost}, an address in 127.0.0.0/8, or
     * {@code ::1}. Host names other than localhost are not resolved, so they count as remote.
     */
    public static boolean isLoopback(String endpoint) {
        URI uri = parseEndpoint(endpoint);
        if (uri == null) {
            return false;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.contains(":") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Loads the shared credentials and config files, skipping those that do not exist. The credentials file
     * is added first, as the SDK's own default does, so its values win where both files set a property.
     */
    public static ProfileFile loadProfiles(AwsFiles files) {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        addIfPresent(aggregator, files.credentialsFile(), ProfileFile.Type.CREDENTIALS);
        addIfPresent(aggregator, files.configFile(), ProfileFile.Type.CONFIGURATION);
        return aggregator.build();
    }

    /** Returns whether the credentials or config file has a profile of that name. */
    public static boolean hasProfile(AwsFiles files, String profile) {
        return loadProfiles(files).profile(profile).isPresent();
    }

    private static void addIfPresent(ProfileFile.Aggregator aggregator, Path file, ProfileFile.Type type) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            aggregator.addFile(ProfileFile.builder()
                    .content(new ByteArrayInputStream(withoutByteOrderMark(Files.readAllBytes(file))))
                    .type(type)
                    .build());
        } catch (IOException | RuntimeException e) {
            throw new LiveUpdateException("Cannot read " + file + ": " + e.getMessage()
                    + ". Fix the file, or point <credentialsFile>/<configFile> at another one.");
        }
    }

    /**
     * Removes a UTF-8 byte order mark, which Windows editors write and the SDK's parser rejects ("Expected a
     * profile definition on line 1"). The profile writer removes it from the file, with a warning.
     */
    private static byte[] withoutByteOrderMark(byte[] content) {
        boolean mark = content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
        return mark ? Arrays.copyOfRange(content, 3, content.length) : content;
    }

    private static Optional<String> profileRegion(AwsFiles files, String profile) {
        return loadProfiles(files).profile(profile).flatMap(p -> p.property(ProfileProperty.REGION));
    }

    private static AwsCredentialsProvider credentialsProvider(AwsOptions options) {
        if (options.credentials() != null) {
            return StaticCredentialsProvider.create(options.credentials());
        }
        if (options.profile() != null) {
            ProfileFile profiles = loadProfiles(options.files());
            if (profiles.profile(options.profile()).isEmpty()) {
                throw new LiveUpdateException("Profile '" + options.profile() + "' was not found in "
                        + options.files().credentialsFile() + " or "
                        + options.files().configFile()
                        + ". Run 'mvn liveupdate:setup' to create it, or name another profile.");
            }
            return ProfileCredentialsProvider.builder()
                    .profileFile(profiles)
                    .profileName(options.profile())
                    .build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public Region region() {
        return region;
    }

    /** Returns the ARN partition of the region: aws, aws-cn or aws-us-gov. */
    public String partition() {
        return Regions.partition(region);
    }

    /** Returns the configured endpoint, or null when the clients connect to AWS. */
    public URI endpoint() {
        return endpoint;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public AwsOptions options() {
        return options;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            var builder = S3Client.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClientBuilder(httpClient(options.maxConnections()))
                    .overrideConfiguration(AwsConnection::retryCutResponses)
                    .requestChecksumCalculation(options.checksums().requestCalculation())
                    .responseChecksumValidation(options.checksums().responseValidation());
            if (options.checksums() == ChecksumPolicy.WHEN_REQUIRED) {
                // Operations that require a checksum, such as PutBucketCors, also send Content-MD5, which stores
                // that predate flexible checksums require there. SDK 2.59.1 still adds its CRC32 to them.
                builder.addPlugin(LegacyMd5Plugin.create());
            }
            if (endpoint != null) {
                builder.endpointOverride(endpoint).forcePathStyle(true);
            }
            s3 = builder.build();
        }
        return s3;
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            var builder = IamClient.builder()
                    .region(Regions.iamRegion(region))
                    .credentialsProvider(credentials)
                    .httpClientBuilder(httpClient(AwsOptions.DEFAULT_MAX_CONNECTIONS))
                    .overrideConfiguration(AwsConnection::retryCutResponses);
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            iam = builder.build();
        }
        return iam;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = stsClient(credentials);
        }
        return sts;
    }

    /**
     * Builds a separate STS client that signs with other credentials, such as a new access key. The caller
     * closes it.
     */
    public StsClient stsClient(AwsCredentialsProvider signer) {
        var builder = StsClient.builder()
                .region(region)
                .credentialsProvider(signer)
                .httpClientBuilder(httpClient(2))
                .overrideConfiguration(AwsConnection::retryCutResponses);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /**
     * Builds an HTTP client with the settings of the service clients, for requests that carry no signature,
     * such as the GET of a game that fetches public content. The caller closes it.
     */
    public SdkHttpClient unsignedHttpClient() {
        return httpClient(2).build();
    }

    /**
     * Adds a retry, within the SDK's own retry limits, for a response that the connection cut inside its body.
     * SDK 2.59.1 retries I/O failures, but it reports a response that ends inside its XML as a parse error,
     * which it does not retry, so one dropped connection would fail the whole goal.
     */
    static void retryCutResponses(ClientOverrideConfiguration.Builder configuration) {
        configuration.retryStrategy(strategy -> strategy.retryOnException(AwsConnection::isCutResponse));
    }

    /** Returns whether the SDK failed to read a response because it ended early or did not parse. */
    static boolean isCutResponse(Throwable failure) {
        if (!(failure instanceof SdkClientException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof XMLStreamException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a builder, not a client, so that each service client owns and closes its HTTP client.
     *
     * <p>The Apache client's own "Expect: 100-continue" on every request with a body is turned off: it makes
     * each small PUT wait one extra round trip for "100 Continue". The S3 client still adds the header to
     * bodies above 1 MiB (its expectContinueThresholdInBytes default in SDK 2.59), where the round trip is
     * cheap next to the transfer and an early rejection saves sending the body.
     *
     * <p>With a {@link AwsOptions#proxy() proxy} in the options, that proxy replaces the SDK's own lookup of
     * proxy system properties and environment variables. Without one, the SDK's lookup stays as it is.
     */
    private SdkHttpClient.Builder<?> httpClient(int maxConnections) {
        ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
                .maxConnections(Math.max(1, maxConnections))
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .expectContinueEnabled(false);
        if (options.proxy() != null) {
            builder.proxyConfiguration(proxyConfiguration(options.proxy()));
        }
        return builder;
    }

    /**
     * Converts the proxy settings for the Apache client. The SDK 2.59 client excludes only the hosts that match
     * {@code nonProxyHosts}: unlike {@code java.net.ProxySelector}, it has no built-in exclusion of localhost
     * and 127.*, so a loopback endpoint goes through the proxy unless a pattern names it. The credentials are
     * sent with the first request (preemptive Basic authentication), because each SDK request starts a new
     * authentication context and would otherwise cost a 407 round trip.
     */
    static ProxyConfiguration proxyConfiguration(ProxySettings proxy) {
        ProxyConfiguration.Builder builder = ProxyConfiguration.builder()
                .endpoint(proxy.endpoint())
                .nonProxyHosts(proxy.nonProxyHosts())
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        if (proxy.authenticated()) {
            builder.username(proxy.username()).password(proxy.password()).preemptiveBasicAuthenticationEnabled(true);
        }
        return builder.build();
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
        if (iam != null) {
            iam.close();
        }
        if (sts != null) {
            sts.close();
        }
    }
}

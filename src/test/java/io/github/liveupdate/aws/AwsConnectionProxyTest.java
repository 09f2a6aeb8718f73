package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.testing.FaultProxy;
import io.github.liveupdate.testing.FlexibleChecksumRejection;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.ProxyAuthentication;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The AWS clients through a settings.xml-style proxy, and the checksum policy against a store that rejects
 * flexible checksums, with moto_server behind a {@link FaultProxy}.
 */
class AwsConnectionProxyTest {

    private static MotoServer moto;

    @TempDir
    Path folder;

    private FaultProxy proxy;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto", "AwsConnectionProxyTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
        moto.reset();
    }

    @Test
    void sendsRequestsThroughProxy() {
        proxy = FaultProxy.start(moto.endpoint());

        try (AwsConnection connection =
                AwsConnection.open(options(moto.endpoint()).withProxy(proxyOf(proxy, "")))) {
            connection.s3().createBucket(b -> b.bucket("proxied"));
        }

        assertThat(proxy.requestLines()).contains("PUT " + moto.endpoint() + "/proxied HTTP/1.1");
    }

    @Test
    void loopbackEndpointIsProxiedByDefault() {
        proxy = FaultProxy.start(moto.endpoint());

        try (AwsConnection connection =
                AwsConnection.open(options(moto.endpoint()).withProxy(proxyOf(proxy, "")))) {
            connection.s3().listBuckets();
        }

        assertThat(proxy.requestLines()).hasSize(1);
    }

    @Test
    void nonProxyHostGoesDirect() {
        proxy = FaultProxy.start(moto.endpoint());
        ProxySettings settings = proxyOf(proxy, "localhost|127.0.0.*");

        try (AwsConnection connection =
                AwsConnection.open(options(moto.endpoint()).withProxy(settings))) {
            connection.s3().createBucket(b -> b.bucket("direct"));
            assertThat(connection
                            .s3()
                            .headBucket(b -> b.bucket("direct"))
                            .sdkHttpResponse()
                            .isSuccessful())
                    .isTrue();
        }

        assertThat(proxy.requestLines()).isEmpty();
    }

    @Test
    void sendsProxyCredentials() {
        proxy = FaultProxy.start(moto.endpoint());
        ProxyAuthentication authentication = ProxyAuthentication.basic("builder", "proxy-pass-0001");
        proxy.play(authentication);
        ProxySettings settings =
                new ProxySettings("127.0.0.1", port(proxy), "http", "builder", "proxy-pass-0001", Set.of());

        try (AwsConnection connection =
                AwsConnection.open(options(moto.endpoint()).withProxy(settings))) {
            connection.s3().createBucket(b -> b.bucket("authenticated"));
        }

        assertThat(authentication.rejected()).isZero();
        assertThat(proxy.requestLines()).hasSize(1);
    }

    @Test
    void missingProxyCredentialsFail() {
        proxy = FaultProxy.start(moto.endpoint());
        proxy.play(ProxyAuthentication.basic("builder", "proxy-pass-0001"));

        try (AwsConnection connection =
                AwsConnection.open(options(moto.endpoint()).withProxy(proxyOf(proxy, "")))) {
            assertThatThrownBy(() -> connection.s3().createBucket(b -> b.bucket("anonymous")))
                    .isInstanceOf(S3Exception.class)
                    .extracting(e -> ((S3Exception) e).statusCode())
                    .isEqualTo(407);
        }
    }

    @Test
    void defaultChecksumsAreRejectedByStore() {
        FlexibleChecksumRejection store = startStoreWithoutChecksums();

        try (AwsConnection connection = AwsConnection.open(options(proxy.endpoint()))) {
            assertThatThrownBy(() -> connection
                            .s3()
                            .putObject(b -> b.bucket("store").key("a"), RequestBody.fromString("content")))
                    .isInstanceOf(S3Exception.class)
                    .extracting(e -> ((S3Exception) e).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidArgument");
        }

        assertThat(store.rejected()).isPositive();
    }

    @Test
    void whenRequiredSendsNoFlexibleChecksums() {
        FlexibleChecksumRejection store = startStoreWithoutChecksums();
        AwsOptions options = options(proxy.endpoint()).withChecksums(ChecksumPolicy.WHEN_REQUIRED);

        try (AwsConnection connection = AwsConnection.open(options)) {
            connection.s3().putObject(b -> b.bucket("store").key("a"), RequestBody.fromString("content"));
            connection.s3().listObjectsV2(b -> b.bucket("store"));
            connection.s3().getObjectAsBytes(b -> b.bucket("store").key("a"));
        }

        assertThat(store.seenHeaders()).isEmpty();
    }

    @Test
    void whenRequiredAddsContentMd5WhereRequired() {
        FlexibleChecksumRejection store = startStoreWithoutChecksums();
        AwsOptions options = options(proxy.endpoint()).withChecksums(ChecksumPolicy.WHEN_REQUIRED);
        CORSRule rule =
                CORSRule.builder().allowedMethods("GET").allowedOrigins("*").build();

        try (AwsConnection connection = AwsConnection.open(options)) {
            // SDK 2.59.1 still adds CRC32 to operations that require a checksum, so this store rejects them.
            assertThatThrownBy(() -> connection
                            .s3()
                            .putBucketCors(b -> b.bucket("store").corsConfiguration(c -> c.corsRules(rule))))
                    .isInstanceOf(S3Exception.class);
        }

        assertThat(store.withContentMd5()).isEqualTo(1);
        assertThat(store.seenHeaders()).contains("x-amz-checksum-crc32");
    }

    private FlexibleChecksumRejection startStoreWithoutChecksums() {
        try (AwsConnection direct = AwsConnection.open(options(moto.endpoint()))) {
            direct.s3().createBucket(b -> b.bucket("store"));
        }
        FlexibleChecksumRejection store = new FlexibleChecksumRejection();
        proxy = FaultProxy.start(moto.endpoint()).play(store);
        return store;
    }

    private AwsOptions options(String endpoint) {
        return new AwsOptions(
                "eu-west-1",
                endpoint,
                AwsFiles.resolve(folder.resolve("credentials"), folder.resolve("config"), Map.of(), folder),
                null,
                AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY),
                Map.of(),
                2);
    }

    private static ProxySettings proxyOf(FaultProxy proxy, String nonProxyHosts) {
        return new ProxySettings(
                "127.0.0.1", port(proxy), "http", null, null, ProxySettings.nonProxyHostPatterns(nonProxyHosts));
    }

    private static int port(FaultProxy proxy) {
        return java.net.URI.create(proxy.endpoint()).getPort();
    }
}

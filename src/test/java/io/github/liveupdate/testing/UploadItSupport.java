package io.github.liveupdate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.upload.Layout;
import io.github.liveupdate.upload.UploadSpec;
import io.github.liveupdate.upload.Uploader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Helpers for the upload goal's integration tests: the profile the goal signs with, the bucket, and reads of
 * what the emulator contains afterwards. Every call reaches only the test's own moto_server on the loopback
 * address.
 */
public final class UploadItSupport {

    /** The bucket every upload test publishes to. */
    public static final String BUCKET = "liveupdate-it";

    private UploadItSupport() {}

    /**
     * Prepares an upload test: starts its moto_server, writes the {@code liveupdate} profile and creates
     * {@link #BUCKET}.
     */
    public static void prepare(File basedir, Map<String, Object> context) {
        prepare(basedir, context, Map.of());
    }

    /** Prepares an upload test as {@link #prepare(File, Map)} does, with environment variables for moto. */
    public static void prepare(File basedir, Map<String, Object> context, Map<String, String> motoEnvironment) {
        ItSupport.start(basedir, context, motoEnvironment);
        writeProfile(basedir);
        createBucket(basedir, BUCKET);
    }

    /**
     * Publishes a source to {@link #BUCKET} with the plugin's uploader, as an earlier release would have, so a test
     * starts from a bucket that already contains content.
     */
    public static void publish(File basedir, Path source, String prefix) {
        try (S3Client s3 = s3(basedir)) {
            new Uploader(s3, Reporter.silent())
                    .upload(new UploadSpec(source, BUCKET, prefix, Layout.RESOURCES, 8, null, null, false));
        }
    }

    /**
     * Writes {@code basedir/aws/credentials} and {@code basedir/aws/config} with a {@code liveupdate} profile that
     * signs as moto's root user in eu-west-1, as setup would.
     */
    public static void writeProfile(File basedir) {
        Path aws = basedir.toPath().resolve("aws");
        write(
                aws.resolve("credentials"),
                "[liveupdate]\naws_access_key_id = " + MotoServer.ACCESS_KEY_ID + "\naws_secret_access_key = "
                        + MotoServer.SECRET_ACCESS_KEY + "\n");
        write(aws.resolve("config"), "[profile liveupdate]\nregion = eu-west-1\n");
    }

    /** Creates the bucket in the test's emulator. */
    public static void createBucket(File basedir, String bucket) {
        try (S3Client s3 = s3(basedir)) {
            s3.createBucket(request -> request.bucket(bucket)
                    .createBucketConfiguration(configuration -> configuration.locationConstraint("eu-west-1")));
        }
    }

    /**
     * Lets anyone read the bucket's objects with a bucket policy, as setup does for Live update content, so
     * unsigned GETs succeed.
     */
    public static void allowPublicRead(File basedir, String bucket) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
        try (S3Client s3 = s3(basedir)) {
            s3.putBucketPolicy(request -> request.bucket(bucket).policy(policy));
        }
    }

    /** Returns a client of the test's emulator, signing as moto's root user. The caller closes it. */
    public static S3Client s3(File basedir) {
        return client(ItSupport.endpoint(basedir));
    }

    /** Returns a client of the emulator at the given endpoint, signing as moto's root user. */
    public static S3Client client(String endpoint) {
        return client(endpoint, 50);
    }

    /** Returns a client of the emulator with a connection pool of the given size. */
    public static S3Client client(String endpoint, int maxConnections) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)))
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(maxConnections)
                        .build())
                .build();
    }

    /** Returns every key in the bucket, sorted. */
    public static List<String> keys(File basedir, String bucket) {
        try (S3Client s3 = s3(basedir)) {
            List<String> keys = new ArrayList<>();
            for (S3Object object :
                    s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()) {
                keys.add(object.key());
            }
            keys.sort(null);
            return keys;
        }
    }

    /** Returns an object's bytes. */
    public static byte[] bytes(File basedir, String bucket, String key) {
        try (S3Client s3 = s3(basedir)) {
            return s3.getObject(request -> request.bucket(bucket).key(key), ResponseTransformer.toBytes())
                    .asByteArray();
        }
    }

    /** Returns an object's headers. */
    public static HeadObjectResponse head(File basedir, String bucket, String key) {
        try (S3Client s3 = s3(basedir)) {
            return s3.headObject(request -> request.bucket(bucket).key(key));
        }
    }

    /** Puts an object with the given bytes, as another tool or an older release would have. */
    public static void put(File basedir, String bucket, String key, byte[] content) {
        try (S3Client s3 = s3(basedir)) {
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
        }
    }

    /** Fetches an object with a plain GET that carries no signature, as a game does. */
    public static byte[] anonymousGet(File basedir, String bucket, String key) {
        try {
            URI uri = URI.create(ItSupport.endpoint(basedir) + "/" + bucket + "/" + key);
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IllegalStateException("GET " + uri + " returned HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the object keys of the object uploads that moto's request recorder saw, in arrival order: single
     * PUTs and multipart part uploads. The server must have been started with {@code MOTO_ENABLE_RECORDING}.
     */
    public static List<String> recordedUploads(File basedir, String bucket) {
        String recording = download(ItSupport.endpoint(basedir) + "/moto-api/recorder/download-recording");
        ObjectMapper json = new ObjectMapper();
        List<String> keys = new ArrayList<>();
        String bucketPath = "/" + bucket + "/";
        for (String line : recording.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode request = json.readTree(line);
                if (!request.path("method").asText().equals("PUT")) {
                    continue;
                }
                String path = URI.create(request.path("url").asText()).getRawPath();
                if (path.startsWith(bucketPath) && path.length() > bucketPath.length()) {
                    keys.add(URLDecoder.decode(path.substring(bucketPath.length()), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static String download(String url) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

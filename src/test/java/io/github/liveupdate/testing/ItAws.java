package io.github.liveupdate.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS clients and emulator calls for the integration tests' verify scripts, aimed at the test's own
 * moto_server. The callers close the clients.
 */
public final class ItAws {

    private static final Pattern SECRET = Pattern.compile("\"secret_access_key\"\\s*:\\s*\"([^\"]+)\"");

    private ItAws() {}

    /** Returns an S3 client of the emulator's root account. */
    public static S3Client s3(File basedir) {
        return s3(basedir, MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY);
    }

    /** Returns an S3 client that signs with the given key. */
    public static S3Client s3(File basedir, String accessKeyId, String secretAccessKey) {
        return S3Client.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .build();
    }

    /** Returns an IAM client of the emulator's root account. */
    public static IamClient iam(File basedir) {
        return iam(basedir, MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY);
    }

    /** Returns an IAM client that signs with the given key. */
    public static IamClient iam(File basedir, String accessKeyId, String secretAccessKey) {
        return IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .build();
    }

    /**
     * Returns every secret access key that the emulator has issued, read from its state dump, so a verify
     * script can check that the build log contains none of them.
     */
    public static List<String> issuedSecrets(File basedir) {
        return issuedSecrets(ItSupport.endpoint(basedir));
    }

    /** Returns every secret access key that the emulator at {@code motoEndpoint} has issued. */
    public static List<String> issuedSecrets(String motoEndpoint) {
        String state = get(motoEndpoint + "/moto-api/data.json");
        List<String> secrets = new ArrayList<>();
        Matcher matcher = SECRET.matcher(state);
        while (matcher.find()) {
            secrets.add(matcher.group(1));
        }
        return secrets;
    }

    /**
     * Turns on IAM authorization in the emulator: from the next request on, only IAM users' keys work and
     * each request is checked against their policies.
     */
    public static void enforceIam(File basedir) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(ItSupport.endpoint(basedir) + "/moto-api/reset-auth")
                            .toURL()
                            .openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            // A form content type, the default, makes moto read the body as a form and find no count.
            connection.setRequestProperty("Content-Type", "text/plain");
            connection.getOutputStream().write("0".getBytes(StandardCharsets.UTF_8));
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException("moto_server answered " + connection.getResponseCode()
                        + " to the request that turns on IAM authorization");
            }
            connection.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends an unsigned GET, as a browser or game client does, and returns the status code. */
    public static int anonymousGetStatus(String url) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(String url) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            try (var in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

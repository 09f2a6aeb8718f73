package io.github.liveupdate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/**
 * The settings that S3 gives every new bucket since April 2023, and their effects, which moto 5.2 does not
 * apply:
 *
 * <ul>
 *   <li>All four Block Public Access settings on. After a CreateBucket passes, this behaviour sets them in
 *       moto directly, so GetPublicAccessBlock returns them as S3 would.
 *   <li>Object ownership "bucket owner enforced" (ACLs disabled), set the same way when CreateBucket did not
 *       choose one. A request with an {@code x-amz-acl} or {@code x-amz-grant-*} header, or a PutBucketAcl or
 *       PutObjectAcl, is rejected with 400 AccessControlListNotSupported. NOTE: S3 accepts the canned ACL
 *       {@code bucket-owner-full-control} on such buckets, and so does this behaviour.
 *   <li>PutBucketPolicy with a public policy is rejected with 403 AccessDenied while the bucket's
 *       BlockPublicPolicy is on, and for {@code propagationDelay} after any PutPublicAccessBlock or
 *       DeletePublicAccessBlock, since S3 applies such a change only after some seconds. The state comes
 *       from the CreateBucket, PutPublicAccessBlock and DeletePublicAccessBlock requests that pass through
 *       the proxy, so a change made around the proxy is not seen.
 * </ul>
 */
public final class NewBucketDefaults implements AwsBehaviour, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK_PUBLIC_POLICY =
            Pattern.compile("<BlockPublicPolicy>\\s*true\\s*</BlockPublicPolicy>", Pattern.CASE_INSENSITIVE);

    private final S3Client emulator;
    private final Duration propagationDelay;
    private final Map<String, Boolean> blocksPublicPolicy = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastChange = new ConcurrentHashMap<>();

    /**
     * @param emulatorEndpoint moto's own endpoint, not the proxy's, to set the defaults of a new bucket
     * @param propagationDelay how long after a Block Public Access change S3 still rejects a public policy
     */
    public NewBucketDefaults(String emulatorEndpoint, Duration propagationDelay) {
        this.propagationDelay = propagationDelay;
        this.emulator = S3Client.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(emulatorEndpoint))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)))
                .build();
    }

    @Override
    public String name() {
        return "new-bucket-defaults";
    }

    @Override
    public ProxyResponse before(ProxyRequest request) {
        if (!request.service().equals("s3")) {
            return null;
        }
        if (setsAcl(request)) {
            return AwsErrorBodies.forRequest(
                    request, 400, "AccessControlListNotSupported", "The bucket does not allow ACLs");
        }
        if (request.action().equals("PutBucketPolicy") && isPublic(request.bodyText())) {
            String bucket = request.bucket();
            Instant changed = lastChange.get(bucket);
            boolean propagating = changed != null && Instant.now().isBefore(changed.plus(propagationDelay));
            if (propagating || blocksPublicPolicy.getOrDefault(bucket, false)) {
                return AwsErrorBodies.forRequest(
                        request,
                        403,
                        "AccessDenied",
                        "User: arn:aws:iam::123456789012:root is not authorized to perform: s3:PutBucketPolicy on"
                                + " resource: \"arn:aws:s3:::" + bucket + "\" because public policies are blocked"
                                + " by the BlockPublicPolicy block public access setting.");
            }
        }
        return null;
    }

    @Override
    public void after(ProxyRequest request, ProxyResponse response) {
        if (!request.service().equals("s3") || response.status() != 200 && response.status() != 204) {
            return;
        }
        String bucket = request.bucket();
        switch (request.action()) {
            case "CreateBucket" -> applyDefaults(request, bucket);
            case "PutPublicAccessBlock" -> {
                blocksPublicPolicy.put(
                        bucket, BLOCK_PUBLIC_POLICY.matcher(request.bodyText()).find());
                lastChange.put(bucket, Instant.now());
            }
            case "DeletePublicAccessBlock" -> {
                blocksPublicPolicy.put(bucket, false);
                lastChange.put(bucket, Instant.now());
            }
            default -> {
                // Other requests do not change Block Public Access.
            }
        }
    }

    private void applyDefaults(ProxyRequest request, String bucket) {
        emulator.putPublicAccessBlock(r -> r.bucket(bucket)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                        .ignorePublicAcls(true)
                        .blockPublicPolicy(true)
                        .restrictPublicBuckets(true)));
        blocksPublicPolicy.put(bucket, true);
        if (request.header("x-amz-object-ownership") == null) {
            emulator.putBucketOwnershipControls(r -> r.bucket(bucket)
                    .ownershipControls(
                            c -> c.rules(rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        }
    }

    private static boolean setsAcl(ProxyRequest request) {
        String cannedAcl = request.header("x-amz-acl");
        if (cannedAcl != null && !cannedAcl.equals("bucket-owner-full-control")) {
            return true;
        }
        for (String[] header : request.headers()) {
            if (header[0].toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-grant-")) {
                return true;
            }
        }
        return request.action().equals("PutBucketAcl") || request.action().equals("PutObjectAcl");
    }

    /**
     * Returns whether a policy allows anyone: a statement with Effect Allow and Principal {@code *} or
     * {@code {"AWS": "*"}}. NOTE: S3 also counts conditions; this check ignores them, which is enough for the
     * plugin's statement, which has none.
     */
    static boolean isPublic(String policy) {
        try {
            JsonNode statements = JSON.readTree(policy).path("Statement");
            for (JsonNode statement :
                    statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
                JsonNode principal = statement.path("Principal");
                boolean everyone = principal.asText().equals("*")
                        || principal.path("AWS").asText().equals("*")
                        || (principal.path("AWS").isArray()
                                && principal.path("AWS").toString().contains("\"*\""));
                if (statement.path("Effect").asText().equals("Allow") && everyone) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}

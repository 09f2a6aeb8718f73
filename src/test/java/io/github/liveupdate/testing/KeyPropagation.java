package io.github.liveupdate.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new access key that AWS does not accept yet: for {@code delay} after a CreateAccessKey response passes
 * through the proxy, every request signed with that key is rejected, by S3 with 403 InvalidAccessKeyId and by
 * IAM and STS with 403 InvalidClientTokenId, as AWS does for a few seconds after it creates a key.
 */
public final class KeyPropagation implements AwsBehaviour {

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");

    private final Duration delay;
    private final Map<String, Instant> created = new ConcurrentHashMap<>();

    public KeyPropagation(Duration delay) {
        this.delay = delay;
    }

    @Override
    public String name() {
        return "new-key";
    }

    @Override
    public ProxyResponse before(ProxyRequest request) {
        String keyId = request.signerKeyId();
        Instant createdAt = keyId == null ? null : created.get(keyId);
        if (createdAt == null || !Instant.now().isBefore(createdAt.plus(delay))) {
            return null;
        }
        if (request.service().equals("s3")) {
            return AwsErrorBodies.forRequest(
                    request,
                    403,
                    "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.");
        }
        return AwsErrorBodies.query(
                403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    @Override
    public void after(ProxyRequest request, ProxyResponse response) {
        if (response.status() == 200 && request.action().equals("CreateAccessKey")) {
            Matcher matcher = ACCESS_KEY_ID.matcher(response.bodyText());
            if (matcher.find()) {
                created.put(matcher.group(1), Instant.now());
            }
        }
    }
}

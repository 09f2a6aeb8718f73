package io.github.liveupdate.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new IAM user or managed policy that IAM does not find yet: for {@code delay} after a CreateUser or
 * CreatePolicy response passes through the proxy, IAM requests whose {@code UserName} or {@code PolicyArn}
 * names it are rejected with 404 NoSuchEntity, as IAM's eventual consistency allows.
 */
public final class EntityPropagation implements AwsBehaviour {

    private static final Pattern USER_NAME = Pattern.compile("<UserName>([^<]+)</UserName>");
    private static final Pattern ARN = Pattern.compile("<Arn>([^<]+)</Arn>");
    private static final Set<String> CREATING_ACTIONS = Set.of("CreateUser", "CreatePolicy");

    private final Duration delay;
    private final Map<String, Instant> users = new ConcurrentHashMap<>();
    private final Map<String, Instant> policies = new ConcurrentHashMap<>();

    public EntityPropagation(Duration delay) {
        this.delay = delay;
    }

    @Override
    public String name() {
        return "new-entity";
    }

    @Override
    public ProxyResponse before(ProxyRequest request) {
        // The request that creates the entity is the one that must reach IAM.
        if (!request.service().equals("iam") || CREATING_ACTIONS.contains(request.action())) {
            return null;
        }
        Map<String, String> form = request.formParameters();
        String user = form.get("UserName");
        if (user != null && isNew(users, user)) {
            return AwsErrorBodies.query(404, "NoSuchEntity", "The user with name " + user + " cannot be found.");
        }
        String policyArn = form.get("PolicyArn");
        if (policyArn != null && isNew(policies, policyArn)) {
            return AwsErrorBodies.query(
                    404, "NoSuchEntity", "Policy " + policyArn + " does not exist or is not attachable.");
        }
        return null;
    }

    private boolean isNew(Map<String, Instant> created, String name) {
        Instant createdAt = created.get(name);
        return createdAt != null && Instant.now().isBefore(createdAt.plus(delay));
    }

    @Override
    public void after(ProxyRequest request, ProxyResponse response) {
        if (response.status() != 200) {
            return;
        }
        if (request.action().equals("CreateUser")) {
            remember(users, USER_NAME, response);
        } else if (request.action().equals("CreatePolicy")) {
            remember(policies, ARN, response);
        }
    }

    private static void remember(Map<String, Instant> created, Pattern pattern, ProxyResponse response) {
        Matcher matcher = pattern.matcher(response.bodyText());
        if (matcher.find()) {
            created.put(matcher.group(1), Instant.now());
        }
    }
}

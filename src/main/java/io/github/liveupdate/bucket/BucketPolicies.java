package io.github.liveupdate.bucket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Prefixes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Adds, replaces and removes one statement, found by its Sid, in a bucket policy document and keeps every
 * other statement as it is. Works on JSON text only and sends no request.
 */
public final class BucketPolicies {

    /** The policy language version of the documents this class creates. */
    public static final String POLICY_VERSION = "2012-10-17";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BucketPolicies() {}

    /**
     * The policy document to send after a change, and how the statement changed.
     *
     * @param outcome {@link Outcome#UNCHANGED} when nothing needs to be sent
     * @param policy the new document as JSON, or an empty optional when the bucket policy must be deleted
     *     because no statement is left
     */
    public record Change(Outcome outcome, Optional<String> policy) {}

    /**
     * Builds a statement that lets anyone read every object under the prefix: s3:GetObject for Principal
     * {@code *} on {@code arn:PARTITION:s3:::BUCKET/PREFIX/*}, or on the whole bucket for an empty prefix.
     *
     * @param normalizedPrefix a prefix returned by {@link Prefixes#normalize}
     */
    public static ObjectNode publicReadStatement(String sid, String partition, String bucket, String normalizedPrefix) {
        ObjectNode statement = NODES.objectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", "*");
        statement.put("Action", "s3:GetObject");
        statement.put(
                "Resource",
                "arn:" + partition + ":s3:::" + bucket + "/"
                        + Prefixes.objectPattern(Prefixes.escapeForPolicy(normalizedPrefix)));
        return statement;
    }

    /**
     * Puts {@code statement} into a policy: it replaces the statement with the same Sid where there is one,
     * else it is appended. The outcome is {@link Outcome#UNCHANGED} when the policy already has an equal
     * statement, {@link Outcome#UPDATED} when a statement with that Sid differs, else {@link Outcome#CREATED}.
     *
     * @param policy the current policy as JSON, or null when the bucket has none
     * @param statement a statement with a Sid
     */
    public static Change withStatement(String policy, ObjectNode statement) {
        String sid = statement.path("Sid").asText();
        if (policy == null || policy.isBlank()) {
            ObjectNode document = NODES.objectNode();
            document.put("Version", POLICY_VERSION);
            document.putArray("Statement").add(statement);
            return new Change(Outcome.CREATED, Optional.of(write(document)));
        }
        ObjectNode document = parse(policy);
        List<JsonNode> statements = statements(document);
        int index = indexOfSid(statements, sid);
        if (index < 0) {
            statements.add(statement);
            return new Change(Outcome.CREATED, Optional.of(write(withStatements(document, statements))));
        }
        if (semanticallyEqual(statements.get(index), statement)) {
            return new Change(Outcome.UNCHANGED, Optional.of(policy));
        }
        statements.set(index, statement);
        return new Change(Outcome.UPDATED, Optional.of(write(withStatements(document, statements))));
    }

    /**
     * Returns the statement with the given Sid.
     *
     * @param policy the current policy as JSON, or null when the bucket has none
     */
    public static Optional<JsonNode> statementWithSid(String policy, String sid) {
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        List<JsonNode> statements = statements(parse(policy));
        int index = indexOfSid(statements, sid);
        return index < 0 ? Optional.empty() : Optional.of(statements.get(index));
    }

    /**
     * Removes the statement with the given Sid from a policy. The outcome is {@link Outcome#UNCHANGED} when
     * there is no such statement; else it is {@link Outcome#UPDATED}, with an empty policy when that
     * statement was the only one.
     *
     * @param policy the current policy as JSON, or null when the bucket has none
     */
    public static Change withoutStatement(String policy, String sid) {
        if (policy == null || policy.isBlank()) {
            return new Change(Outcome.UNCHANGED, Optional.empty());
        }
        ObjectNode document = parse(policy);
        List<JsonNode> statements = statements(document);
        int index = indexOfSid(statements, sid);
        if (index < 0) {
            return new Change(Outcome.UNCHANGED, Optional.of(policy));
        }
        statements.remove(index);
        if (statements.isEmpty()) {
            return new Change(Outcome.UPDATED, Optional.empty());
        }
        return new Change(Outcome.UPDATED, Optional.of(write(withStatements(document, statements))));
    }

    /**
     * Returns whether two statements grant the same: key order does not matter, nor the order of values in
     * a list, and a single value equals a list of just that value (IAM reads {@code "Action": "s3:GetObject"}
     * and {@code "Action": ["s3:GetObject"]} alike).
     */
    static boolean semanticallyEqual(JsonNode a, JsonNode b) {
        return normalized(a).equals(normalized(b));
    }

    private static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                result.set(field.getKey(), normalized(field.getValue()));
            }
            return result;
        }
        if (node.isArray()) {
            if (node.size() == 1) {
                return normalized(node.get(0));
            }
            TreeSet<String> sorted = new TreeSet<>();
            for (JsonNode element : node) {
                sorted.add(write(normalized(element)));
            }
            ArrayNode result = NODES.arrayNode();
            sorted.forEach(result::add);
            return result;
        }
        return node;
    }

    private static List<JsonNode> statements(ObjectNode document) {
        JsonNode node = document.get("Statement");
        List<JsonNode> statements = new ArrayList<>();
        if (node == null || node.isNull()) {
            return statements;
        }
        if (node.isArray()) {
            node.forEach(statements::add);
        } else {
            statements.add(node);
        }
        return statements;
    }

    private static ObjectNode withStatements(ObjectNode document, List<JsonNode> statements) {
        ArrayNode array = NODES.arrayNode();
        statements.forEach(array::add);
        document.set("Statement", array);
        return document;
    }

    private static int indexOfSid(List<JsonNode> statements, String sid) {
        for (int i = 0; i < statements.size(); i++) {
            JsonNode statementSid = statements.get(i).get("Sid");
            if (statementSid != null
                    && statementSid.isTextual()
                    && statementSid.asText().equals(sid)) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode parse(String policy) {
        try {
            JsonNode node = JSON.readTree(policy);
            if (node == null || !node.isObject()) {
                throw new LiveUpdateException("The bucket policy is not a JSON object: " + policy);
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new LiveUpdateException("The bucket policy is not valid JSON (" + e.getOriginalMessage()
                    + "). Fix or delete it in the S3 console, then run the goal again.");
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }
}

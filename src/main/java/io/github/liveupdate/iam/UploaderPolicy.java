package io.github.liveupdate.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.liveupdate.core.Prefixes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The IAM policy document of the uploading user: what Defold's editor and bob need to publish Live update
 * content under the prefix, and nothing more.
 *
 * <ul>
 *   <li>{@code s3:ListAllMyBuckets} on every bucket, because the editor lists the buckets to choose from.
 *   <li>{@code s3:GetBucketAcl} on the bucket, because bob reads the bucket's ACL before it uploads.
 *   <li>{@code s3:ListBucket} on the bucket, limited to keys under the prefix, so that upload can skip
 *       objects that are already there.
 *   <li>{@code s3:PutObject} on the objects under the prefix.
 * </ul>
 */
public final class UploaderPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UploaderPolicy() {}

    /**
     * Builds the policy document.
     *
     * @param bucket the bucket name
     * @param normalizedPrefix the key prefix as {@link Prefixes#normalize} returns it, empty for the whole bucket
     * @param partition the ARN partition: aws, aws-cn or aws-us-gov
     */
    public static ObjectNode document(String bucket, String normalizedPrefix, String partition) {
        String bucketArn = "arn:" + partition + ":s3:::" + escape(bucket);
        String prefixPattern = Prefixes.objectPattern(escape(normalizedPrefix));

        ObjectNode document = JSON.createObjectNode();
        document.put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        statements.add(statement("ListAllBuckets", "s3:ListAllMyBuckets", "arn:" + partition + ":s3:::*"));
        statements.add(statement("ReadBucketAcl", "s3:GetBucketAcl", bucketArn));
        ObjectNode list = statement("ListContent", "s3:ListBucket", bucketArn);
        if (!normalizedPrefix.isEmpty()) {
            list.putObject("Condition").putObject("StringLike").put("s3:prefix", prefixPattern);
        }
        statements.add(list);
        statements.add(statement("UploadContent", "s3:PutObject", bucketArn + "/" + prefixPattern));
        return document;
    }

    /** Returns the document as compact JSON, the form sent to IAM. */
    public static String toJson(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    /**
     * Returns whether a policy document read from IAM has the same content as {@code expected}: same
     * values, with the keys of each object in any order. IAM returns documents URL-encoded (RFC 3986), so a
     * stored document that does not start with an opening brace is percent-decoded first. A document that does not
     * parse is not equivalent.
     */
    public static boolean isEquivalent(String storedDocument, JsonNode expected) {
        if (storedDocument == null) {
            return false;
        }
        String text = storedDocument.strip();
        try {
            if (!text.startsWith("{")) {
                text = percentDecode(text);
            }
            return JSON.readTree(text).equals(expected);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Decodes {@code %XX} escapes and leaves {@code +} as it is: RFC 3986 encodes a space as {@code %20},
     * whereas {@link URLDecoder} alone would read {@code +} as a space.
     */
    static String percentDecode(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Escapes the characters that IAM reads as wildcards or variables in ARNs and condition values, so a
     * prefix such as {@code a*b} matches only itself. IAM's literal forms are {@code ${*}}, {@code ${?}} and
     * {@code ${$}}, as the IAM User Guide lists them
     * under "IAM policy elements: Variables and tags".
     */
    static String escape(String value) {
        return Prefixes.escapeForPolicy(value);
    }

    private static ObjectNode statement(String sid, String action, String resource) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", action);
        statement.put("Resource", resource);
        return statement;
    }
}

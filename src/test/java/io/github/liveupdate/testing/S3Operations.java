package io.github.liveupdate.testing;

import java.util.List;
import java.util.Map;

/**
 * Names the S3 operation of a path-style request from its method, path, query and copy-source header, so
 * that faults can match {@code PutBucketPolicy} rather than {@code PUT /bucket?policy}. Covers the operations
 * that the plugin and its tests send; others get the method and path level, such as {@code PUT bucket}.
 */
final class S3Operations {

    /** Bucket subresources and the operation noun that follows Get, Put or Delete. */
    private static final Map<String, String> BUCKET_SUBRESOURCES = Map.ofEntries(
            Map.entry("policy", "BucketPolicy"),
            Map.entry("cors", "BucketCors"),
            Map.entry("publicAccessBlock", "PublicAccessBlock"),
            Map.entry("ownershipControls", "BucketOwnershipControls"),
            Map.entry("location", "BucketLocation"),
            Map.entry("acl", "BucketAcl"),
            Map.entry("versioning", "BucketVersioning"),
            Map.entry("tagging", "BucketTagging"),
            Map.entry("lifecycle", "BucketLifecycleConfiguration"),
            Map.entry("encryption", "BucketEncryption"),
            Map.entry("website", "BucketWebsite"));

    /** Subresources checked in this order, since a request names at most one of them. */
    private static final List<String> SUBRESOURCE_ORDER = List.copyOf(BUCKET_SUBRESOURCES.keySet());

    private S3Operations() {}

    static String name(ProxyRequest request) {
        Map<String, String> query = request.queryParameters();
        String method = request.method();
        if (request.bucket() == null) {
            return method.equals("GET") ? "ListBuckets" : method + " /";
        }
        if (request.key() == null) {
            return bucketOperation(method, query);
        }
        return objectOperation(method, query, request.header("x-amz-copy-source") != null);
    }

    private static String bucketOperation(String method, Map<String, String> query) {
        for (String subresource : SUBRESOURCE_ORDER) {
            if (query.containsKey(subresource)) {
                return verb(method) + BUCKET_SUBRESOURCES.get(subresource);
            }
        }
        if (query.containsKey("uploads") && method.equals("GET")) {
            return "ListMultipartUploads";
        }
        if (query.containsKey("delete") && method.equals("POST")) {
            return "DeleteObjects";
        }
        return switch (method) {
            case "HEAD" -> "HeadBucket";
            case "PUT" -> "CreateBucket";
            case "DELETE" -> "DeleteBucket";
            case "GET" -> "2".equals(query.get("list-type")) ? "ListObjectsV2" : "ListObjects";
            default -> method + " bucket";
        };
    }

    private static String objectOperation(String method, Map<String, String> query, boolean copy) {
        if (query.containsKey("uploads") && method.equals("POST")) {
            return "CreateMultipartUpload";
        }
        if (query.containsKey("uploadId")) {
            return switch (method) {
                case "PUT" -> copy ? "UploadPartCopy" : "UploadPart";
                case "POST" -> "CompleteMultipartUpload";
                case "DELETE" -> "AbortMultipartUpload";
                case "GET" -> "ListParts";
                default -> method + " upload";
            };
        }
        if (query.containsKey("acl")) {
            return verb(method) + "ObjectAcl";
        }
        if (query.containsKey("tagging")) {
            return verb(method) + "ObjectTagging";
        }
        return switch (method) {
            case "PUT" -> copy ? "CopyObject" : "PutObject";
            case "GET" -> "GetObject";
            case "HEAD" -> "HeadObject";
            case "DELETE" -> "DeleteObject";
            default -> method + " object";
        };
    }

    private static String verb(String method) {
        return switch (method) {
            case "GET" -> "Get";
            case "PUT" -> "Put";
            case "DELETE" -> "Delete";
            default -> method;
        };
    }
}

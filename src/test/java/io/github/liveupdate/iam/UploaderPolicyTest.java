package io.github.liveupdate.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploaderPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void documentWithPrefixHasFourStatements() throws Exception {
        JsonNode expected = JSON.readTree("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "ListAllBuckets", "Effect": "Allow", "Action": "s3:ListAllMyBuckets",
                     "Resource": "arn:aws:s3:::*"},
                    {"Sid": "ReadBucketAcl", "Effect": "Allow", "Action": "s3:GetBucketAcl",
                     "Resource": "arn:aws:s3:::game-bucket"},
                    {"Sid": "ListContent", "Effect": "Allow", "Action": "s3:ListBucket",
                     "Resource": "arn:aws:s3:::game-bucket",
                     "Condition": {"StringLike": {"s3:prefix": "game/v1/*"}}},
                    {"Sid": "UploadContent", "Effect": "Allow", "Action": "s3:PutObject",
                     "Resource": "arn:aws:s3:::game-bucket/game/v1/*"}
                  ]
                }
                """);

        assertThat(UploaderPolicy.document("game-bucket", "game/v1", "aws")).isEqualTo(expected);
    }

    @Test
    void documentWithoutPrefixCoversWholeBucket() {
        JsonNode document = UploaderPolicy.document("game-bucket", "", "aws");

        JsonNode list = document.at("/Statement/2");
        assertThat(list.path("Action").asText()).isEqualTo("s3:ListBucket");
        assertThat(list.has("Condition")).isFalse();
        assertThat(document.at("/Statement/3/Resource").asText()).isEqualTo("arn:aws:s3:::game-bucket/*");
        assertThat(document.path("Statement").size()).isEqualTo(4);
    }

    @Test
    void documentUsesPartition() {
        JsonNode document = UploaderPolicy.document("game-bucket", "v1", "aws-cn");

        assertThat(document.at("/Statement/0/Resource").asText()).isEqualTo("arn:aws-cn:s3:::*");
        assertThat(document.at("/Statement/1/Resource").asText()).isEqualTo("arn:aws-cn:s3:::game-bucket");
        assertThat(document.at("/Statement/2/Resource").asText()).isEqualTo("arn:aws-cn:s3:::game-bucket");
        assertThat(document.at("/Statement/3/Resource").asText()).isEqualTo("arn:aws-cn:s3:::game-bucket/v1/*");
    }

    @Test
    void documentEscapesWildcardsInPrefix() {
        JsonNode document = UploaderPolicy.document("game-bucket", "a*b?c$d", "aws");

        assertThat(document.at("/Statement/3/Resource").asText())
                .isEqualTo("arn:aws:s3:::game-bucket/a${*}b${?}c${$}d/*");
        assertThat(document.at("/Statement/2/Condition/StringLike/s3:prefix").asText())
                .isEqualTo("a${*}b${?}c${$}d/*");
    }

    @Test
    void equivalentIgnoresKeyOrder() {
        JsonNode expected = UploaderPolicy.document("game-bucket", "v1", "aws");
        String reordered = "{\"Statement\":[" + reorderedStatements() + "],\"Version\":\"2012-10-17\"}";

        assertThat(UploaderPolicy.isEquivalent(reordered, expected)).isTrue();
    }

    @Test
    void equivalentDecodesUrlEncodedDocument() {
        JsonNode expected = UploaderPolicy.document("game-bucket", "v1", "aws");
        String pretty = expected.toPrettyString();
        String encoded = URLEncoder.encode(pretty, StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(UploaderPolicy.isEquivalent(encoded, expected)).isTrue();
    }

    @Test
    void equivalentKeepsPlusInEncodedDocument() {
        JsonNode expected = UploaderPolicy.document("game-bucket", "a+b", "aws");
        String encoded = URLEncoder.encode(UploaderPolicy.toJson(expected), StandardCharsets.UTF_8)
                .replace("%2B", "+");

        assertThat(UploaderPolicy.isEquivalent(encoded, expected)).isTrue();
    }

    @Test
    void equivalentRejectsOtherPrefix() {
        JsonNode expected = UploaderPolicy.document("game-bucket", "v2", "aws");
        String stored = UploaderPolicy.toJson(UploaderPolicy.document("game-bucket", "v1", "aws"));

        assertThat(UploaderPolicy.isEquivalent(stored, expected)).isFalse();
    }

    @Test
    void equivalentRejectsReorderedStatements() {
        JsonNode expected = UploaderPolicy.document("game-bucket", "v1", "aws");
        JsonNode statements = expected.path("Statement");
        String stored = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.get(3) + "," + statements.get(2)
                + "," + statements.get(1) + "," + statements.get(0) + "]}";

        assertThat(UploaderPolicy.isEquivalent(stored, expected)).isFalse();
    }

    @Test
    void equivalentRejectsMalformedDocument() {
        JsonNode expected = UploaderPolicy.document("game-bucket", "v1", "aws");

        assertThat(UploaderPolicy.isEquivalent("%7B%22Version", expected)).isFalse();
        assertThat(UploaderPolicy.isEquivalent("%zz", expected)).isFalse();
        assertThat(UploaderPolicy.isEquivalent(null, expected)).isFalse();
    }

    /** Returns the statements of the v1 document with the keys of each statement in reverse order. */
    private static String reorderedStatements() {
        return String.join(
                ",",
                "{\"Resource\":\"arn:aws:s3:::*\",\"Action\":\"s3:ListAllMyBuckets\",\"Effect\":\"Allow\","
                        + "\"Sid\":\"ListAllBuckets\"}",
                "{\"Resource\":\"arn:aws:s3:::game-bucket\",\"Action\":\"s3:GetBucketAcl\",\"Effect\":\"Allow\","
                        + "\"Sid\":\"ReadBucketAcl\"}",
                "{\"Condition\":{\"StringLike\":{\"s3:prefix\":\"v1/*\"}},\"Resource\":\"arn:aws:s3:::game-bucket\","
                        + "\"Action\":\"s3:ListBucket\",\"Effect\":\"Allow\",\"Sid\":\"ListContent\"}",
                "{\"Resource\":\"arn:aws:s3:::game-bucket/v1/*\",\"Action\":\"s3:PutObject\",\"Effect\":\"Allow\","
                        + "\"Sid\":\"UploadContent\"}");
    }
}

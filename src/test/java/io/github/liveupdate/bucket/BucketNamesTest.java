package io.github.liveupdate.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "my-game-lu",
                "my.game.lu",
                "0123456789",
                "a23456789012345678901234567890123456789012345678901234567890123",
                "xn-single-hyphen",
                "bucket-s3alias-not-at-end",
                "192.168.5.4a"
            })
    void acceptsValidNames(String name) {
        assertThat(BucketNames.brokenRule(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ab | has 2 characters, and S3 bucket names have 3 to 63",
                "a234567890123456789012345678901234567890123456789012345678901234 | has 64 characters",
                "My_Bucket | contains 'M', and S3 bucket names use only lowercase letters, digits, dots (.) and hyphens (-)",
                "my_bucket | contains '_'",
                "my bucket | contains ' '",
                "-bucket | begin and end with a lowercase letter or a digit",
                "bucket- | begin and end with a lowercase letter or a digit",
                ".bucket | begin and end with a lowercase letter or a digit",
                "my..bucket | two adjacent dots",
                "192.168.5.4 | formatted as an IP address",
                "xn--bucket | starts with 'xn--', a prefix that S3 reserves",
                "sthree-bucket | starts with 'sthree-'",
                "amzn-s3-demo-bucket | starts with 'amzn-s3-demo-'",
                "bucket-s3alias | ends with '-s3alias', a suffix that S3 reserves",
                "bucket--ol-s3 | ends with '--ol-s3'",
                "bucket.mrap | ends with '.mrap'",
                "bucket--x-s3 | ends with '--x-s3'",
                "bucket--table-s3 | ends with '--table-s3'"
            })
    void namesTheBrokenRule(String name, String rule) {
        assertThat(BucketNames.brokenRule(name))
                .hasValueSatisfying(broken -> assertThat(broken).contains(rule));
    }

    @Test
    void checkNamesValueAndParameter() {
        assertThatThrownBy(() -> BucketNames.check("My_Bucket"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageStartingWith("Bucket name 'My_Bucket' is invalid: it contains 'M'")
                .hasMessageEndingWith("set it with <bucket> or -Dliveupdate.bucket.");
    }

    @Test
    void checkRejectsMissingName() {
        assertThatThrownBy(() -> BucketNames.check(" "))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("No bucket is set");
    }

    @Test
    void checkAcceptsValidName() {
        BucketNames.check("my-game-lu");
    }

    @Test
    void dotsBreakVirtualHostedHttps() {
        assertThat(BucketNames.breaksVirtualHostedHttps("my.game")).isTrue();
    }

    @Test
    void hyphensKeepVirtualHostedHttps() {
        assertThat(BucketNames.breaksVirtualHostedHttps("my-game")).isFalse();
    }

    @Test
    void rejectsDotNextToHyphen() {
        assertThat(BucketNames.brokenRule("game-.x"))
                .hasValueSatisfying(rule -> assertThat(rule).contains(".-"));
        assertThat(BucketNames.brokenRule("game.-x")).isPresent();
    }
}

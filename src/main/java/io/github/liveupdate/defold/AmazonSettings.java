package io.github.liveupdate.defold;

import io.github.liveupdate.bucket.BucketNames;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Prefixes;

/**
 * The values that write-settings puts into liveupdate.settings, so that Defold's editor and bob publish to
 * the bucket in Amazon mode.
 *
 * @param profile the credentials profile, {@code amazon-credential-profile}
 * @param bucket the S3 bucket, {@code amazon-bucket}
 * @param prefix the key prefix, {@code amazon-prefix}, normalized by {@link Prefixes#normalize}
 */
public record AmazonSettings(String profile, String bucket, String prefix) {

    /**
     * Checks the values.
     *
     * @throws LiveUpdateException if the profile or bucket is missing, or the bucket or prefix is invalid
     */
    public AmazonSettings {
        if (profile == null || profile.isBlank()) {
            throw new LiveUpdateException("No profile is set. Set <profile> or -Dliveupdate.profile.");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new LiveUpdateException(
                    "No bucket is set. Set <bucket> in the plugin configuration or pass -Dliveupdate.bucket=NAME.");
        }
        profile = profile.trim();
        bucket = bucket.trim();
        BucketNames.check(bucket);
        prefix = Prefixes.normalize(prefix);
    }
}

package io.github.liveupdate.iam;

import java.util.List;
import software.amazon.awssdk.services.iam.model.Tag;

/** The tags on the IAM user and policy that the plugin creates, so a person can tell where they came from. */
public final class IamTags {

    public static final String CREATED_BY = "created-by";
    public static final String CREATED_BY_VALUE = "liveupdate-maven-plugin";
    static final String BUCKET = "liveupdate-bucket";

    private IamTags() {}

    static List<Tag> forBucket(String bucket) {
        return List.of(
                Tag.builder().key(CREATED_BY).value(CREATED_BY_VALUE).build(),
                Tag.builder().key(BUCKET).value(bucket).build());
    }

    /** Returns whether the tags mark a resource that this plugin created. */
    public static boolean markCreatedByPlugin(List<Tag> tags) {
        return tags.stream()
                .anyMatch(tag -> tag.key().equals(CREATED_BY) && tag.value().equals(CREATED_BY_VALUE));
    }
}

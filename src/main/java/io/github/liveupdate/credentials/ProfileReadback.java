package io.github.liveupdate.credentials;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Checks, after writing, that the AWS SDK's own parser reads the profile back from the files with the new
 * key and region. Messages name the key id masked and never contain the secret.
 */
final class ProfileReadback {

    private ProfileReadback() {}

    /**
     * Reads both files and compares the profile with what was written.
     *
     * @throws LiveUpdateException listing every difference found
     */
    static void check(Path credentialsFile, Path configFile, String profile, AccessKeyPair key, String region) {
        check(
                ProfileFiles.read(credentialsFile, ProfileWriter.CREDENTIALS_PARAMETER),
                ProfileFiles.read(configFile, ProfileWriter.CONFIG_PARAMETER),
                credentialsFile,
                configFile,
                profile,
                key,
                region,
                "After writing, the AWS SDK reads");
    }

    /**
     * Parses the two contents and compares the profile with the expected key and region.
     *
     * @param when the start of the message, such as "After writing, the AWS SDK reads"
     * @throws LiveUpdateException listing every difference found
     */
    static void check(
            String credentialsContent,
            String configContent,
            Path credentialsFile,
            Path configFile,
            String profile,
            AccessKeyPair key,
            String region,
            String when) {
        Map<String, String> properties = ProfileFiles.properties(ProfileFiles.merged(
                ProfileFiles.parse(configContent, FileKind.CONFIG, configFile),
                ProfileFiles.parse(credentialsContent, FileKind.CREDENTIALS, credentialsFile),
                profile));
        List<String> problems = new ArrayList<>();
        if (properties.isEmpty()) {
            problems.add("the profile is missing");
        } else {
            String keyId = properties.get(ProfileProperty.AWS_ACCESS_KEY_ID);
            if (!key.accessKeyId().equals(keyId)) {
                problems.add(
                        "the access key id is " + KeyIds.mask(keyId) + " instead of " + KeyIds.mask(key.accessKeyId()));
            }
            if (!sameSecret(key.secretAccessKey(), properties.get(ProfileProperty.AWS_SECRET_ACCESS_KEY))) {
                problems.add("the secret access key differs from the one written");
            }
            if (!region.equals(properties.get(ProfileProperty.REGION))) {
                problems.add("the region is " + properties.get(ProfileProperty.REGION) + " instead of " + region);
            }
            for (String overriding : ProfileWriter.KEYS_THAT_OVERRIDE_A_STATIC_KEY) {
                if (properties.containsKey(overriding)) {
                    problems.add("it sets " + overriding + ", which AWS tools use instead of the access key");
                }
            }
            if (properties.containsKey(ProfileProperty.AWS_SESSION_TOKEN)) {
                problems.add("it still sets aws_session_token");
            }
        }
        if (!problems.isEmpty()) {
            throw new LiveUpdateException(when + " profile '" + profile + "' from "
                    + credentialsFile + " and " + configFile + " differently from what was written: "
                    + String.join("; ", problems) + ". Check the profile's sections in both files and run again.");
        }
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    private static boolean sameSecret(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}

package io.github.liveupdate.rotation;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileWriter;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profile's key in the shared credentials and config files. Writes go through {@link ProfileWriter}: locked,
 * atomic, and keeping the other profiles. The profile keeps its region; only a profile without one gets
 * {@code defaultRegion}.
 */
final class CredentialsFileKeys implements ProfileKeys {

    private final AwsFiles files;
    private final ProfileWriter writer;
    private final String defaultRegion;

    CredentialsFileKeys(AwsFiles files, Reporter reporter, String defaultRegion) {
        this.files = files;
        this.writer = new ProfileWriter(files, reporter);
        this.defaultRegion = defaultRegion;
    }

    @Override
    public Optional<AccessKeyPair> read(String profile) {
        return AwsConnection.loadProfiles(files).profile(profile).flatMap(p -> {
            Optional<String> id = p.property(ProfileProperty.AWS_ACCESS_KEY_ID);
            Optional<String> secret = p.property(ProfileProperty.AWS_SECRET_ACCESS_KEY);
            return id.isPresent() && secret.isPresent()
                    ? Optional.of(new AccessKeyPair(id.get().trim(), secret.get()))
                    : Optional.empty();
        });
    }

    @Override
    public void checkWritable(String profile) {
        writer.checkWritable(profile, region(profile));
    }

    @Override
    public void write(String profile, AccessKeyPair key) {
        writer.write(profile, key, region(profile), false);
    }

    @Override
    public String location(String profile) {
        return "profile '" + profile + "' in " + files.credentialsFile();
    }

    private String region(String profile) {
        return AwsConnection.loadProfiles(files)
                .profile(profile)
                .flatMap((Profile p) -> p.property(ProfileProperty.REGION))
                .orElse(defaultRegion);
    }
}

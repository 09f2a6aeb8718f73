package io.github.liveupdate.credentials;

import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import io.github.liveupdate.credentials.ProfileSectionEditor.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Removes one profile's section from the shared credentials file or the config file and keeps every other
 * line of the file. Like {@link ProfileWriter}, it locks the file, edits it with {@link ProfileSectionEditor},
 * checks the result with the AWS SDK's parser and replaces the file atomically.
 */
public final class ProfileRemover {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final AwsFiles files;
    private final Reporter reporter;
    private final Duration lockTimeout;

    public ProfileRemover(AwsFiles files, Reporter reporter) {
        this(files, reporter, LOCK_TIMEOUT);
    }

    /** @param lockTimeout how long to wait for another build that writes the same file */
    ProfileRemover(AwsFiles files, Reporter reporter, Duration lockTimeout) {
        this.files = Objects.requireNonNull(files);
        this.reporter = Objects.requireNonNull(reporter);
        this.lockTimeout = Objects.requireNonNull(lockTimeout);
    }

    /**
     * The profile's sections as the files contain them now.
     *
     * @param inCredentials whether the credentials file has a section for the profile
     * @param accessKeyId the access key id of that section, if it has one
     * @param configKeys the keys of the profile's section in the config file, or empty when it has none
     */
    public record Sections(boolean inCredentials, Optional<String> accessKeyId, Optional<Set<String>> configKeys) {}

    /**
     * Reads the profile's sections from both files, reading only.
     *
     * @throws LiveUpdateException if a file cannot be read or parsed
     */
    public Sections read(String profile) {
        Optional<Profile> credentials = parse(
                        credentialsFile(), FileKind.CREDENTIALS, ProfileWriter.CREDENTIALS_PARAMETER)
                .profile(profile);
        Optional<Profile> config = parse(configFile(), FileKind.CONFIG, ProfileWriter.CONFIG_PARAMETER)
                .profile(profile);
        return new Sections(
                credentials.isPresent(),
                credentials.flatMap(p -> p.property(ProfileProperty.AWS_ACCESS_KEY_ID)),
                config.map(p -> Set.copyOf(p.properties().keySet())));
    }

    /**
     * Removes the profile's section from the credentials file if it still contains {@code expectedKeyId}, so that
     * a key written there since the caller read the file stays.
     *
     * @return {@link Outcome#UPDATED} when the section was removed, else {@link Outcome#UNCHANGED}
     * @throws LiveUpdateException if the file cannot be read, locked or written
     */
    public Outcome removeFromCredentials(String profile, String expectedKeyId) {
        Path file = credentialsFile();
        return remove(file, FileKind.CREDENTIALS, ProfileWriter.CREDENTIALS_PARAMETER, profile, properties -> {
            String keyId = properties.get(ProfileProperty.AWS_ACCESS_KEY_ID);
            if (Objects.equals(keyId, expectedKeyId)) {
                return true;
            }
            reporter.warn("Profile '" + profile + "' in " + file + " changed while teardown ran and now contains"
                    + " another key, so it was kept.");
            return false;
        });
    }

    /**
     * Removes the profile's section from the config file.
     *
     * @return {@link Outcome#UPDATED} when the section was removed, else {@link Outcome#UNCHANGED}
     * @throws LiveUpdateException if the file cannot be read, locked or written
     */
    public Outcome removeFromConfig(String profile) {
        return remove(configFile(), FileKind.CONFIG, ProfileWriter.CONFIG_PARAMETER, profile, properties -> true);
    }

    private interface Condition {
        boolean allowsRemoval(Map<String, String> properties);
    }

    private Outcome remove(Path file, FileKind kind, String parameter, String profile, Condition condition) {
        if (!Files.exists(file)) {
            return Outcome.UNCHANGED;
        }
        try (LockedFile lock = LockedFile.acquire(file, lockTimeout)) {
            String content = ProfileFiles.read(file, parameter);
            Optional<Profile> current = ProfileFiles.parse(withoutByteOrderMark(content), kind, file)
                    .profile(profile);
            if (current.isEmpty() || !condition.allowsRemoval(current.get().properties())) {
                return Outcome.UNCHANGED;
            }
            Result edit = new ProfileSectionEditor(kind, profile, file.toString()).removeSection(content);
            if (edit.outcome() == Outcome.UNCHANGED) {
                return Outcome.UNCHANGED;
            }
            // Check the new content before it reaches the disk, so a wrong edit never replaces a file.
            if (ProfileFiles.parse(edit.content(), kind, file).profile(profile).isPresent()) {
                throw new IllegalStateException("Profile '" + profile + "' is still in " + file
                        + " after its section was removed; the file was not written.");
            }
            edit.warnings().forEach(reporter::warn);
            edit.notes().forEach(reporter::debug);
            AtomicFileWriter.write(file, edit.content().getBytes(StandardCharsets.UTF_8), permissions(file, kind));
            return Outcome.UPDATED;
        }
    }

    private Path credentialsFile() {
        return PrivateFiles.followLinks(files.credentialsFile());
    }

    private Path configFile() {
        return PrivateFiles.followLinks(files.configFile());
    }

    private static ProfileFile parse(Path file, FileKind kind, String parameter) {
        return ProfileFiles.parse(withoutByteOrderMark(ProfileFiles.read(file, parameter)), kind, file);
    }

    /** Returns the mode of the new file: owner-only for the credentials file, the config file's own mode. */
    private static Set<PosixFilePermission> permissions(Path file, FileKind kind) {
        if (kind == FileKind.CREDENTIALS || !PrivateFiles.isPosix(file)) {
            return PrivateFiles.OWNER_READ_WRITE;
        }
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new LiveUpdateException(
                    "Cannot read the permissions of " + file + ": " + PrivateFiles.describe(e), e);
        }
    }

    private static String withoutByteOrderMark(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }
}

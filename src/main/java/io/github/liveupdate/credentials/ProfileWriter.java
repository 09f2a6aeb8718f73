package io.github.liveupdate.credentials;

import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.Regions;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import io.github.liveupdate.credentials.ProfileSectionEditor.KeyChange;
import io.github.liveupdate.credentials.ProfileSectionEditor.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Writes an access key into a named profile of the shared credentials file and the region into the same
 * profile of the config file, the way {@code aws configure} would, but without touching anything else in
 * either file.
 *
 * <p>Both files are locked, read, edited with {@link ProfileSectionEditor}, checked with the AWS SDK's
 * parser before and after writing, and replaced atomically. A file whose content would not change is not
 * written at all. In the profile's sections, comments and keys other than ours stay. The keys
 * {@code aws_session_token} and its older name {@code aws_security_token} are removed, since a session token
 * belongs to a temporary key and would not work with the new one. A profile that gets its credentials
 * another way ({@code role_arn}, {@code credential_process}, SSO) is rejected, because AWS tools would
 * ignore the new key.
 */
public final class ProfileWriter {

    /** Profile keys that make AWS tools take credentials from elsewhere even when a static key is set. */
    static final List<String> KEYS_THAT_OVERRIDE_A_STATIC_KEY = List.of(
            ProfileProperty.ROLE_ARN,
            ProfileProperty.WEB_IDENTITY_TOKEN_FILE,
            ProfileProperty.CREDENTIAL_PROCESS,
            "sso_session",
            ProfileProperty.SSO_START_URL,
            ProfileProperty.SSO_ACCOUNT_ID,
            ProfileProperty.SSO_ROLE_NAME,
            ProfileProperty.SSO_REGION);

    static final String CREDENTIALS_PARAMETER = "<credentialsFile> (-Dliveupdate.credentialsFile)";
    static final String CONFIG_PARAMETER = "<configFile> (-Dliveupdate.configFile)";

    /** Profile names that the SDK 2.59.1 parser accepts. It ignores sections with other characters. */
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@:+]+");

    /** Printable ASCII without spaces: a value that survives the file's trimming and comment rules. */
    private static final Pattern KEY_VALUE = Pattern.compile("\\p{Graph}+");

    private static final String CONFIG_KEY_REASON =
            "the credentials file contains the profile's key now, and its key wins over this one";
    private static final String SESSION_TOKEN_REASON =
            "a session token belongs to a temporary key and would not work with the new one";

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

    /** The key that {@link #checkWritable} edits the files with in memory. It is never written. */
    private static final AccessKeyPair PLACEHOLDER_KEY =
            new AccessKeyPair("AKIAPLACEHOLDER00000", "placeholder-secret-never-written");

    private final AwsFiles files;
    private final Reporter reporter;
    private final Map<String, String> environment;
    private final Duration lockTimeout;

    /** Creates a writer for the given files that reads AWS_REGION and AWS_DEFAULT_REGION from this process. */
    public ProfileWriter(AwsFiles files, Reporter reporter) {
        this(files, reporter, System.getenv(), LOCK_TIMEOUT);
    }

    /**
     * @param environment the environment to read AWS_REGION and AWS_DEFAULT_REGION from
     * @param lockTimeout how long to wait for another build that writes the same file
     */
    ProfileWriter(AwsFiles files, Reporter reporter, Map<String, String> environment, Duration lockTimeout) {
        this.files = Objects.requireNonNull(files);
        this.reporter = Objects.requireNonNull(reporter);
        this.environment = Objects.requireNonNull(environment);
        this.lockTimeout = Objects.requireNonNull(lockTimeout);
    }

    /**
     * Writes the key into {@code [profile]} of the credentials file and the region into the profile's
     * section of the config file, and reports one line per file with its outcome.
     *
     * @param profile the profile name, such as {@code liveupdate}
     * @param key the access key to store
     * @param region the region to store, or null to keep the profile's region, else to take AWS_REGION or
     *     AWS_DEFAULT_REGION
     * @param dryRun report what would change and write nothing
     * @throws LiveUpdateException if the profile name, key or region is invalid, a file cannot be read or
     *     is ambiguous, or the SDK does not read the profile back as written
     */
    public void write(String profile, AccessKeyPair key, String region, boolean dryRun) {
        checkProfileName(profile);
        checkKey(key);
        Path credentials = PrivateFiles.followLinks(files.credentialsFile());
        Path config = PrivateFiles.followLinks(files.configFile());
        checkTwoFiles(credentials, config);
        Plan plan = new Plan(profile, key, region, credentials, config);
        if (dryRun) {
            plan.prepare();
            plan.reportDryRun();
            return;
        }
        createFolder(credentials);
        createFolder(config);
        // Every ProfileWriter locks the credentials file before the config file, so two cannot deadlock.
        try (LockedFile credentialsLock = LockedFile.acquire(credentials, lockTimeout);
                LockedFile configLock = LockedFile.acquire(config, lockTimeout)) {
            plan.prepare();
            plan.apply();
            // Inside the lock, so that another writer's later change cannot be mistaken for a failed write.
            ProfileReadback.check(credentials, config, profile, key, plan.region);
        }
        plan.report();
    }

    /**
     * Checks, reading only, that {@link #write} could write a key into the profile: the profile name, both
     * files (readable, UTF-8, parsed by the AWS SDK) and the profile's sections in them. Setup calls it before
     * it changes anything in AWS, so that a file problem does not surface only after IAM has created a key
     * whose secret then has nowhere to go.
     *
     * @param region the region that the profile will get, or null to look it up as {@link #write} does
     * @throws LiveUpdateException with the same message that {@link #write} would fail with
     */
    public void checkWritable(String profile, String region) {
        checkProfileName(profile);
        Path credentials = PrivateFiles.followLinks(files.credentialsFile());
        Path config = PrivateFiles.followLinks(files.configFile());
        checkTwoFiles(credentials, config);
        new Plan(profile, PLACEHOLDER_KEY, region, credentials, config).prepare();
    }

    /**
     * Reports that setup-iam created no new key in this build, so the profile keeps the key it has. Nothing
     * is read or written.
     */
    public void reportKeyKept(String profile) {
        reporter.step(
                "Profile '" + profile + "' in " + files.credentialsFile()
                        + " (setup-iam created no new key, the profile keeps its key)",
                Outcome.UNCHANGED);
    }

    private static void checkTwoFiles(Path credentials, Path config) {
        if (credentials.normalize().equals(config.normalize())) {
            throw new LiveUpdateException("The credentials file and the config file are both " + credentials
                    + ". They must be two files: set " + CREDENTIALS_PARAMETER + " and " + CONFIG_PARAMETER
                    + " to different paths.");
        }
    }

    private static void checkProfileName(String profile) {
        if (profile == null || !PROFILE_NAME.matcher(profile).matches()) {
            throw new LiveUpdateException("Profile name '" + profile + "' is invalid: AWS tools accept letters,"
                    + " digits and the characters - / . % @ _ : + only. Set <profile> or -Dliveupdate.profile.");
        }
    }

    private static void checkKey(AccessKeyPair key) {
        if (key == null
                || key.accessKeyId() == null
                || !KEY_VALUE.matcher(key.accessKeyId()).matches()) {
            throw new LiveUpdateException(
                    "The access key id " + (key == null ? "(none)" : KeyIds.mask(key.accessKeyId()))
                            + " is invalid: it must be printable ASCII without spaces, such as AKIAIOSFODNN7EXAMPLE.");
        }
        if (key.secretAccessKey() == null
                || !KEY_VALUE.matcher(key.secretAccessKey()).matches()) {
            throw new LiveUpdateException("The secret access key for " + KeyIds.mask(key.accessKeyId())
                    + " is invalid: it is empty or contains spaces or characters outside printable ASCII."
                    + " Copy the secret again from where the key was created.");
        }
    }

    private static void createFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            PrivateFiles.createFolders(folder);
        } catch (IOException e) {
            throw new LiveUpdateException(
                    "Cannot create the folder " + folder + ": " + PrivateFiles.describe(e)
                            + ". Create it, or set " + CREDENTIALS_PARAMETER + " and " + CONFIG_PARAMETER
                            + " to files in a folder you can write to.",
                    e);
        }
    }

    private static String withoutByteOrderMark(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    /** The edit of both files for one call: read, checked and computed by {@link #prepare()}. */
    private final class Plan {

        private final String profile;
        private final AccessKeyPair key;
        private final String configuredRegion;
        private final Path credentials;
        private final Path config;
        private String oldCredentials;
        private String oldConfig;
        private String region;
        private Result credentialsEdit;
        private Result configEdit;
        private Set<PosixFilePermission> credentialsPermissions;

        Plan(String profile, AccessKeyPair key, String configuredRegion, Path credentials, Path config) {
            this.profile = profile;
            this.key = key;
            this.configuredRegion = configuredRegion;
            this.credentials = credentials;
            this.config = config;
        }

        void prepare() {
            oldCredentials = ProfileFiles.read(credentials, CREDENTIALS_PARAMETER);
            oldConfig = ProfileFiles.read(config, CONFIG_PARAMETER);
            credentialsPermissions = posixPermissions(credentials).orElse(null);

            ProfileFile oldCredentialsProfiles =
                    ProfileFiles.parse(withoutByteOrderMark(oldCredentials), FileKind.CREDENTIALS, credentials);
            ProfileFile oldConfigProfiles =
                    ProfileFiles.parse(withoutByteOrderMark(oldConfig), FileKind.CONFIG, config);
            Optional<Profile> existing = ProfileFiles.merged(oldConfigProfiles, oldCredentialsProfiles, profile);
            checkNoOtherCredentialSource(existing);
            region = Regions.resolve(
                            configuredRegion,
                            existing.flatMap(p -> p.property(ProfileProperty.REGION)),
                            "the region of profile '" + profile + "' in " + config,
                            environment)
                    .id();

            credentialsEdit = new ProfileSectionEditor(FileKind.CREDENTIALS, profile, credentials.toString())
                    .edit(
                            oldCredentials,
                            List.of(
                                    KeyChange.set(ProfileProperty.AWS_ACCESS_KEY_ID, key.accessKeyId()),
                                    KeyChange.set(ProfileProperty.AWS_SECRET_ACCESS_KEY, key.secretAccessKey()),
                                    KeyChange.remove(ProfileProperty.AWS_SESSION_TOKEN, SESSION_TOKEN_REASON),
                                    KeyChange.remove("aws_security_token", SESSION_TOKEN_REASON),
                                    // The SDK lets a region in the credentials file win over the config file.
                                    KeyChange.updateIfPresent(ProfileProperty.REGION, region)));
            configEdit = new ProfileSectionEditor(FileKind.CONFIG, profile, config.toString())
                    .edit(
                            oldConfig,
                            List.of(
                                    KeyChange.set(ProfileProperty.REGION, region),
                                    // The credentials file wins, so a key here would be a stale secret.
                                    KeyChange.remove(ProfileProperty.AWS_ACCESS_KEY_ID, CONFIG_KEY_REASON),
                                    KeyChange.remove(ProfileProperty.AWS_SECRET_ACCESS_KEY, CONFIG_KEY_REASON),
                                    KeyChange.remove(ProfileProperty.AWS_SESSION_TOKEN, SESSION_TOKEN_REASON),
                                    KeyChange.remove("aws_security_token", SESSION_TOKEN_REASON)));
            // Check the new content before it reaches the disk, so a wrong edit never replaces a file.
            ProfileReadback.check(
                    credentialsEdit.content(),
                    configEdit.content(),
                    credentials,
                    config,
                    profile,
                    key,
                    region,
                    "Before writing, the AWS SDK would read");
        }

        private void checkNoOtherCredentialSource(Optional<Profile> existing) {
            Map<String, String> properties = ProfileFiles.properties(existing);
            List<String> found = new ArrayList<>();
            for (String overriding : KEYS_THAT_OVERRIDE_A_STATIC_KEY) {
                if (properties.containsKey(overriding)) {
                    found.add(overriding);
                }
            }
            if (!found.isEmpty()) {
                throw new LiveUpdateException("Profile '" + profile + "' in " + credentials + " or " + config
                        + " sets " + String.join(", ", found) + ", so AWS tools would take credentials from there"
                        + " and ignore an access key. Choose another profile with -Dliveupdate.profile, or remove "
                        + String.join(", ", found) + " from the profile, then run again.");
            }
        }

        void apply() {
            if (credentialsEdit.outcome() != Outcome.UNCHANGED) {
                AtomicFileWriter.write(
                        credentials,
                        credentialsEdit.content().getBytes(StandardCharsets.UTF_8),
                        PrivateFiles.OWNER_READ_WRITE);
            } else if (credentialsPermissions != null
                    && !credentialsPermissions.equals(PrivateFiles.OWNER_READ_WRITE)) {
                setPermissions(credentials, PrivateFiles.OWNER_READ_WRITE);
            }
            if (configEdit.outcome() != Outcome.UNCHANGED) {
                Set<PosixFilePermission> configPermissions =
                        posixPermissions(config).orElse(PrivateFiles.OWNER_READ_WRITE);
                AtomicFileWriter.write(
                        config, configEdit.content().getBytes(StandardCharsets.UTF_8), configPermissions);
            }
        }

        void report() {
            reportNotes(credentialsEdit, "");
            reportNotes(configEdit, "");
            reportTightening(false);
            reporter.step(credentialsStep(), credentialsEdit.outcome());
            reporter.step(configStep(), configEdit.outcome());
        }

        void reportDryRun() {
            reportNotes(credentialsEdit, "Dry run, not done: ");
            reportNotes(configEdit, "Dry run, not done: ");
            reportTightening(true);
            describeDryRun(credentialsEdit, oldCredentials, credentials, FileKind.CREDENTIALS);
            describeDryRun(configEdit, oldConfig, config, FileKind.CONFIG);
            reporter.step(credentialsStep(), planned(credentialsEdit.outcome()));
            reporter.step(configStep(), planned(configEdit.outcome()));
        }

        private String credentialsStep() {
            return "Profile '" + profile + "' in " + files.credentialsFile() + " (key " + KeyIds.mask(key.accessKeyId())
                    + ")";
        }

        private String configStep() {
            return "Region " + region + " for profile '" + profile + "' in " + files.configFile();
        }

        private void reportNotes(Result edit, String prefix) {
            for (String warning : edit.warnings()) {
                reporter.warn(prefix + warning);
            }
            for (String note : edit.notes()) {
                reporter.info(prefix + note);
            }
        }

        private void reportTightening(boolean dryRun) {
            if (credentialsPermissions == null || credentialsPermissions.equals(PrivateFiles.OWNER_READ_WRITE)) {
                return;
            }
            String change = "the permissions of " + credentials + " from "
                    + PosixFilePermissions.toString(credentialsPermissions) + " to rw------- (owner only),"
                    + " because the file contains secret keys";
            reporter.info(dryRun ? "Dry run: would change " + change + "." : "Changed " + change + ".");
        }

        /** Logs which keys of the profile a dry run would change, by comparing the SDK's view before and after. */
        private void describeDryRun(Result edit, String oldContent, Path file, FileKind kind) {
            if (edit.outcome() == Outcome.UNCHANGED) {
                return;
            }
            Map<String, String> before = profileProperties(withoutByteOrderMark(oldContent), kind, file);
            Map<String, String> after = profileProperties(edit.content(), kind, file);

            List<String> set = new ArrayList<>();
            for (Map.Entry<String, String> entry : after.entrySet()) {
                if (!entry.getValue().equals(before.get(entry.getKey()))) {
                    set.add(entry.getKey());
                }
            }
            List<String> removed = new ArrayList<>(before.keySet());
            removed.removeAll(after.keySet());

            List<String> actions = new ArrayList<>();
            if (!set.isEmpty() && edit.outcome() == Outcome.CREATED) {
                String header = new ProfileSectionEditor(kind, profile, file.toString()).newHeader();
                actions.add("add section " + header + " with " + String.join(", ", set));
            } else if (!set.isEmpty()) {
                actions.add("set " + String.join(", ", set));
            }
            if (!removed.isEmpty()) {
                actions.add("remove " + String.join(", ", removed));
            }
            if (actions.isEmpty()) {
                actions.add("rewrite the file without changing the profile's values");
            }
            reporter.info("Dry run: would " + String.join(" and ", actions) + " in " + file + ". Nothing was written.");
        }

        private Map<String, String> profileProperties(String content, FileKind kind, Path file) {
            return ProfileFiles.parse(content, kind, file)
                    .profile(profile)
                    .map(Profile::properties)
                    .orElse(Map.of());
        }

        private Outcome planned(Outcome outcome) {
            return outcome == Outcome.UNCHANGED ? Outcome.UNCHANGED : Outcome.PLANNED;
        }
    }

    private static Optional<Set<PosixFilePermission>> posixPermissions(Path file) {
        if (!Files.exists(file) || !PrivateFiles.isPosix(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new LiveUpdateException(
                    "Cannot read the permissions of " + file + ": " + PrivateFiles.describe(e), e);
        }
    }

    private static void setPermissions(Path file, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(file, permissions);
        } catch (IOException e) {
            throw new LiveUpdateException(
                    "Cannot change the permissions of " + file + " to owner only: " + PrivateFiles.describe(e)
                            + ". Run chmod 600 " + file + " and run again.",
                    e);
        }
    }
}

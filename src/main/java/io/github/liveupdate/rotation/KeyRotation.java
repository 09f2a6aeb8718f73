package io.github.liveupdate.rotation;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.iam.KeyAuthentication;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Replaces the access key in a profile with a new key of the same IAM user, then deletes the old key. IAM calls
 * are signed by the administrator's credentials, never by the key being replaced.
 *
 * <p>The steps run in an order that leaves the profile with a key that exists and authenticates wherever the
 * run stops:
 *
 * <ol>
 *   <li>Read the profile's key and list the user's keys. Nothing has changed yet.
 *   <li>Only with {@link RotationSpec#deleteOtherKey()}: delete the user's other key. The profile still contains the
 *       old key.
 *   <li>Create the new key. The profile still contains the old key. If the run stops here, the new key's secret is
 *       lost with the process, and the key fills the user's second slot. The next run names it as the other key
 *       and deletes it only with -Dliveupdate.deleteOtherKey=true.
 *   <li>Wait until STS accepts the new key. The profile still contains the old key. If the key does not
 *       authenticate in time, the run deletes it and fails.
 *   <li>Write the new key into the profile. The file is replaced atomically, so it contains either the old or the
 *       new key, and the new one is known to work. If the write fails, the run deletes the new key and fails.
 *   <li>Delete the old key. The profile contains the new key. If the run stops or the delete fails before this,
 *       both keys exist, and the next run names the old key as the other key.
 * </ol>
 *
 * <p>The wait comes before the write, as in setup, so that the profile never contains a key that IAM does not
 * accept yet, and the old key's secret stays in the profile until the new key is known to work.
 *
 * <p>NOTE: "works" means that STS accepts the key. Whether the key's policy lets it upload is not checked,
 * because the new key belongs to the same user and so has the same policies as the old one.
 */
public final class KeyRotation {

    private final AccessKeys keys;
    private final ProfileKeys profiles;
    private final KeyCheck check;
    private final Reporter reporter;

    /**
     * Creates a rotation that sends IAM and STS requests through {@code aws} and writes the profile into
     * {@code files}.
     *
     * @param aws the connection that signs as the administrator; its region goes into a profile that has none
     */
    public KeyRotation(AwsConnection aws, AwsFiles files, Reporter reporter) {
        this(
                new IamAccessKeys(aws.iam()),
                new CredentialsFileKeys(files, reporter, aws.region().id()),
                new KeyAuthentication(aws::stsClient, reporter, duration -> Thread.sleep(duration.toMillis()))::await,
                reporter);
    }

    KeyRotation(AccessKeys keys, ProfileKeys profiles, KeyCheck check, Reporter reporter) {
        this.keys = keys;
        this.profiles = profiles;
        this.check = check;
        this.reporter = reporter;
    }

    /**
     * Runs every step and reports each one in one line. In a dry run only read requests are sent and each change
     * is reported as {@link Outcome#PLANNED}.
     *
     * @throws LiveUpdateException when a check fails or a step cannot be done. The message names the masked key
     *     ids, the key that the profile contains afterwards and the fix.
     */
    public RotationResult run(RotationSpec spec) {
        String user = spec.userName();
        AccessKeyPair oldKey = readProfileKey(spec);
        profiles.checkWritable(spec.profile());

        List<AccessKeyMetadata> userKeys = listKeys(spec);
        checkProfileKeyBelongsToUser(spec, oldKey, userKeys);
        Optional<AccessKeyMetadata> otherKey = userKeys.stream()
                .filter(key -> !key.accessKeyId().equals(oldKey.accessKeyId()))
                .findFirst();
        if (otherKey.isPresent()) {
            handleOtherKey(spec, otherKey.get());
        }

        if (spec.dryRun()) {
            reportPlanned(spec, oldKey);
            return new RotationResult(
                    user,
                    spec.profile(),
                    oldKey.accessKeyId(),
                    Optional.empty(),
                    otherKey.map(AccessKeyMetadata::accessKeyId));
        }

        AccessKeyPair newKey = createKey(spec, oldKey);
        reporter.step("Access key " + KeyIds.mask(newKey.accessKeyId()) + " of IAM user " + user, Outcome.CREATED);
        awaitWorkingOrDelete(spec, oldKey, newKey);
        writeOrDelete(spec, oldKey, newKey);
        deleteOldKey(spec, oldKey, newKey);

        reporter.info("Rotated the access key of IAM user " + user + " in " + profiles.location(spec.profile())
                + ": " + KeyIds.mask(oldKey.accessKeyId()) + " replaced by " + KeyIds.mask(newKey.accessKeyId())
                + ".");
        return new RotationResult(
                user,
                spec.profile(),
                oldKey.accessKeyId(),
                Optional.of(newKey.accessKeyId()),
                otherKey.map(AccessKeyMetadata::accessKeyId));
    }

    private AccessKeyPair readProfileKey(RotationSpec spec) {
        Optional<AccessKeyPair> key = profiles.read(spec.profile());
        if (key.isEmpty()) {
            throw new LiveUpdateException("No access key to rotate: " + profiles.location(spec.profile())
                    + " is missing or lacks aws_access_key_id and aws_secret_access_key. rotate-key replaces the"
                    + " key that setup wrote there: run 'mvn liveupdate:setup' first, or set -Dliveupdate.profile"
                    + " to the profile that contains the key.");
        }
        reporter.info("Access key in " + profiles.location(spec.profile()) + ": "
                + KeyIds.mask(key.get().accessKeyId()));
        return key.get();
    }

    private List<AccessKeyMetadata> listKeys(RotationSpec spec) {
        List<AccessKeyMetadata> userKeys;
        try {
            userKeys = keys.list(spec.userName());
        } catch (NoSuchEntityException e) {
            throw new LiveUpdateException(
                    "IAM user " + spec.userName() + " not found. Set -Dliveupdate.userName to the user that owns"
                            + " the key in profile '" + spec.profile() + "', or run 'mvn liveupdate:setup' first.",
                    e);
        }
        reporter.info("Access keys of IAM user " + spec.userName() + ": " + describe(userKeys));
        return userKeys;
    }

    private void checkProfileKeyBelongsToUser(
            RotationSpec spec, AccessKeyPair profileKey, List<AccessKeyMetadata> userKeys) {
        Optional<AccessKeyMetadata> found = userKeys.stream()
                .filter(key -> key.accessKeyId().equals(profileKey.accessKeyId()))
                .findFirst();
        if (found.isEmpty()) {
            throw new LiveUpdateException("Access key " + KeyIds.mask(profileKey.accessKeyId()) + " in "
                    + profiles.location(spec.profile()) + " is not a key of IAM user " + spec.userName()
                    + ", so rotate-key cannot replace it. Set -Dliveupdate.userName to the user that owns the"
                    + " key, or -Dliveupdate.profile to the profile that contains a key of " + spec.userName() + ".");
        }
        if (found.get().status() != StatusType.ACTIVE) {
            reporter.warn("Access key " + KeyIds.mask(profileKey.accessKeyId()) + " in "
                    + profiles.location(spec.profile()) + " is " + found.get().statusAsString()
                    + ", so the profile does not work now. The new key replaces it.");
        }
    }

    /**
     * Deletes the user's other key when the spec allows it. Otherwise fails, because the key may be one that
     * something else uses, and IAM allows only two keys per user, so no new key could be created.
     */
    private void handleOtherKey(RotationSpec spec, AccessKeyMetadata otherKey) {
        String user = spec.userName();
        String masked = KeyIds.mask(otherKey.accessKeyId());
        if (!spec.deleteOtherKey()) {
            throw new LiveUpdateException("IAM user " + user + " has a second access key besides the one in "
                    + profiles.location(spec.profile()) + ": " + describe(List.of(otherKey)) + ". It is either a"
                    + " key that something else uses, or the new key of a rotation that stopped before writing it"
                    + " into the profile. IAM allows two keys per user, so no new key can be created, and"
                    + " rotate-key deletes no other key on its own. Delete that key with 'aws iam"
                    + " delete-access-key --user-name " + user + " --access-key-id ID' ('aws iam list-access-keys"
                    + " --user-name " + user + "' shows the full id), or pass -Dliveupdate.deleteOtherKey=true to"
                    + " let rotate-key delete it first.");
        }
        String step = "Other access key " + masked + " of IAM user " + user;
        if (spec.dryRun()) {
            reporter.step(step + " (-Dliveupdate.deleteOtherKey=true)", Outcome.PLANNED);
            return;
        }
        try {
            keys.delete(user, otherKey.accessKeyId());
        } catch (NoSuchEntityException e) {
            reporter.debug("DeleteAccessKey " + masked + ": already deleted");
        }
        reporter.info(step + ": deleted (-Dliveupdate.deleteOtherKey=true)");
    }

    /**
     * Creates the new key. NOTE: when the connection drops after IAM created the key, the SDK sends
     * CreateAccessKey again, and IAM responds with LimitExceeded, because the first attempt's key fills the user's
     * second slot. Unlike setup, rotate-key does not delete that key by itself, and the message names the way to delete it.
     */
    private AccessKeyPair createKey(RotationSpec spec, AccessKeyPair oldKey) {
        try {
            return keys.create(spec.userName());
        } catch (LimitExceededException e) {
            throw new LiveUpdateException(
                    "IAM rejected a new access key for IAM user " + spec.userName() + " with LimitExceeded ("
                            + e.getMessage() + "): the user has two keys now. If a dropped connection made the"
                            + " plugin send CreateAccessKey twice, the first key's secret is lost. "
                            + capitalized(profiles.location(spec.profile())) + " still contains access key "
                            + KeyIds.mask(oldKey.accessKeyId()) + ", unchanged. Run rotate-key again with"
                            + " -Dliveupdate.deleteOtherKey=true to delete the other key first.",
                    e);
        }
    }

    private void reportPlanned(RotationSpec spec, AccessKeyPair oldKey) {
        String user = spec.userName();
        reporter.step("New access key of IAM user " + user, Outcome.PLANNED);
        reporter.step("New key in " + profiles.location(spec.profile()), Outcome.PLANNED);
        reporter.step(
                "Old access key " + KeyIds.mask(oldKey.accessKeyId()) + " of IAM user " + user + " deleted",
                Outcome.PLANNED);
        reporter.info("Rotation planned (dry run, nothing changed): " + profiles.location(spec.profile())
                + " keeps key " + KeyIds.mask(oldKey.accessKeyId()) + ".");
    }

    private void awaitWorkingOrDelete(RotationSpec spec, AccessKeyPair oldKey, AccessKeyPair newKey) {
        String masked = KeyIds.mask(newKey.accessKeyId());
        if (spec.keyWait().isZero()) {
            reporter.warn("Not checking new access key " + masked + ", because the key wait is 0 seconds. AWS may"
                    + " reject the key for a few seconds after the profile gets it.");
            return;
        }
        try {
            String arn = check.awaitWorking(newKey, spec.keyWait());
            reporter.debug("New access key " + masked + " authenticates as " + arn);
        } catch (RuntimeException failure) {
            String problem = KeyAuthentication.isKeyNotReady(failure)
                    ? "New access key " + masked + " did not authenticate within "
                            + spec.keyWait().toSeconds() + " s (" + failure.getMessage() + ")."
                    : "Checking new access key " + masked + " with STS GetCallerIdentity failed ("
                            + failure.getMessage() + ").";
            throw deleteNewKey(
                    spec,
                    oldKey,
                    newKey,
                    problem,
                    " To wait longer, set -Dliveupdate.keyWaitSeconds (now "
                            + spec.keyWait().toSeconds() + ").",
                    failure);
        }
        reporter.info("New access key " + masked + " of IAM user " + spec.userName() + ": authenticates with STS");
    }

    private void writeOrDelete(RotationSpec spec, AccessKeyPair oldKey, AccessKeyPair newKey) {
        try {
            profiles.write(spec.profile(), newKey);
        } catch (RuntimeException failure) {
            throw deleteNewKey(
                    spec,
                    oldKey,
                    newKey,
                    "Writing new access key " + KeyIds.mask(newKey.accessKeyId()) + " into "
                            + profiles.location(spec.profile()) + " failed: " + failure.getMessage(),
                    " Fix the file problem first.",
                    failure);
        }
    }

    /**
     * Deletes a new key that the profile does not contain, because IAM cannot return its secret again and the key
     * would fill the user's second slot, and returns the failure to throw.
     */
    private LiveUpdateException deleteNewKey(
            RotationSpec spec,
            AccessKeyPair oldKey,
            AccessKeyPair newKey,
            String problem,
            String fix,
            RuntimeException failure) {
        String user = spec.userName();
        String profileUnchanged = " " + capitalized(profiles.location(spec.profile())) + " still contains access key "
                + KeyIds.mask(oldKey.accessKeyId()) + ", unchanged.";
        try {
            keys.delete(user, newKey.accessKeyId());
        } catch (RuntimeException deleteFailure) {
            return new LiveUpdateException(
                    problem + profileUnchanged + " Deleting new access key " + KeyIds.mask(newKey.accessKeyId())
                            + " failed too (" + deleteFailure.getMessage() + "). Its secret was not stored"
                            + " anywhere, so delete it with 'aws iam delete-access-key --user-name " + user
                            + " --access-key-id ID' ('aws iam list-access-keys --user-name " + user + "' shows the"
                            + " full id), or run rotate-key again with -Dliveupdate.deleteOtherKey=true." + fix,
                    failure);
        }
        reporter.info("New access key " + KeyIds.mask(newKey.accessKeyId()) + " of IAM user " + user
                + ": deleted, because the profile did not get it");
        return new LiveUpdateException(
                problem + profileUnchanged + " The new key was deleted." + fix + " Then run rotate-key again.",
                failure);
    }

    private void deleteOldKey(RotationSpec spec, AccessKeyPair oldKey, AccessKeyPair newKey) {
        String user = spec.userName();
        String masked = KeyIds.mask(oldKey.accessKeyId());
        try {
            keys.delete(user, oldKey.accessKeyId());
        } catch (NoSuchEntityException e) {
            reporter.debug("DeleteAccessKey " + masked + ": already deleted");
        } catch (RuntimeException failure) {
            throw new LiveUpdateException(
                    capitalized(profiles.location(spec.profile())) + " now contains new access key "
                            + KeyIds.mask(newKey.accessKeyId()) + ", which works, but deleting old access key "
                            + masked + " of IAM user " + user + " failed (" + failure.getMessage() + "), so the"
                            + " old key still works. Delete it with 'aws iam delete-access-key --user-name " + user
                            + " --access-key-id ID' ('aws iam list-access-keys --user-name " + user + "' shows the"
                            + " full id).",
                    failure);
        }
        reporter.info("Old access key " + masked + " of IAM user " + user + ": deleted");
    }

    private static String describe(List<AccessKeyMetadata> userKeys) {
        if (userKeys.isEmpty()) {
            return "none";
        }
        return userKeys.stream()
                .map(key -> KeyIds.mask(key.accessKeyId()) + " (" + key.statusAsString() + ", created "
                        + key.createDate() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

package io.github.liveupdate.iam;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Creates an access key of the user unless the profile already contains an active one, and waits until a new key
 * authenticates. Nothing here writes the secret anywhere: the caller receives it in the result.
 */
final class AccessKeyStep {

    /** IAM allows two access keys per user. */
    static final int MAX_KEYS_PER_USER = 2;

    /**
     * Error codes with which AWS rejects a key that it does not accept yet. STS usually rejects a key that IAM
     * has not propagated yet with InvalidClientTokenId. The other codes are how other AWS APIs word the same
     * rejection, retried in case an STS-compatible endpoint uses them.
     */
    private static final Set<String> KEY_NOT_READY_CODES = Set.of(
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "AccessDenied",
            "AccessDeniedException",
            "UnrecognizedClientException",
            "InvalidAccessKeyId",
            "AuthFailure");

    /** The key that the profile should hold, and the new key with its secret when this run created it. */
    record Result(Optional<AccessKeyPair> newKey, Optional<String> accessKeyId) {}

    private final IamClient iam;
    private final Function<AwsCredentialsProvider, StsClient> stsForKey;
    private final Reporter reporter;
    private final Backoff consistencyBackoff;
    private final Backoff.Sleeper sleeper;

    AccessKeyStep(
            IamClient iam,
            Function<AwsCredentialsProvider, StsClient> stsForKey,
            Reporter reporter,
            Backoff consistencyBackoff,
            Backoff.Sleeper sleeper) {
        this.iam = iam;
        this.stsForKey = stsForKey;
        this.reporter = reporter;
        this.consistencyBackoff = consistencyBackoff;
        this.sleeper = sleeper;
    }

    /**
     * Makes sure the profile can hold an active key of the user.
     *
     * @param userExists false only in a dry run that found the user missing
     * @param keyIdInProfile the access key id that the profile contains now, if any
     * @throws LiveUpdateException if the user has two keys and the profile contains no active one of them, or a
     *     new key does not authenticate within {@link IamSpec#keyWait()}
     */
    Result ensure(IamSpec spec, boolean userExists, Optional<String> keyIdInProfile, boolean dryRun) {
        String userName = spec.userName();
        if (!userExists) {
            reporter.step("Access key of IAM user " + userName, Outcome.PLANNED);
            return new Result(Optional.empty(), Optional.empty());
        }

        List<AccessKeyMetadata> keys = consistencyBackoff.run(
                "list access keys of " + userName,
                reporter,
                IamSetup::isNoSuchEntity,
                () -> iam.listAccessKeys(r -> r.userName(userName)).accessKeyMetadata());
        Optional<String> profileKeyId = keyIdInProfile.map(String::trim).filter(id -> !id.isEmpty());
        Optional<AccessKeyMetadata> profileKey = profileKeyId.flatMap(
                id -> keys.stream().filter(key -> key.accessKeyId().equals(id)).findFirst());

        if (profileKey.isPresent() && profileKey.get().status() == StatusType.ACTIVE) {
            String id = profileKey.get().accessKeyId();
            reporter.info("Access key " + KeyIds.mask(id) + ": " + Outcome.UNCHANGED.label() + " (in profile '"
                    + spec.profile() + "')");
            return new Result(Optional.empty(), Optional.of(id));
        }
        reportWhyProfileKeyIsNotUsed(spec, profileKeyId, profileKey);
        if (keys.size() >= MAX_KEYS_PER_USER) {
            throw tooManyKeys(spec, keys);
        }
        if (dryRun) {
            reporter.step("Access key of IAM user " + userName, Outcome.PLANNED);
            return new Result(Optional.empty(), Optional.empty());
        }

        AccessKey created = consistencyBackoff.run(
                "create access key for " + userName,
                reporter,
                IamSetup::isNoSuchEntity,
                () -> iam.createAccessKey(r -> r.userName(userName)).accessKey());
        AccessKeyPair pair = new AccessKeyPair(created.accessKeyId(), created.secretAccessKey());
        deleteKeysOfLostResponses(userName, keys, pair.accessKeyId());
        awaitAuthenticationOrDelete(spec, pair);
        reporter.info("Access key " + KeyIds.mask(pair.accessKeyId()) + " of IAM user " + userName + ": "
                + Outcome.CREATED.label());
        return new Result(Optional.of(pair), Optional.of(pair.accessKeyId()));
    }

    /**
     * Deletes the keys that neither the listing before CreateAccessKey nor its response names. Such a key
     * comes from an attempt whose response was lost. When a connection drops after IAM created a key, the SDK
     * sends CreateAccessKey again and IAM creates a second key. The first key's secret is gone with the lost
     * response. Left alone, that key would take one of the user's two key slots for good.
     *
     * <p>NOTE: a key that another setup run for the same user creates between this run's listing and its
     * CreateAccessKey looks the same and is deleted too. Two runs for one user at once leave at most one
     * working profile anyway.
     */
    private void deleteKeysOfLostResponses(String userName, List<AccessKeyMetadata> before, String createdId) {
        Set<String> known =
                before.stream().map(AccessKeyMetadata::accessKeyId).collect(Collectors.toCollection(HashSet::new));
        known.add(createdId);
        List<AccessKeyMetadata> after = consistencyBackoff.run(
                "list access keys of " + userName + " after creating one",
                reporter,
                IamSetup::isNoSuchEntity,
                () -> iam.listAccessKeys(r -> r.userName(userName)).accessKeyMetadata());
        for (AccessKeyMetadata key : after) {
            String id = key.accessKeyId();
            if (known.contains(id)) {
                continue;
            }
            consistencyBackoff.runVoid(
                    "delete access key " + KeyIds.mask(id),
                    reporter,
                    IamSetup::isNoSuchEntity,
                    () -> iam.deleteAccessKey(r -> r.userName(userName).accessKeyId(id)));
            reporter.warn("Deleted access key " + KeyIds.mask(id) + " of IAM user " + userName + ": a retried"
                    + " CreateAccessKey request created it, and its secret was lost with the dropped response.");
        }
    }

    private void reportWhyProfileKeyIsNotUsed(
            IamSpec spec, Optional<String> profileKeyId, Optional<AccessKeyMetadata> profileKey) {
        if (profileKey.isPresent()) {
            reporter.warn("Profile '" + spec.profile() + "' contains access key "
                    + KeyIds.mask(profileKey.get().accessKeyId()) + " of IAM user " + spec.userName()
                    + ", but the key is " + profileKey.get().statusAsString() + ", so the profile needs a new key.");
        } else if (profileKeyId.isPresent()) {
            String masked = KeyIds.mask(profileKeyId.get());
            Optional<String> owner = ownerOf(profileKeyId.get());
            reporter.warn("Profile '" + spec.profile() + "' contains access key " + masked
                    + owner.map(user -> " of IAM user " + user).orElse(", which IAM does not know,")
                    + " and not a key of IAM user " + spec.userName() + ", so a key of that user replaces it.");
        }
    }

    /**
     * Fails when the profile contains a key of another IAM user of this account, unless the spec allows
     * replacing it. Setup calls this before it changes anything.
     *
     * @throws LiveUpdateException naming both users and the two ways out
     */
    void checkProfileKeyOwner(IamSpec spec, Optional<String> keyIdInProfile) {
        Optional<String> keyId = keyIdInProfile.map(String::trim).filter(id -> !id.isEmpty());
        if (keyId.isEmpty() || spec.replaceOtherUsersKey()) {
            return;
        }
        Optional<String> owner = ownerOf(keyId.get());
        if (owner.isPresent() && !owner.get().equals(spec.userName())) {
            throw new LiveUpdateException("Profile '" + spec.profile() + "' contains access key "
                    + KeyIds.mask(keyId.get()) + " of IAM user " + owner.get() + ", not of IAM user "
                    + spec.userName() + " of bucket " + spec.bucket() + ". Writing this bucket's key there would"
                    + " leave whatever uploads with that profile, such as another game, signing as the wrong user."
                    + " Give this bucket its own profile with -Dliveupdate.profile=NAME (or"
                    + " amazon-credential-profile in liveupdate.settings), or pass"
                    + " -Dliveupdate.replaceProfileKey=true to replace the key.");
        }
    }

    /** Returns the IAM user that owns the key in this account, or empty when IAM does not return it. */
    private Optional<String> ownerOf(String accessKeyId) {
        try {
            return Optional.ofNullable(
                    iam.getAccessKeyLastUsed(r -> r.accessKeyId(accessKeyId)).userName());
        } catch (AwsServiceException e) {
            reporter.debug("GetAccessKeyLastUsed for " + KeyIds.mask(accessKeyId) + " failed (HTTP " + e.statusCode()
                    + "), so the key's owner is unknown");
            return Optional.empty();
        }
    }

    private LiveUpdateException tooManyKeys(IamSpec spec, List<AccessKeyMetadata> keys) {
        String listed = keys.stream()
                .map(key -> KeyIds.mask(key.accessKeyId()) + " (" + key.statusAsString() + ", created "
                        + key.createDate() + ")")
                .collect(Collectors.joining(", "));
        String user = spec.userName();
        return new LiveUpdateException("IAM user " + user + " already has " + keys.size()
                + " access keys, the maximum IAM allows, and profile '" + spec.profile()
                + "' contains no active one of them: " + listed + ". A new key cannot be created. Either delete a"
                + " key that nothing uses with 'aws iam delete-access-key --user-name " + user
                + " --access-key-id ID' ('aws iam list-access-keys --user-name " + user + "' shows the full"
                + " ids), or, if you have the secret of an active one, write it to the profile with 'mvn"
                + " liveupdate:write-profile -Dliveupdate.profile=" + spec.profile()
                + " -Dliveupdate.accessKeyId=ID -Dliveupdate.secretAccessKey=SECRET'. Then run this goal again.");
    }

    /**
     * Waits until the new key authenticates. When it does not, the key is deleted, because its secret is
     * stored nowhere yet and IAM never returns it again: a later run could not use the key, and it would take
     * one of the user's two key slots.
     */
    private void awaitAuthenticationOrDelete(IamSpec spec, AccessKeyPair pair) {
        if (spec.keyWait().isZero()) {
            reporter.debug("Not checking the new access key, because the key wait is 0 seconds");
            return;
        }
        try {
            awaitAuthentication(spec.keyWait(), pair);
        } catch (RuntimeException e) {
            throw unusableKey(spec, pair.accessKeyId(), e);
        }
    }

    private void awaitAuthentication(Duration keyWait, AccessKeyPair pair) {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), keyWait, sleeper);
        AwsCredentialsProvider signer = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(pair.accessKeyId(), pair.secretAccessKey()));
        try (StsClient sts = stsForKey.apply(signer)) {
            GetCallerIdentityResponse identity = backoff.run(
                    "authenticate with new access key " + KeyIds.mask(pair.accessKeyId()),
                    reporter,
                    AccessKeyStep::isKeyNotReady,
                    () -> sts.getCallerIdentity());
            reporter.debug("New access key " + KeyIds.mask(pair.accessKeyId()) + " authenticates as " + identity.arn());
        }
    }

    private LiveUpdateException unusableKey(IamSpec spec, String accessKeyId, RuntimeException failure) {
        String user = spec.userName();
        String masked = KeyIds.mask(accessKeyId);
        String problem = isKeyNotReady(failure)
                ? "New access key " + masked + " of IAM user " + user + " did not authenticate within "
                        + spec.keyWait().toSeconds() + " s (" + failure.getMessage() + ")."
                : "Checking new access key " + masked + " of IAM user " + user + " with STS GetCallerIdentity"
                        + " failed (" + failure.getMessage() + ").";
        String retry = " Run the goal again. To wait longer for a new key, set <keyWaitSeconds> or"
                + " -Dliveupdate.keyWaitSeconds (now " + spec.keyWait().toSeconds()
                + "), or set it to 0 to skip this check.";
        try {
            consistencyBackoff.runVoid(
                    "delete access key " + masked,
                    reporter,
                    IamSetup::isNoSuchEntity,
                    () -> iam.deleteAccessKey(r -> r.userName(user).accessKeyId(accessKeyId)));
        } catch (RuntimeException deleteFailure) {
            return new LiveUpdateException(
                    problem + " Deleting the key failed too (" + deleteFailure.getMessage()
                            + "). Its secret was not saved anywhere, so the key is of no use: delete the key whose id ends"
                            + " in " + accessKeyId.substring(Math.max(0, accessKeyId.length() - 4)) + " with 'aws iam"
                            + " delete-access-key --user-name " + user
                            + " --access-key-id ID' ('aws iam list-access-keys"
                            + " --user-name " + user + "' shows the full id)." + retry,
                    failure);
        }
        return new LiveUpdateException(
                problem + " The plugin deleted the key, because its secret was not saved anywhere and IAM cannot"
                        + " return it again, so a later run could not use it." + retry,
                failure);
    }

    /** Returns whether AWS rejected a request because it does not accept the signing key (yet). */
    static boolean isKeyNotReady(RuntimeException e) {
        if (!(e instanceof AwsServiceException serviceException)) {
            return false;
        }
        String code = serviceException.awsErrorDetails() == null
                ? null
                : serviceException.awsErrorDetails().errorCode();
        return (code != null && KEY_NOT_READY_CODES.contains(code)) || serviceException.statusCode() == 403;
    }
}

package io.github.liveupdate.credentials;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the access key that write-profile stores, in this order: (1) the key that setup-iam created
 * earlier in the same build, whose secret exists nowhere else, (2) an explicit key id and secret, (3) a
 * {@code <server>} of settings.xml. When setup-iam ran but created no key, the profile already contains the
 * user's key and there is nothing to write.
 */
public final class AccessKeySources {

    /** The error message that lists the three ways to give write-profile a key. */
    static final String THREE_WAYS = "Give write-profile an access key in one of three ways:"
            + " (1) run setup-iam before it in the same build, which creates a key"
            + " (mvn liveupdate:setup-iam liveupdate:write-profile);"
            + " (2) pass -Dliveupdate.accessKeyId=ID and -Dliveupdate.secretAccessKey=SECRET;"
            + " (3) add a <server> to settings.xml with the key id as <username> and the secret as <password>"
            + " (encrypted with mvn --encrypt-password if you like) and pass -Dliveupdate.serverId=SERVER_ID.";

    private AccessKeySources() {}

    /**
     * Returns the key to write, or an empty optional if setup-iam ran in this build, created no key, and no
     * other source is set.
     *
     * @param fromSetupIam the key that setup-iam created in this build, or null
     * @param setupIamRan whether setup-iam ran in this build
     * @param accessKeyId the explicit key id, or null
     * @param secretAccessKey the explicit secret, or null
     * @param serverId the id of a settings.xml server that contains the key, or null
     * @param serverKey reads the key of a settings.xml server by id, called only when that source is chosen
     * @throws LiveUpdateException if no source is set, only half of an explicit key is set, or both an
     *     explicit key and a server are set
     */
    public static Optional<AccessKeyPair> choose(
            AccessKeyPair fromSetupIam,
            boolean setupIamRan,
            String accessKeyId,
            String secretAccessKey,
            String serverId,
            Function<String, AccessKeyPair> serverKey,
            Reporter reporter) {
        boolean explicit = isSet(accessKeyId) || isSet(secretAccessKey);
        boolean server = isSet(serverId);
        if (fromSetupIam != null) {
            if (explicit || server) {
                reporter.warn("Ignoring "
                        + (explicit ? "-Dliveupdate.accessKeyId/secretAccessKey" : "serverId '" + serverId + "'")
                        + ": setup-iam created the key " + KeyIds.mask(fromSetupIam.accessKeyId())
                        + " in this build, and its secret can be saved only now.");
            }
            return Optional.of(fromSetupIam);
        }
        if (explicit && server) {
            throw new LiveUpdateException("Both an explicit key (-Dliveupdate.accessKeyId/secretAccessKey) and"
                    + " serverId '" + serverId + "' are set, so it is unclear which key to write. Set only one.");
        }
        if (explicit) {
            if (!isSet(accessKeyId)) {
                throw new LiveUpdateException("-Dliveupdate.secretAccessKey is set but -Dliveupdate.accessKeyId is"
                        + " not. Pass both, the key id and its secret.");
            }
            if (!isSet(secretAccessKey)) {
                // A value that is no key id may be the secret given in its place, and a mask shows 8 of its
                // characters.
                String shown =
                        KeyIds.isWellFormed(accessKeyId.trim()) ? " (" + KeyIds.mask(accessKeyId.trim()) + ")" : "";
                throw new LiveUpdateException("-Dliveupdate.accessKeyId is set" + shown
                        + " but -Dliveupdate.secretAccessKey is not. Pass both, the key id and its secret.");
            }
            return Optional.of(wellFormed(
                    new AccessKeyPair(accessKeyId.trim(), secretAccessKey.trim()), "-Dliveupdate.accessKeyId"));
        }
        if (server) {
            return Optional.of(wellFormed(
                    serverKey.apply(serverId.trim()),
                    "the <username> of settings.xml server '" + serverId.trim() + "'"));
        }
        if (setupIamRan) {
            return Optional.empty();
        }
        throw new LiveUpdateException("No access key to write. " + THREE_WAYS);
    }

    /**
     * Returns the key if its id has the form of an access key id. The message does not show the id, because
     * a malformed id is often the secret given in its place.
     */
    private static AccessKeyPair wellFormed(AccessKeyPair key, String source) {
        if (!KeyIds.isWellFormed(key.accessKeyId()) || KeyIds.looksSwapped(key.accessKeyId(), key.secretAccessKey())) {
            throw new LiveUpdateException("The access key id in " + source + " is not a key id: key ids are up to"
                    + " 128 letters, digits or underscores, such as AKIAIOSFODNN7EXAMPLE. Check that the key id"
                    + " and the secret are not swapped; an AWS secret is the 40-character value.");
        }
        return key;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

package io.github.liveupdate.iam;

import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.Reporter;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Waits until AWS accepts a new access key, by sending STS GetCallerIdentity signed with it. IAM takes a few
 * seconds to propagate a new key, and until then STS rejects it as an invalid client token.
 */
public final class KeyAuthentication {

    private final Function<AwsCredentialsProvider, StsClient> stsForKey;
    private final Reporter reporter;
    private final Backoff.Sleeper sleeper;

    /**
     * @param stsForKey builds an STS client that signs with the given credentials. Each client it builds is
     *     closed after use.
     * @param sleeper waits between attempts; tests pass one that returns at once
     */
    public KeyAuthentication(
            Function<AwsCredentialsProvider, StsClient> stsForKey, Reporter reporter, Backoff.Sleeper sleeper) {
        this.stsForKey = stsForKey;
        this.reporter = reporter;
        this.sleeper = sleeper;
    }

    /**
     * Sends GetCallerIdentity signed with the key until STS accepts it, retrying while AWS rejects the key as
     * {@link #isKeyNotReady not ready}.
     *
     * @param wait the total time to try, including the requests themselves
     * @return the ARN that STS returns for the key's owner
     * @throws RuntimeException the last failure, when the wait is spent or STS fails for another reason
     */
    public String await(AccessKeyPair key, Duration wait) {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), wait, sleeper);
        AwsCredentialsProvider signer =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        try (StsClient sts = stsForKey.apply(signer)) {
            GetCallerIdentityResponse identity = backoff.run(
                    "authenticate with new access key " + KeyIds.mask(key.accessKeyId()),
                    reporter,
                    KeyAuthentication::isKeyNotReady,
                    sts::getCallerIdentity);
            return identity.arn();
        }
    }

    /** Returns whether AWS rejected a request because it does not accept the signing key (yet). */
    public static boolean isKeyNotReady(RuntimeException e) {
        return AccessKeyStep.isKeyNotReady(e);
    }
}

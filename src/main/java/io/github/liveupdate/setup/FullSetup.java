package io.github.liveupdate.setup;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.bucket.BucketSetup;
import io.github.liveupdate.bucket.BucketSpec;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Backoff;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileWriter;
import io.github.liveupdate.iam.IamResult;
import io.github.liveupdate.iam.IamSetup;
import io.github.liveupdate.iam.IamSpec;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Runs the whole setup for Defold Live update: the bucket, then the IAM policy, user and key, then the
 * profile. A new key goes from the IAM step to the credentials file in memory only.
 */
public final class FullSetup {

    private final AwsConnection aws;
    private final AwsFiles files;
    private final Reporter reporter;

    /**
     * @param aws the connection that signs as the administrator
     * @param files the credentials and config files that receive the profile
     */
    public FullSetup(AwsConnection aws, AwsFiles files, Reporter reporter) {
        this.aws = aws;
        this.files = files;
        this.reporter = reporter;
    }

    /**
     * Runs every step and reports each one.
     *
     * @param policyName the IAM policy name, or null for the name derived from the bucket
     * @param userName the IAM user name, or null for the name derived from the bucket
     * @param keyWait how long to wait for a new access key to authenticate
     * @param profile the profile that receives the key
     * @return the IAM result, with the new key if one was created
     */
    public IamResult run(
            BucketSpec bucket, String policyName, String userName, Duration keyWait, String profile, boolean dryRun) {
        return run(bucket, policyName, userName, keyWait, profile, false, dryRun);
    }

    /**
     * Runs every step as {@link #run(BucketSpec, String, String, Duration, String, boolean)} does.
     *
     * @param replaceOtherUsersKey whether a key of another IAM user in the profile may be replaced
     */
    public IamResult run(
            BucketSpec bucket,
            String policyName,
            String userName,
            Duration keyWait,
            String profile,
            boolean replaceOtherUsersKey,
            boolean dryRun) {
        IamSpec iamSpec = new IamSpec(
                bucket.bucket(),
                bucket.prefix(),
                aws.partition(),
                policyName,
                userName,
                keyWait,
                profile,
                replaceOtherUsersKey);
        ProfileWriter profileWriter = new ProfileWriter(files, reporter);
        // A file problem must fail now: after IAM creates a key, its secret would have nowhere to go.
        profileWriter.checkWritable(profile, aws.region().id());
        IamSetup iamSetup = new IamSetup(aws.iam(), aws.sts(), aws::stsClient, reporter);
        // Before the bucket, so that a profile of another game fails the goal while nothing was changed.
        iamSetup.checkProfileKeyOwner(iamSpec, keyIdInProfile(profile));

        new BucketSetup(
                        aws.s3(),
                        aws.region(),
                        aws.partition(),
                        reporter,
                        Backoff.upTo(BucketSetup.POLICY_RETRY_BUDGET))
                .apply(bucket, dryRun);

        IamResult iam = iamSetup.apply(iamSpec, keyIdInProfile(profile), dryRun);

        Optional<AccessKeyPair> keyInProfile = keyInProfile(profile);
        if (iam.newKey().isPresent()) {
            writeNewKey(profileWriter, profile, iam, dryRun);
        } else if (keyInProfile.isPresent()
                && keyInProfile.get().accessKeyId().equals(iam.accessKeyId().orElse(null))) {
            // Writing the key that the profile contains changes nothing but a missing or other region.
            profileWriter.write(profile, keyInProfile.get(), aws.region().id(), dryRun);
        } else if (dryRun && iam.accessKeyId().isEmpty()) {
            reporter.step(
                    "Profile '" + profile + "' in " + files.credentialsFile() + " (the new key)", Outcome.PLANNED);
        } else {
            profileWriter.reportKeyKept(profile);
        }

        reporter.info("Setup " + (dryRun ? "planned (dry run, nothing changed)" : "complete") + ": bucket "
                + bucket.bucket() + " in " + aws.region().id() + ", IAM user " + iam.userName() + ", profile '"
                + profile + "' with key " + iam.accessKeyId().map(KeyIds::mask).orElse("(to be created)") + ".");
        return iam;
    }

    /**
     * Writes a key that IAM has just created. If the write fails, the key is deleted, because IAM cannot
     * return its secret again and the key would only fill one of the user's two key slots.
     */
    private void writeNewKey(ProfileWriter profileWriter, String profile, IamResult iam, boolean dryRun) {
        AccessKeyPair key = iam.newKey().get();
        try {
            profileWriter.write(profile, key, aws.region().id(), dryRun);
        } catch (RuntimeException writeFailure) {
            String keyId = KeyIds.mask(key.accessKeyId());
            try {
                aws.iam().deleteAccessKey(r -> r.userName(iam.userName()).accessKeyId(key.accessKeyId()));
            } catch (RuntimeException deleteFailure) {
                throw new LiveUpdateException(
                        writeFailure.getMessage() + " The new access key " + keyId
                                + " of IAM user " + iam.userName() + " could not be stored or deleted ("
                                + deleteFailure.getMessage()
                                + "): delete it with 'aws iam delete-access-key --user-name "
                                + iam.userName() + " --access-key-id <id>', fix the file problem and run setup again.",
                        writeFailure);
            }
            throw new LiveUpdateException(
                    writeFailure.getMessage() + " The new access key " + keyId
                            + " was deleted, because its secret could not be stored. Fix the file problem and run setup"
                            + " again.",
                    writeFailure);
        }
    }

    private Optional<String> keyIdInProfile(String profile) {
        return keyInProfile(profile).map(AccessKeyPair::accessKeyId);
    }

    private Optional<AccessKeyPair> keyInProfile(String profile) {
        return AwsConnection.loadProfiles(files).profile(profile).flatMap(p -> {
            Optional<String> id = p.property(ProfileProperty.AWS_ACCESS_KEY_ID);
            Optional<String> secret = p.property(ProfileProperty.AWS_SECRET_ACCESS_KEY);
            return id.isPresent() && secret.isPresent()
                    ? Optional.of(new AccessKeyPair(id.get(), secret.get()))
                    : Optional.empty();
        });
    }
}

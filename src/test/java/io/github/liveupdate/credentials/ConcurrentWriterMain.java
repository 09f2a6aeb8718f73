package io.github.liveupdate.credentials;

import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Reporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Writes several profiles into one pair of files, for the test that runs two of these processes at once.
 * Arguments: credentials file, config file, profile name prefix, number of profiles.
 */
public final class ConcurrentWriterMain {

    private ConcurrentWriterMain() {}

    public static void main(String[] args) {
        AwsFiles files = AwsFiles.resolve(
                Path.of(args[0]), Path.of(args[1]), Map.of(), Path.of(args[0]).getParent());
        ProfileWriter writer = new ProfileWriter(files, Reporter.silent(), Map.of(), Duration.ofSeconds(120));
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            String profile = args[2] + i;
            writer.write(profile, new AccessKeyPair("AKIAFAKE" + i, "fake-secret-" + profile), "eu-west-1", false);
        }
    }
}

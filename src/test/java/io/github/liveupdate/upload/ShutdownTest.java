package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.testing.LiveUpdateFixtures;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.UploadItSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stops an upload in another JVM with SIGTERM, which runs the JVM's shutdown hooks as Ctrl-C does, and checks
 * that the manifest was not uploaded.
 */
class ShutdownTest {

    @TempDir
    Path folder;

    @Test
    void sigtermLeavesManifestOut() throws IOException, InterruptedException {
        Path zip = LiveUpdateFixtures.seeded(1).resources(3000).writeZip(folder.resolve("game.zip"));
        try (MotoServer moto = MotoServer.start(Path.of("target", "moto", "ShutdownTest.log"));
                S3Client s3 = UploadItSupport.client(moto.endpoint())) {
            s3.createBucket(request -> request.bucket("shutdown")
                    .createBucketConfiguration(configuration -> configuration.locationConstraint("eu-west-1")));
            Path output = folder.resolve("output.txt");
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SmallHeapUpload.class.getName(),
                            moto.endpoint(),
                            "shutdown",
                            zip.toString(),
                            "upload",
                            "4")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();

            awaitLine(output, "[info] Uploading 3,000 objects", process);
            Thread.sleep(1000);
            process.destroy();
            boolean stopped = process.waitFor(30, TimeUnit.SECONDS);

            List<String> keys = keys(s3);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(stopped).as(log).isTrue();
            assertThat(keys).as("some resources were uploaded before the stop").isNotEmpty();
            assertThat(keys).as("not every resource was uploaded").hasSizeLessThan(3000);
            assertThat(keys).doesNotContain("many/liveupdate.game.dmanifest");
            assertThat(log).doesNotContain("Manifest s3://");
            assertThat(log).contains("[warn] The upload was interrupted after");
        }
    }

    private static void awaitLine(Path output, String prefix, Process process)
            throws IOException, InterruptedException {
        for (int wait = 0; wait < 600; wait++) {
            if (Files.readString(output, StandardCharsets.UTF_8).contains(prefix)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the upload did not start: " + Files.readString(output, StandardCharsets.UTF_8));
    }

    private static List<String> keys(S3Client s3) {
        List<String> keys = new ArrayList<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(request -> request.bucket("shutdown")).contents()) {
            keys.add(object.key());
        }
        return keys;
    }
}

package io.github.liveupdate.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.testing.LiveUpdateFixtures;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.UploadItSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Plans an upload of 100,000 resource entries in a JVM with a 256 MiB heap: the source, the manifest, the
 * completeness check and every object passing through the transfer pool. It is a dry run, because moto_server
 * stores a few hundred objects a second, so sending 100,000 would take many minutes.
 */
class ManyEntriesTest {

    private static final int ENTRIES = 100_000;

    @TempDir
    Path folder;

    @Test
    void plansManyEntriesInSmallHeap() throws IOException, InterruptedException {
        Path zip =
                LiveUpdateFixtures.seeded(1).resources(ENTRIES).maxPayload(32).writeZip(folder.resolve("many.zip"));
        try (MotoServer moto = MotoServer.start(Path.of("target", "moto", "ManyEntriesTest.log"));
                S3Client s3 = UploadItSupport.client(moto.endpoint())) {
            s3.createBucket(request -> request.bucket("many-entries")
                    .createBucketConfiguration(configuration -> configuration.locationConstraint("eu-west-1")));

            List<String> output = runInSmallHeap(moto.endpoint(), zip);

            assertThat(output).anyMatch(line -> line.startsWith("[info] Dry run: checking 100,000 objects"));
            assertThat(output).anyMatch(line -> line.startsWith("[info] Dry run: would upload 100,001 objects"));
        }
    }

    private List<String> runInSmallHeap(String endpoint, Path zip) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = folder.resolve("output.txt");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SmallHeapUpload.class.getName(),
                        endpoint,
                        "many-entries",
                        zip.toString(),
                        "dry-run",
                        "32")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the upload finished within 5 minutes").isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}

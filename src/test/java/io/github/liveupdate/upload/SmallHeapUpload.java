package io.github.liveupdate.upload;

import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.testing.UploadItSupport;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs one upload in its own JVM, so {@link ManyEntriesTest} can give it a small heap. Arguments: the moto
 * endpoint, the bucket, the source, {@code dry-run} or {@code upload}, the concurrency.
 */
public final class SmallHeapUpload {

    private SmallHeapUpload() {}

    public static void main(String[] args) {
        String endpoint = args[0];
        String bucket = args[1];
        Path source = Path.of(args[2]);
        boolean dryRun = args[3].equals("dry-run");
        int concurrency = Integer.parseInt(args[4]);
        Reporter stdout = new Reporter() {
            @Override
            public void info(String message) {
                System.out.println("[info] " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("[warn] " + message);
            }

            @Override
            public void debug(String message) {}
        };
        try (S3Client s3 = UploadItSupport.client(endpoint, concurrency)) {
            UploadSpec spec = new UploadSpec(source, bucket, "many", Layout.RESOURCES, concurrency, null, null, dryRun);
            new Uploader(s3, stdout).upload(spec);
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.println("[heap] max " + runtime.maxMemory() / (1024 * 1024) + " MiB");
    }
}

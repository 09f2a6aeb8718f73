package io.github.liveupdate.upload;

import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.testing.LiveUpdateFixtures;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.UploadItSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void speed() throws Exception {
        try (MotoServer moto = MotoServer.start(Path.of("/tmp/scratch/moto.log"));
                var s3 = UploadItSupport.client(moto.endpoint())) {
            s3.createBucket(r -> r.bucket("bbb").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            Path zip = LiveUpdateFixtures.seeded(1).resources(3000).writeZip(Path.of("/tmp/scratch/g.zip"));
            for (int c : new int[] {4, 32}) {
                long t = System.nanoTime();
                var r = new Uploader(s3, Reporter.silent())
                        .upload(new UploadSpec(zip, "bbb", "p" + c, Layout.RESOURCES, c, null, null, false));
                System.out.println("SPEED c=" + c + " " + r.describe() + " " + (System.nanoTime() - t) / 1e9);
            }
            long t = System.nanoTime();
            var r = new Uploader(s3, Reporter.silent())
                    .upload(new UploadSpec(zip, "bbb", "p4", Layout.RESOURCES, 32, null, null, false));
            System.out.println("SPEED second " + r.describe() + " " + (System.nanoTime() - t) / 1e9);
        }
    }
}

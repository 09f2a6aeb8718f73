import io.github.liveupdate.aws.AwsConnection
import io.github.liveupdate.aws.AwsFiles
import io.github.liveupdate.aws.AwsOptions
import io.github.liveupdate.bucket.BucketSpec
import io.github.liveupdate.core.Reporter
import io.github.liveupdate.setup.FullSetup
import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport
import java.time.Duration
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials

// Without this switch, moto_server adds CORS headers that allow everything to every response.
ItSupport.start(basedir, context, [MOTO_DISABLE_GLOBAL_CORS: 'true'])

// Set up as the setup goal does, signing as the emulator's root account, and publish content.
def files = AwsFiles.resolve(new File(basedir, 'aws/credentials').toPath(), new File(basedir, 'aws/config').toPath())
def admin = new AwsOptions('eu-west-1', ItSupport.endpoint(basedir), files, null,
        AwsBasicCredentials.create('testing', 'testing'), [:], AwsOptions.DEFAULT_MAX_CONNECTIONS)
AwsConnection.open(admin).withCloseable { aws ->
    def bucket = new BucketSpec(UploadItSupport.BUCKET, 'game/v1', true, true, null, null, 3000)
    new FullSetup(aws, files, Reporter.silent()).run(bucket, null, null, Duration.ofSeconds(30), 'liveupdate', false)
}
def zip = LiveUpdateFixtures.seeded(32).resources(6).writeZip(new File(basedir, 'content/game.zip').toPath())
UploadItSupport.publish(basedir, zip, 'game/v1')

// Then someone deletes the bucket's CORS configuration.
ItAws.s3(basedir).withCloseable { s3 -> s3.deleteBucketCors { it.bucket(UploadItSupport.BUCKET) } }
true

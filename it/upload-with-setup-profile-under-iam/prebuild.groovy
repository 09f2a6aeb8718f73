import io.github.liveupdate.aws.AwsConnection
import io.github.liveupdate.aws.AwsFiles
import io.github.liveupdate.aws.AwsOptions
import io.github.liveupdate.bucket.BucketSpec
import io.github.liveupdate.core.Reporter
import io.github.liveupdate.setup.FullSetup
import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import java.time.Duration
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials

ItSupport.start(basedir, context)

// Set up as the setup goal does, signing as the emulator's root account, before IAM is enforced.
def files = AwsFiles.resolve(new File(basedir, 'aws/credentials').toPath(), new File(basedir, 'aws/config').toPath())
def admin = new AwsOptions('eu-west-1', ItSupport.endpoint(basedir), files, null,
        AwsBasicCredentials.create('testing', 'testing'), [:], AwsOptions.DEFAULT_MAX_CONNECTIONS)
AwsConnection.open(admin).withCloseable { aws ->
    def bucket = new BucketSpec('least-privilege-game', 'game/v2', true, true, null, null, 3000)
    new FullSetup(aws, files, Reporter.silent()).run(bucket, null, null, Duration.ofSeconds(30), 'liveupdate', false)
}

LiveUpdateFixtures.seeded(22).resources(15).writeZip(new File(basedir, 'content/game.zip').toPath())
ItAws.enforceIam(basedir)
return true

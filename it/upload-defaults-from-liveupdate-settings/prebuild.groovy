import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.MotoServer
import io.github.liveupdate.testing.UploadItSupport
import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.time.Instant

ItSupport.start(basedir, context)
UploadItSupport.createBucket(basedir, 'liveupdate-it')

// The profile that liveupdate.settings names, signing as moto's root user.
def aws = new File(basedir, 'aws')
aws.mkdirs()
new File(aws, 'credentials').text = "[game-uploader]\naws_access_key_id = ${MotoServer.ACCESS_KEY_ID}\n" +
        "aws_secret_access_key = ${MotoServer.SECRET_ACCESS_KEY}\n"
new File(aws, 'config').text = "[profile game-uploader]\nregion = eu-west-1\n"

// Two zips with the names bob generates: an older bundle and the newest one.
def older = LiveUpdateFixtures.seeded(41).resources(6).writeZip(new File(basedir, 'out/defold.resourcepack_js-web_1111.zip').toPath())
Files.setLastModifiedTime(older, FileTime.from(Instant.now().minusSeconds(3600)))
LiveUpdateFixtures.seeded(42).resources(8).writeZip(new File(basedir, 'out/defold.resourcepack_js-web_2222.zip').toPath())
true

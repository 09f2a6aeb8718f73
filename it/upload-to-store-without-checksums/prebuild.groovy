import io.github.liveupdate.testing.FlexibleChecksumRejection
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

def proxy = ItSupport.startBehindProxy(basedir, context)
UploadItSupport.writeProfile(basedir)
UploadItSupport.createBucket(basedir, UploadItSupport.BUCKET)
LiveUpdateFixtures.seeded(41).resources(30).writeZip(new File(basedir, 'content/game.zip').toPath())
proxy.play(new FlexibleChecksumRejection())
true

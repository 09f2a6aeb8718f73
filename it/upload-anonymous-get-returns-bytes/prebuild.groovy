import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

UploadItSupport.prepare(basedir, context)
UploadItSupport.allowPublicRead(basedir, UploadItSupport.BUCKET)
LiveUpdateFixtures.seeded(9).resources(10).writeZip(new File(basedir, 'content/game.zip').toPath())
true

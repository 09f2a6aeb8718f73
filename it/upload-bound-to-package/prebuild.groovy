import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

UploadItSupport.prepare(basedir, context)
LiveUpdateFixtures.seeded(10).resources(20).writeZip(new File(basedir, 'content/game.zip').toPath())
true

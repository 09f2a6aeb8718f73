import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

UploadItSupport.prepare(basedir, context)
LiveUpdateFixtures.seeded(8).resources(5).extraEntry('../x', 'escape'.bytes).writeZip(new File(basedir, 'content/game.zip').toPath())
true

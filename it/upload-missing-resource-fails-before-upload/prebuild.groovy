import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

UploadItSupport.prepare(basedir, context)
LiveUpdateFixtures.seeded(7).resources(10).missingResources(2).writeZip(new File(basedir, 'content/game.zip').toPath())
true

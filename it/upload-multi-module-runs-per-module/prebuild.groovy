import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

UploadItSupport.prepare(basedir, context)
LiveUpdateFixtures.seeded(61).resources(5).writeZip(new File(basedir, 'game-a/content/game.zip').toPath())
LiveUpdateFixtures.seeded(62).resources(7).writeZip(new File(basedir, 'game-b/content/game.zip').toPath())
true

import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

UploadItSupport.prepare(basedir, context)
def previous = LiveUpdateFixtures.seeded(5).resources(20).manifestVersion('1')
UploadItSupport.publish(basedir, previous.writeZip(new File(basedir, 'previous/game.zip').toPath()), 'game/v1')
LiveUpdateFixtures.seeded(5).resources(20).manifestVersion('2').writeZip(new File(basedir, 'content/game.zip').toPath())
true

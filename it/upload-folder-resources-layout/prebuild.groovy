import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

UploadItSupport.prepare(basedir, context)
LiveUpdateFixtures.seeded(2).resources(15).writeFolder(new File(basedir, 'content').toPath())
true

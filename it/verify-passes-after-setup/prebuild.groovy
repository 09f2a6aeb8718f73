import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures

// Without this switch, moto_server adds CORS headers that allow everything to every response.
ItSupport.start(basedir, context, [MOTO_DISABLE_GLOBAL_CORS: 'true'])
LiveUpdateFixtures.seeded(31).resources(12).writeZip(new File(basedir, 'content/game.zip').toPath())
true

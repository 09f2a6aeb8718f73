import io.github.liveupdate.testing.EntityPropagation
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.KeyPropagation
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.NewBucketDefaults
import java.time.Duration

def proxy = ItSupport.startBehindProxy(basedir, context)
proxy.play(new NewBucketDefaults(ItSupport.endpoint(basedir), Duration.ofSeconds(3)))
proxy.play(new KeyPropagation(Duration.ofSeconds(5)))
proxy.play(new EntityPropagation(Duration.ofSeconds(3)))
LiveUpdateFixtures.seeded(31).resources(10).writeZip(new File(basedir, 'content/game.zip').toPath())
// A pre-build script that returns a value other than true makes the invoker skip the build.
return true

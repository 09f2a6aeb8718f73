import io.github.liveupdate.testing.EntityPropagation
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.KeyPropagation
import io.github.liveupdate.testing.NewBucketDefaults
import java.time.Duration

def proxy = ItSupport.startBehindProxy(basedir, context)
proxy.play(new NewBucketDefaults(ItSupport.endpoint(basedir), Duration.ofSeconds(3)))
proxy.play(new KeyPropagation(Duration.ofSeconds(5)))
proxy.play(new EntityPropagation(Duration.ofSeconds(3)))
// A pre-build script that returns a value other than true makes the invoker skip the build.
return true

import io.github.liveupdate.testing.EntityPropagation
import io.github.liveupdate.testing.Fault
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.KeyPropagation
import io.github.liveupdate.testing.Match
import io.github.liveupdate.testing.NewBucketDefaults
import io.github.liveupdate.testing.Trigger
import java.time.Duration

def proxy = ItSupport.startBehindProxy(basedir, context)
proxy.play(new NewBucketDefaults(ItSupport.endpoint(basedir), Duration.ofSeconds(2)))
proxy.play(new KeyPropagation(Duration.ofSeconds(3)))
proxy.play(new EntityPropagation(Duration.ofSeconds(2)))
proxy.inject(Match.any(), Trigger.rate(0.10, 21), Fault.slowDown())
proxy.inject(Match.any(), Trigger.rate(0.05, 22), Fault.internalError())
proxy.inject(Match.any(), Trigger.rate(0.05, 23), Fault.resetBeforeForward())
proxy.inject(Match.any(), Trigger.rate(0.05, 24), Fault.truncatedSuccess())
// A lost response to a create: the SDK sends the request again, and IAM or S3 has applied the first.
proxy.inject(Match.action('CreateUser', 'CreatePolicy', 'CreateAccessKey', 'PutBucketPolicy'), Trigger.nth(1),
        Fault.resetAfterForward())
return true

import io.github.liveupdate.testing.Fault
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.Match
import io.github.liveupdate.testing.Trigger
import io.github.liveupdate.testing.UploadItSupport

def proxy = ItSupport.startBehindProxy(basedir, context)
UploadItSupport.writeProfile(basedir)
UploadItSupport.createBucket(basedir, UploadItSupport.BUCKET)
LiveUpdateFixtures.seeded(31).resources(200).writeZip(new File(basedir, 'content/game.zip').toPath())

// About 10% of the PUTs fail. The rates are seeded; parallel requests may draw in another order each run.
def puts = Match.action('PutObject')
proxy.inject(puts, Trigger.rate(0.04, 311), Fault.slowDown())
proxy.inject(puts, Trigger.rate(0.03, 312), Fault.internalError())
proxy.inject(puts, Trigger.rate(0.02, 313), Fault.resetBeforeForward())
// A lost response: moto stored the object, and the retry sends the same bytes again.
proxy.inject(puts, Trigger.rate(0.01, 314), Fault.resetAfterForward())
true

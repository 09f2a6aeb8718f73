import io.github.liveupdate.testing.Fault
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.Match
import io.github.liveupdate.testing.Trigger
import io.github.liveupdate.testing.UploadItSupport

def proxy = ItSupport.startBehindProxy(basedir, context)
UploadItSupport.writeProfile(basedir)
UploadItSupport.createBucket(basedir, UploadItSupport.BUCKET)
def fixtures = LiveUpdateFixtures.seeded(32).resources(20)
fixtures.writeZip(new File(basedir, 'content/game.zip').toPath())

// Every PUT of one resource answers 500 during the first build. Each build lists the prefix once before it
// uploads, so the second listing marks the second build, and the fault ends there.
def broken = "/${UploadItSupport.BUCKET}/game/v1/${fixtures.resource(7).hash()}"
def firstBuild = { int matchNumber -> proxy.requests('ListObjectsV2').size() < 2 } as Trigger
proxy.inject(Match.request('PUT', broken), firstBuild, Fault.internalError())
true

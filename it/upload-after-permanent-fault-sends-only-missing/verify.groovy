import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport
import software.amazon.awssdk.core.sync.ResponseTransformer

def bucket = UploadItSupport.BUCKET
def fixtures = LiveUpdateFixtures.seeded(32).resources(20)
def brokenKey = 'game/v1/' + fixtures.resource(7).hash()
def manifestKey = 'game/v1/' + LiveUpdateFixtures.MANIFEST
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split('Scanning for projects')
    assert runs.size() == 3 : "expected two builds in build.log, found ${runs.size() - 1}"
    assert runs[1].contains('BUILD FAILURE') : 'the first upload did not fail'
    assert runs[1].contains('1 object could not be uploaded') : 'the first upload does not say one object failed'
    assert runs[1].contains(brokenKey) : 'the failure does not name the object that failed'
    assert !runs[1].contains('Manifest s3://') : 'the first upload reported the manifest'
    assert runs[2].contains('BUILD SUCCESS') : 'the second upload failed'

    def proxy = ItSupport.proxy(basedir)
    def requests = proxy.requests()
    def listings = requests.findAll { it.action() == 'ListObjectsV2' }
    assert listings.size() == 2 : "expected one listing per build, found ${listings.size()}"
    def secondStart = listings[1].sequence()
    def firstRun = requests.findAll { it.sequence() < secondStart }
    def secondRun = requests.findAll { it.sequence() >= secondStart }
    def keyOf = { it.path().substring(bucket.length() + 2) }

    def brokenPuts = firstRun.findAll { it.action() == 'PutObject' && keyOf(it) == brokenKey }
    assert brokenPuts.size() > 1 : "the failing object was sent ${brokenPuts.size()} times in the first build"
    assert brokenPuts.every { it.status() == 500 } : 'a PUT of the failing object got through in the first build'
    def manifestPuts = firstRun.findAll { it.action() == 'PutObject' && keyOf(it) == manifestKey }
    assert manifestPuts.isEmpty() : 'the first build sent the manifest'

    def storedFirst = firstRun.findAll { it.action() == 'PutObject' && it.status() == 200 }.collect(keyOf) as Set
    def sentSecond = secondRun.findAll { it.action() == 'PutObject' }.collect(keyOf)
    def allKeys = fixtures.resources().collect { 'game/v1/' + it.hash() } + [manifestKey]
    def missing = allKeys.findAll { !storedFirst.contains(it) }
    assert sentSecond.sort() == missing.sort() : "the second build sent ${sentSecond}, expected ${missing}"
    def manifestLast = secondRun.findAll { it.action() == 'PutObject' }.last().path().endsWith(LiveUpdateFixtures.MANIFEST)
    assert manifestLast : 'the manifest was not the last PUT of the second build'

    def expected = [:]
    for (resource in fixtures.resources()) {
        expected['game/v1/' + resource.hash()] = resource.entry()
    }
    expected[manifestKey] = fixtures.manifest()
    assert UploadItSupport.keys(basedir, bucket) == expected.keySet().sort() : 'the bucket holds other keys than the source'
    def differing = []
    UploadItSupport.s3(basedir).withCloseable { s3 ->
        expected.each { key, bytes ->
            def stored = s3.getObject({ it.bucket(bucket).key(key) }, ResponseTransformer.toBytes()).asByteArray()
            if (LiveUpdateFixtures.sha256Hex(stored) != LiveUpdateFixtures.sha256Hex(bytes)) {
                differing << key
            }
        }
    }
    assert differing.isEmpty() : "objects differ from their source entries: ${differing}"

    // The profile signs with moto's root key, which moto did not issue: no issued secret to look for.
    def summary = proxy.summary()
    println "RELIABILITY\tupload-after-permanent-fault-sends-only-missing\t${summary}\tfirstBuildPutsOfFailingObject=${brokenPuts.size()}\tsecondBuildPuts=${sentSecond.size()}"
    return true
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport
import software.amazon.awssdk.core.sync.ResponseTransformer

def bucket = UploadItSupport.BUCKET
def fixtures = LiveUpdateFixtures.seeded(31).resources(200)
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS') : 'the upload failed'
    assert log.contains('Uploaded 201 objects') : 'the upload did not report 201 objects'

    def expected = [:]
    for (resource in fixtures.resources()) {
        expected['game/v1/' + resource.hash()] = resource.entry()
    }
    expected['game/v1/' + LiveUpdateFixtures.MANIFEST] = fixtures.manifest()
    def keys = UploadItSupport.keys(basedir, bucket)
    assert keys == expected.keySet().sort() : "the bucket holds other keys than the source: ${keys.size()} keys"
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

    // The profile signs with moto's root key, which moto did not issue: there is no issued secret to look
    // for in the log. The root secret 'testing' is also the key id, so it cannot be told apart in the log.
    def proxy = ItSupport.proxy(basedir)
    def summary = proxy.summary()
    assert summary.injected() > 0 : "the proxy injected no fault: ${summary}"
    assert summary.notRetried().isEmpty() : "failed requests not sent again: ${summary.notRetried()}"
    def kinds = proxy.requests().findAll { it.injected() }.countBy { it.fault() }
    def puts = proxy.requests('PutObject').size()
    println "RELIABILITY\tupload-survives-transient-faults\t${summary}\tputs=${puts}\tfaults=${kinds}"
    return true
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

def fixtures = LiveUpdateFixtures.seeded(41).resources(30)
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS') : 'the upload failed'
    assert log.contains('Uploaded 31 objects') : 'the upload did not report 31 objects'

    def expected = fixtures.resources().collect { 'game/v1/' + it.hash() }
    expected << 'game/v1/' + LiveUpdateFixtures.MANIFEST
    def keys = UploadItSupport.keys(basedir, UploadItSupport.BUCKET)
    assert keys == expected.sort() : "the bucket holds other keys than the source: ${keys}"

    def proxy = ItSupport.proxy(basedir)
    def puts = proxy.requests('PutObject')
    assert puts.size() == 31 : "the proxy saw ${puts.size()} PutObject requests, expected 31"
    def rejected = proxy.requests().findAll { it.fault() != null }
    assert rejected.isEmpty() : "the store rejected requests with checksum headers: ${rejected}"
} finally {
    ItSupport.stop(basedir)
}

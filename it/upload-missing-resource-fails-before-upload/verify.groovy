import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

try {
    def missing = LiveUpdateFixtures.seeded(7).resources(10).missingResources(2).missingHashes()
    def log = new File(basedir, 'build.log').text
    assert log.contains('2 Live update resources that are missing') : 'the failure does not count the missing resources'
    assert log.contains(missing[0] + ' (/fixture/missing0.texturec)') : 'the failure does not name the first missing hash and url'
    assert log.contains('Nothing was uploaded') : 'the failure does not say that nothing was uploaded'
    def keys = UploadItSupport.keys(basedir, UploadItSupport.BUCKET)
    assert keys.isEmpty() : "objects were uploaded: ${keys}"
} finally {
    ItSupport.stop(basedir)
}

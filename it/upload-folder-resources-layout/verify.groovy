import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

try {
    def fixtures = LiveUpdateFixtures.seeded(2).resources(15)
    def bucket = UploadItSupport.BUCKET
    def expected = fixtures.resources().collect { 'game/v1/' + it.hash() } + ['game/v1/liveupdate.game.dmanifest']
    def keys = UploadItSupport.keys(basedir, bucket)
    assert keys as Set == expected as Set : "the bucket holds ${keys}, expected ${expected}"
    fixtures.resources().each { resource ->
        def stored = UploadItSupport.bytes(basedir, bucket, 'game/v1/' + resource.hash())
        assert Arrays.equals(stored, resource.entry()) : "object ${resource.hash()} differs from its file"
    }
    def log = new File(basedir, 'build.log').text
    assert log.contains('Uploaded 16 objects') : 'no summary line counting 16 objects'
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

try {
    def fixtures = LiveUpdateFixtures.seeded(1).resources(20)
    def bucket = UploadItSupport.BUCKET
    def expected = fixtures.resources().collect { 'game/v1/' + it.hash() } + ['game/v1/liveupdate.game.dmanifest']
    def keys = UploadItSupport.keys(basedir, bucket)
    assert keys as Set == expected as Set : "the bucket holds ${keys}, expected ${expected}"
    fixtures.resources().each { resource ->
        def stored = UploadItSupport.bytes(basedir, bucket, 'game/v1/' + resource.hash())
        assert Arrays.equals(stored, resource.entry()) : "object ${resource.hash()} differs from its zip entry"
    }
    def manifest = UploadItSupport.bytes(basedir, bucket, 'game/v1/liveupdate.game.dmanifest')
    assert Arrays.equals(manifest, fixtures.manifest()) : 'the manifest object differs from the zip entry'

    def log = new File(basedir, 'build.log').text
    assert log.contains('Manifest s3://liveupdate-it/game/v1/liveupdate.game.dmanifest: created') : 'no manifest step line'
    assert log.contains('Uploaded 21 objects') : 'no summary line counting 21 objects'
    assert !log.contains(fixtures.resource(0).hash()) : 'a resource key was logged at info'
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

try {
    def fixtures = LiveUpdateFixtures.seeded(9).resources(10)
    def bucket = UploadItSupport.BUCKET
    fixtures.resources().each { resource ->
        def fetched = UploadItSupport.anonymousGet(basedir, bucket, 'game/v1/' + resource.hash())
        assert Arrays.equals(fetched, resource.entry()) : "GET of ${resource.hash()} returned other bytes"
    }
    def manifest = UploadItSupport.anonymousGet(basedir, bucket, 'game/v1/liveupdate.game.dmanifest')
    assert Arrays.equals(manifest, fixtures.manifest()) : 'GET of the manifest returned other bytes'
} finally {
    ItSupport.stop(basedir)
}

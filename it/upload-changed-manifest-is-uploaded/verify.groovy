import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

try {
    def current = LiveUpdateFixtures.seeded(5).resources(20).manifestVersion('2')
    def stored = UploadItSupport.bytes(basedir, UploadItSupport.BUCKET, 'game/v1/liveupdate.game.dmanifest')
    assert Arrays.equals(stored, current.manifest()) : 'the bucket still holds the previous manifest'
    def log = new File(basedir, 'build.log').text
    assert log.contains('Manifest s3://liveupdate-it/game/v1/liveupdate.game.dmanifest: updated') : 'the manifest was not reported updated'
    assert log.contains('Uploaded 1 object (') : 'more than the manifest was uploaded'
    assert log.contains('skipped 20 unchanged') : 'the resources were not skipped'
} finally {
    ItSupport.stop(basedir)
}

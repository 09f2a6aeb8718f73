import io.github.liveupdate.testing.ItSupport

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Uploaded 21 objects') : 'the first run did not upload 21 objects'
    assert log.contains('Uploaded 0 objects (0 B), skipped 21 unchanged') : 'the second run uploaded something'
    assert log.contains('Manifest s3://liveupdate-it/game/v1/liveupdate.game.dmanifest: unchanged') : 'the manifest was not reported unchanged'
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

try {
    def uploads = UploadItSupport.recordedUploads(basedir, UploadItSupport.BUCKET)
    def manifest = 'game/v1/liveupdate.game.dmanifest'
    assert uploads.size() == 41 : "the recorder saw ${uploads.size()} uploads, expected 41: ${uploads}"
    assert uploads.count { it == manifest } == 1 : "the manifest was uploaded ${uploads.count { it == manifest }} times"
    assert uploads.last() == manifest : "the last upload was ${uploads.last()}, not the manifest"
} finally {
    ItSupport.stop(basedir)
}

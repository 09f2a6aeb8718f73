import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('liveupdate-maven-plugin:0.1.0-SNAPSHOT:upload (publish-live-update-content)') : 'upload did not run in package'
    assert log.contains('Uploaded 21 objects') : 'the first mvn package did not upload 21 objects'
    assert log.contains('Uploaded 0 objects (0 B), skipped 21 unchanged') : 'the second mvn package uploaded something'
    def keys = UploadItSupport.keys(basedir, UploadItSupport.BUCKET)
    assert keys.size() == 21 : "the bucket holds ${keys.size()} objects, expected 21"
} finally {
    ItSupport.stop(basedir)
}

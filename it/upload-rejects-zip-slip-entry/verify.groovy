import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Entry '../x' in zip") : 'the failure does not name the entry'
    assert log.contains("contains a '..' segment") : 'the failure does not say what is wrong with the entry'
    def keys = UploadItSupport.keys(basedir, UploadItSupport.BUCKET)
    assert keys.isEmpty() : "objects were uploaded: ${keys}"
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

try {
    def bucket = UploadItSupport.BUCKET
    def keys = UploadItSupport.keys(basedir, bucket)
    assert keys == ['game/v1/game.zip'] : "the bucket holds ${keys}, expected only the zip"
    def zip = new File(basedir, 'content/game.zip').bytes
    assert Arrays.equals(UploadItSupport.bytes(basedir, bucket, 'game/v1/game.zip'), zip) : 'the object differs from the zip'
    def head = UploadItSupport.head(basedir, bucket, 'game/v1/game.zip')
    assert head.contentType() == 'application/zip' : "Content-Type is ${head.contentType()}"
    assert head.cacheControl() == 'no-cache' : "Cache-Control is ${head.cacheControl()}"
    def log = new File(basedir, 'build.log').text
    assert log.contains('Archive s3://liveupdate-it/game/v1/game.zip: created') : 'no archive step line'
} finally {
    ItSupport.stop(basedir)
}

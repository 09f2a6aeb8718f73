import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

try {
    def log = new File(basedir, 'build.log').text
    def settings = new File(basedir, 'liveupdate.settings').canonicalPath
    def newest = new File(basedir, 'out/defold.resourcepack_js-web_2222.zip').canonicalPath

    assert log.contains("Using bucket liveupdate-it, prefix 'game/v2', profile 'game-uploader' from ${settings}") : 'the values from liveupdate.settings are not reported'
    assert log.contains("Source ${newest}: the newest of 2 zips") : 'upload did not report the newest zip'
    assert log.contains('Uploaded 9 objects') : 'upload did not send the 8 resources and the manifest of the newest zip'

    def keys = UploadItSupport.keys(basedir, 'liveupdate-it')
    assert keys.size() == 9 : "the bucket holds ${keys.size()} objects, expected 9"
    assert keys.every { it.startsWith('game/v2/') } : "objects outside game/v2/: ${keys}"
    def manifest = UploadItSupport.bytes(basedir, 'liveupdate-it', 'game/v2/liveupdate.game.dmanifest')
    def expected = LiveUpdateFixtures.seeded(42).resources(8).manifest()
    assert Arrays.equals(manifest, expected) : 'the manifest in the bucket is not the newest zip\'s'
    return true
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

def expectedKeys(long seed, int resources, String prefix) {
    def keys = LiveUpdateFixtures.seeded(seed).resources(resources).resources().collect { prefix + '/' + it.hash() }
    keys << prefix + '/' + LiveUpdateFixtures.MANIFEST
    return keys.sort()
}

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS') : 'the reactor build failed'
    def skips = log.readLines().findAll { it.contains('Skipping upload in ') }
    // The aggregator inherits <source>content/game.zip</source> from its own pluginManagement.
    def source = new File(basedir, 'content/game.zip').absolutePath
    assert skips == ['[INFO] Skipping upload in upload-from-reactor-root-skips-aggregator: it is an aggregator POM'
            + " (packaging pom, with modules) and its source ${source} does not exist, so the goal runs only in"
            + ' its modules.'] : "expected one skip line for the aggregator: ${skips}"
    assert log.contains('Uploaded 6 objects') : 'game-a did not upload its 6 objects'
    assert log.contains('Uploaded 8 objects') : 'game-b did not upload its 8 objects'

    def keys = UploadItSupport.keys(basedir, UploadItSupport.BUCKET)
    assert keys == (expectedKeys(61, 5, 'game-a/v1') + expectedKeys(62, 7, 'game-b/v1')).sort() :
            "the bucket holds other objects than the two modules': ${keys}"
} finally {
    ItSupport.stop(basedir)
}

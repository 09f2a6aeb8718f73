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
    def runs = log.readLines().findAll { it.contains(':upload (publish-live-update-content) @ ') }
    assert runs.size() == 2 : "upload ran ${runs.size()} times, expected once per game module: ${runs}"
    assert runs.any { it.endsWith('@ game-a ---') } : "upload did not run in game-a: ${runs}"
    assert runs.any { it.endsWith('@ game-b ---') } : "upload did not run in game-b: ${runs}"
    assert log.contains('Uploaded 6 objects') : 'game-a did not upload its 6 objects'
    assert log.contains('Uploaded 8 objects') : 'game-b did not upload its 8 objects'

    def keys = UploadItSupport.keys(basedir, UploadItSupport.BUCKET)
    def gameA = keys.findAll { it.startsWith('game-a/') }
    def gameB = keys.findAll { it.startsWith('game-b/') }
    assert gameA == expectedKeys(61, 5, 'game-a/v1') : "game-a/ holds other objects than game-a's: ${gameA}"
    assert gameB == expectedKeys(62, 7, 'game-b/v1') : "game-b/ holds other objects than game-b's: ${gameB}"
    assert keys.size() == gameA.size() + gameB.size() : "objects outside the two prefixes: ${keys - gameA - gameB}"
} finally {
    ItSupport.stop(basedir)
}

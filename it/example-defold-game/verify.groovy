import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

def bucket = 'my-game-liveupdate'
try {
    def log = new File(basedir, 'build.log').text
    def settingsFile = new File(basedir, 'game/liveupdate.settings')

    assert log.contains("Using bucket ${bucket}, prefix 'game/v1', profile 'liveupdate' from ${settingsFile.canonicalPath}") : 'the values from liveupdate.settings are not reported'
    assert log.contains('Setup complete') : 'setup did not complete'
    assert !log.contains('Live update settings ') : 'setup wrote liveupdate.settings although the example turns that off'
    assert log.contains("Source ${new File(basedir, 'game/build/liveupdate/game.zip').canonicalPath}: the zip that") : 'upload did not take the zip that liveupdate.settings names'
    assert log.contains('Uploaded 16 objects') : 'the first mvn package did not upload 16 objects'
    assert log.contains('Uploaded 0 objects (0 B), skipped 16 unchanged') : 'the second mvn package uploaded something'

    def original = new File(basedir, '../../../examples/defold-game/liveupdate.settings').canonicalFile.text
    assert settingsFile.text == original : 'liveupdate.settings changed'

    def keys = UploadItSupport.keys(basedir, bucket)
    assert keys.size() == 16 : "the bucket holds ${keys.size()} objects, expected 16"
    assert keys.every { it.startsWith('game/v1/') } : "objects outside game/v1/: ${keys}"
    assert keys.contains('game/v1/liveupdate.game.dmanifest') : 'the manifest is missing'

    // The profile that setup wrote is the one that upload signed with: the IAM user's only key.
    ItAws.iam(basedir).withCloseable { iam ->
        def keyIds = iam.listAccessKeys { it.userName('liveupdate-' + bucket) }.accessKeyMetadata()*.accessKeyId()
        assert keyIds.size() == 1 : "expected one access key, found ${keyIds.size()}"
    }

    def secrets = ItAws.issuedSecrets(basedir)
    assert !secrets.isEmpty() : 'moto issued no secret, so the secret check would prove nothing'
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'
    return true
} finally {
    ItSupport.stop(basedir)
}

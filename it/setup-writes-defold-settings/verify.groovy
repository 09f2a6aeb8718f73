import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport

try {
    def log = new File(basedir, 'build.log').text
    def file = new File(basedir, 'liveupdate.settings')

    assert file.isFile() : 'setup did not create liveupdate.settings'
    def expected = '[liveupdate]\nmode = Amazon\namazon-credential-profile = liveupdate\n' +
            'amazon-bucket = defold-game-liveupdate\namazon-prefix = web\n'
    assert file.text == expected : "unexpected liveupdate.settings:\n${file.text}"
    def gameProject = '[project]\ntitle = Setup writes settings\n\n[bootstrap]\nmain_collection = /main/main.collectionc\n'
    assert new File(basedir, 'game.project').text == gameProject : 'game.project changed'

    def step = "Live update settings ${file.canonicalPath} (mode Amazon, bucket defold-game-liveupdate, prefix 'web', profile 'liveupdate')"
    assert log.contains(step + ': created') : 'the first setup does not report the file created'
    assert log.contains(step + ': unchanged') : 'the second setup does not report the file unchanged'
    def settingsAfterSetup = log.indexOf(step) > log.indexOf('Setup complete')
    assert settingsAfterSetup : 'liveupdate.settings was written before the AWS steps completed'

    def secrets = ItAws.issuedSecrets(basedir)
    assert !secrets.isEmpty() : 'moto issued no secret, so the secret check would prove nothing'
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'
    return true
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.core.KeyIds
import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.profiles.ProfileFile

// Groovy prints the values of a failed assert's expression, so no assert below names the log text, a full
// key id or a secret: each is checked through a boolean, and only masked ids appear in messages.
def user = 'liveupdate-game-bucket'
try {
    def log = new File(basedir, 'build.log').text
    def profiles = ProfileFile.builder().content(new File(basedir, 'aws/credentials').toPath())
            .type(ProfileFile.Type.CREDENTIALS).build()
    def profileKeyId = profiles.profile('liveupdate').get().property('aws_access_key_id').get()

    ItAws.iam(basedir).withCloseable { iam ->
        def keyIds = iam.listAccessKeys { it.userName(user) }.accessKeyMetadata()*.accessKeyId()
        assert keyIds.size() == 2 : "rotate-key changed the user's keys: now ${keyIds.size()}"
        def profileKeyKept = keyIds.contains(profileKeyId)
        assert profileKeyKept : 'the key in the profile was deleted'
        def other = KeyIds.mask(keyIds.find { it != profileKeyId })
        def otherNamed = log.contains("${other} (Active, created ")
        assert otherNamed : "build.log does not name the other key ${other} with its status and date"
        def fullIdLogged = keyIds.any { log.contains(it) }
        assert !fullIdLogged : 'build.log contains a full access key id'
    }

    def logged = { String text -> log.contains(text) }
    assert logged("aws iam delete-access-key --user-name ${user} --access-key-id ID") :
            'build.log does not show how to delete the other key'
    assert logged('-Dliveupdate.deleteOtherKey=true') : 'build.log does not name -Dliveupdate.deleteOtherKey=true'
    assert !logged(': created') : 'rotate-key reported a created key'

    def secrets = ItAws.issuedSecrets(basedir)
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'
    // The invoker prints a script's value, so the script returns true rather than its last expression.
    return true
} finally {
    ItSupport.stop(basedir)
}

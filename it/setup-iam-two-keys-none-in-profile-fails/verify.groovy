import groovy.json.JsonSlurper
import io.github.liveupdate.core.KeyIds
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.iam.IamClient

// Groovy prints the values of a failed assert's expression, so no assert below names the log text, a full
// key id or a secret: each is checked through a boolean or the logged closure.
def name = 'liveupdate-game-bucket'
try {
    def endpoint = ItSupport.endpoint(basedir)
    def log = new File(basedir, 'build.log').text
    def iam = IamClient.builder()
            .region(Region.AWS_GLOBAL)
            .endpointOverride(URI.create(endpoint))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
            .build()
    try {
        def keyIds = iam.listAccessKeys { it.userName(name) }.accessKeyMetadata()*.accessKeyId()
        assert keyIds.size() == 2 : "the goal changed the user's keys: now ${keyIds.size()}"
        def masked = keyIds.collect { KeyIds.mask(it) }
        def unnamed = masked.findAll { !log.contains(it) }
        assert unnamed.isEmpty() : "build.log does not name keys ${unnamed}"
        def fullIdLogged = keyIds.any { log.contains(it) }
        assert !fullIdLogged : 'build.log contains a full access key id'
    } finally {
        iam.close()
    }
    def logged = { String text -> log.contains(text) }
    assert logged("aws iam delete-access-key --user-name ${name} --access-key-id ID") :
            'build.log does not show how to delete a key'
    assert logged('mvn liveupdate:write-profile') : 'build.log does not show how to write a key to the profile'

    def state = new JsonSlurper().parse(new URL("${endpoint}/moto-api/data.json"))
    def secrets = state.iam.AccessKey*.secret_access_key.findAll { it }
    assert secrets.size() == 2 : "moto listed ${secrets.size()} access key secrets instead of 2"
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'
    // The invoker prints a script's value, so the script returns true rather than its last expression.
    return true
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.core.KeyIds
import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.profiles.ProfileFile
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.sts.StsClient

// Groovy prints the values in a failed assert's expression, so no assert below names the log text, a full key
// id or a secret: those are compared through booleans, and only masked ids appear in messages.
def user = 'liveupdate-my-game-liveupdate'
try {
    def log = new File(basedir, 'build.log').text

    // Setup logs its new key first, rotate-key its own second.
    def created = (log =~ /Access key (\S+) of IAM user ${user}: created/).collect { it[1] }
    assert created.size() == 2 : "expected one created key from setup and one from rotate-key, found ${created}"
    def (setupKey, rotatedKey) = created
    assert setupKey != rotatedKey : "rotate-key created key ${rotatedKey}, the same as setup's"
    def oldDeleted = log.contains("Old access key ${setupKey} of IAM user ${user}: deleted")
    assert oldDeleted : "build.log does not report that setup's key ${setupKey} was deleted"

    def secrets = ItAws.issuedSecrets(basedir)
    assert secrets.size() == 2 : "expected moto to have issued two secrets, found ${secrets.size()}"
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'

    def original = new File(basedir, 'credentials.original').bytes
    def written = new File(basedir, 'aws/credentials').bytes
    def kept = written.length > original.length && Arrays.equals(Arrays.copyOf(written, original.length), original)
    assert kept : 'the bytes of the other profile changed'

    def profiles = ProfileFile.builder().content(new File(basedir, 'aws/credentials').toPath())
            .type(ProfileFile.Type.CREDENTIALS).build()
    def ours = profiles.profile('liveupdate').get()
    def keyId = ours.property('aws_access_key_id').get()
    def secret = ours.property('aws_secret_access_key').get()
    def profileMasked = KeyIds.mask(keyId)
    assert profileMasked == rotatedKey : "the profile contains key ${profileMasked}, not rotate-key's new key ${rotatedKey}"

    ItAws.iam(basedir).withCloseable { iam ->
        def keys = iam.listAccessKeys { it.userName(user) }.accessKeyMetadata()
        assert keys.size() == 1 : "expected one access key, found ${keys.size()}"
        def active = keys[0].statusAsString() == 'Active'
        assert active : "the remaining key is ${keys[0].statusAsString()}"
        def sameKey = keys[0].accessKeyId() == keyId
        assert sameKey : "the user's only key ${KeyIds.mask(keys[0].accessKeyId())} is not the profile's key"
    }

    def sts = StsClient.builder()
            .region(Region.EU_WEST_1)
            .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
            .build()
    sts.withCloseable {
        def arn = it.getCallerIdentity().arn()
        assert arn.endsWith(":user/${user}") : "STS signed with the profile's key answered as ${arn}"
    }
    // The invoker prints a script's value, so the script returns true rather than its last expression.
    return true
} finally {
    ItSupport.stop(basedir)
}

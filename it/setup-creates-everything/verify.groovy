import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.core.sync.RequestBody
import software.amazon.awssdk.profiles.ProfileFile

// Groovy prints the values in a failed assert's expression, so asserts about secrets and the log use booleans.
def bucket = 'my-game-liveupdate'
def user = 'liveupdate-my-game-liveupdate'
try {
    def log = new File(basedir, 'build.log').text

    def secrets = ItAws.issuedSecrets(basedir)
    assert secrets.size() == 1 : "expected moto to have issued one secret, found ${secrets.size()}"
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'

    for (step in ["Bucket ${bucket}", 'IAM user', 'Setup complete']) {
        def found = log.contains(step)
        assert found : "build.log lacks the line for: ${step}"
    }

    // The credentials file: our profile appended, the other bytes as they were.
    def original = new File(basedir, 'credentials.original').bytes
    def written = new File(basedir, 'aws/credentials').bytes
    def kept = written.length > original.length && Arrays.equals(Arrays.copyOf(written, original.length), original)
    assert kept : 'the bytes of the other profiles changed'

    def profiles = ProfileFile.builder().content(new File(basedir, 'aws/credentials').toPath())
            .type(ProfileFile.Type.CREDENTIALS).build()
    def ours = profiles.profile('liveupdate').get()
    def keyId = ours.property('aws_access_key_id').get()
    def secret = ours.property('aws_secret_access_key').get()
    def config = new File(basedir, 'aws/config').text
    assert config.contains('[profile liveupdate]') : 'the config file lacks the profile section'
    assert config.contains('region = eu-west-1') : 'the config file lacks the region'

    ItAws.iam(basedir).withCloseable { iam ->
        def keys = iam.listAccessKeys { it.userName(user) }.accessKeyMetadata()*.accessKeyId()
        assert keys.size() == 1 : "expected one access key, found ${keys.size()}"
        def sameKey = keys[0] == keyId
        assert sameKey : 'the profile holds another key than the one IAM has for the user'
    }

    ItAws.s3(basedir).withCloseable { s3 ->
        def policy = s3.getBucketPolicy { it.bucket(bucket) }.policy()
        assert policy.contains('LiveUpdatePublicRead') : "bucket policy lacks our statement: ${policy}"
        def cors = s3.getBucketCors { it.bucket(bucket) }.corsRules()*.id()
        assert cors == ['LiveUpdateCors'] : "unexpected CORS rules ${cors}"
        def block = s3.getPublicAccessBlock { it.bucket(bucket) }.publicAccessBlockConfiguration()
        assert block.blockPublicAcls() : 'BlockPublicAcls was turned off'
        assert block.ignorePublicAcls() : 'IgnorePublicAcls was turned off'
    }

    // The new key uploads under the prefix, and anyone can read what it uploaded.
    ItAws.s3(basedir, keyId, secret).withCloseable { s3 ->
        s3.putObject({ it.bucket(bucket).key('game/v1/probe') }, RequestBody.fromString('probe'))
    }
    def status = ItAws.anonymousGetStatus("${ItSupport.endpoint(basedir)}/${bucket}/game/v1/probe")
    assert status == 200 : "an anonymous GET of an uploaded object answered ${status}"
    return true
} finally {
    ItSupport.stop(basedir)
}

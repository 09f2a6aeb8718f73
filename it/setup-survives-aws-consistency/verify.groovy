import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.core.sync.RequestBody
import software.amazon.awssdk.profiles.ProfileFile

// Groovy prints the values in a failed assert's expression, so asserts about secrets and the log use booleans.
def bucket = 'consistency-game-liveupdate'
try {
    def log = new File(basedir, 'build.log').text
    def proxy = ItSupport.proxy(basedir)
    def record = proxy.requests()

    def secrets = ItAws.issuedSecrets(basedir)
    assert secrets.size() == 1 : "expected moto to have issued one secret, found ${secrets.size()}"
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'
    def complete = log.contains('Setup complete')
    assert complete : 'build.log lacks the line that reports setup complete'
    def published = log.contains('Uploaded 11 objects')
    assert published : 'the upload right after setup did not publish the 10 resources and the manifest'

    def policyPuts = record.findAll { it.action() == 'PutBucketPolicy' }
    assert policyPuts[0].status() == 403 : "the first PutBucketPolicy was not refused: ${policyPuts}"
    assert policyPuts[-1].status() == 200 : "the last PutBucketPolicy did not succeed: ${policyPuts}"
    def keyChecks = record.findAll { it.action() == 'GetCallerIdentity' && it.signerKeyId() != 'testing' }
    assert keyChecks[0].fault() == 'new-key: InvalidClientTokenId' : "the new key was not rejected first: ${keyChecks}"
    assert keyChecks[-1].status() == 200 : "the new key never authenticated: ${keyChecks}"
    def notFound = record.count { it.fault()?.startsWith('new-entity') }
    assert notFound > 0 : 'no request met a user or policy that IAM did not find yet'
    def acls = record.count { it.action() in ['PutBucketAcl', 'PutObjectAcl'] }
    assert acls == 0 : "setup sent ${acls} ACL requests"

    ItAws.s3(basedir).withCloseable { s3 ->
        def policy = s3.getBucketPolicy { it.bucket(bucket) }.policy()
        assert policy.contains('LiveUpdatePublicRead') : "bucket policy lacks our statement: ${policy}"
        def block = s3.getPublicAccessBlock { it.bucket(bucket) }.publicAccessBlockConfiguration()
        assert block.blockPublicAcls() : 'BlockPublicAcls was turned off'
        assert block.ignorePublicAcls() : 'IgnorePublicAcls was turned off'
        assert !block.blockPublicPolicy() : 'BlockPublicPolicy is still on'
    }

    // The key works once AWS accepts it: it uploads under the prefix.
    def profile = ProfileFile.builder().content(new File(basedir, 'aws/credentials').toPath())
            .type(ProfileFile.Type.CREDENTIALS).build().profile('liveupdate').get()
    ItAws.s3(basedir, profile.property('aws_access_key_id').get(), profile.property('aws_secret_access_key').get())
            .withCloseable { s3 -> s3.putObject({ it.bucket(bucket).key('game/v1/probe') }, RequestBody.fromString('probe')) }

    println "RELIABILITY\tsetup-survives-aws-consistency\t${proxy.summary()}"
    return true
} finally {
    ItSupport.stop(basedir)
}

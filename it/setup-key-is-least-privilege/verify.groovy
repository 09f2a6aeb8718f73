import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.awscore.exception.AwsServiceException
import software.amazon.awssdk.core.sync.RequestBody
import software.amazon.awssdk.profiles.ProfileFile

def bucket = 'least-game-liveupdate'

/** Returns the error code of the request, its HTTP status when it has no code, or 'allowed'. */
def outcome(Closure request) {
    try {
        request()
        return 'allowed'
    } catch (AwsServiceException e) {
        return e.awsErrorDetails().errorCode() ?: "HTTP ${e.statusCode()}".toString()
    }
}

try {
    // Groovy prints the values in a failed assert's expression, so the secret check asserts a boolean.
    def log = new File(basedir, 'build.log').text
    def secrets = ItAws.issuedSecrets(basedir)
    assert secrets.size() == 1 : "expected moto to have issued one secret, found ${secrets.size()}"
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'

    def profile = ProfileFile.builder().content(new File(basedir, 'aws/credentials').toPath())
            .type(ProfileFile.Type.CREDENTIALS).build().profile('liveupdate').get()
    def keyId = profile.property('aws_access_key_id').get()
    def secret = profile.property('aws_secret_access_key').get()

    ItAws.enforceIam(basedir)

    ItAws.s3(basedir, keyId, secret).withCloseable { s3 ->
        def body = { RequestBody.fromString('x') }
        assert outcome { s3.putObject({ it.bucket(bucket).key('game/v1/abc') }, body()) } == 'allowed' :
                'the key cannot upload under the prefix'
        assert outcome { s3.listBuckets() } == 'allowed' : 'the key cannot list buckets, which the editor needs'
        assert outcome { s3.getBucketAcl { it.bucket(bucket) } } == 'allowed' :
                'the key cannot read the bucket ACL, which bob needs'
        // NOTE: ListObjectsV2 under the prefix is not checked here. With IAM enforced, moto 5.2.1 rejects a
        // listing whose prefix contains '/' with SignatureDoesNotMatch, and it does not evaluate the s3:prefix
        // condition at all. The statement itself is checked by setup-iam-creates-user-policy-and-key.

        def outside = outcome { s3.putObject({ it.bucket(bucket).key('elsewhere/abc') }, body()) }
        assert outside == 'AccessDenied' : "an upload outside the prefix was ${outside}, not AccessDenied"
        def other = outcome { s3.putObject({ it.bucket('other-team-bucket').key('game/v1/abc') }, body()) }
        assert other == 'AccessDenied' : "an upload to another bucket was ${other}, not AccessDenied"
        def delete = outcome { s3.deleteObject { it.bucket(bucket).key('game/v1/abc') } }
        assert delete == 'AccessDenied' : "a delete was ${delete}, not AccessDenied"
    }
    ItAws.iam(basedir, keyId, secret).withCloseable { iam ->
        // moto answers a denied IAM call with 403 and a body the SDK reads no error code from.
        def users = outcome { iam.listUsers() }
        assert users in ['AccessDenied', 'HTTP 403'] : "an IAM call was ${users}, not denied"
    }
    return true
} finally {
    ItSupport.stop(basedir)
}

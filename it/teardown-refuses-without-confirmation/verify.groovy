import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.profiles.ProfileFile

def bucket = 'refuse-game-liveupdate'
def user = 'liveupdate-refuse-game-liveupdate'
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split('Scanning for projects')
    assert runs.size() == 3 : "expected two builds in build.log, found ${runs.size() - 1}"
    def teardown = runs[2]

    assert teardown.contains("Teardown plan for bucket ${bucket} in eu-west-1:") : 'teardown printed no plan'
    assert teardown.contains("delete: IAM user ${user} in IAM") : 'the plan does not list the IAM user'
    assert teardown.contains("delete: bucket ${bucket} with its policy and CORS configuration") : 'the plan does not list the bucket'
    assert teardown.contains("-Dliveupdate.teardown.confirm=${bucket}") : 'the failure does not say what to pass'
    assert teardown.contains('BUILD FAILURE') : 'teardown without confirmation did not fail the build'
    assert !teardown.contains(': deleted') : 'teardown reports a deletion'
    // Groovy prints the values in a failed assert's expression, so the assert about secrets uses a boolean.
    def leaked = ItAws.issuedSecrets(basedir).any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'

    def profiles = ProfileFile.builder().content(new File(basedir, 'aws/credentials').toPath())
            .type(ProfileFile.Type.CREDENTIALS).build()
    def keyId = profiles.profile('liveupdate').flatMap { it.property('aws_access_key_id') }
    assert keyId.isPresent() : 'the profile lost its key'

    ItAws.iam(basedir).withCloseable { iam ->
        def keys = iam.listAccessKeys { it.userName(user) }.accessKeyMetadata()*.accessKeyId()
        assert keys.size() == 1 : "expected the user's access key, found ${keys.size()}"
        def sameKey = keys[0] == keyId.get()
        assert sameKey : 'the profile holds another key than the user has'
        def policies = iam.listPolicies { it.scope('Local') }.policies()*.policyName()
        assert policies == [user] : "expected the policy ${user}, found ${policies}"
    }
    ItAws.s3(basedir).withCloseable { s3 ->
        def policy = s3.getBucketPolicy { it.bucket(bucket) }.policy()
        assert policy.contains('LiveUpdatePublicRead') : "the bucket policy lost our statement: ${policy}"
        def rules = s3.getBucketCors { it.bucket(bucket) }.corsRules()*.id()
        assert rules == ['LiveUpdateCors'] : "expected our CORS rule, found ${rules}"
    }
    return true
} finally {
    ItSupport.stop(basedir)
}

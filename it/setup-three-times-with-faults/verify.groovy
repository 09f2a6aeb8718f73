import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.profiles.ProfileFile

def bucket = 'faulty-game-liveupdate'
def user = 'liveupdate-faulty-game-liveupdate'
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split('Scanning for projects')
    assert runs.size() == 4 : "expected three builds in build.log, found ${runs.size() - 1}"
    for (run in runs[1..3]) {
        assert run.contains('BUILD SUCCESS') : 'a setup run failed'
    }
    for (run in [runs[2], runs[3]]) {
        def changed = run.readLines().findAll { it.startsWith('[INFO] ') && it =~ /: (created|updated)\b/ }
        assert changed.isEmpty() : "a later run changed something: ${changed}"
    }

    def keyId = ProfileFile.builder().content(new File(basedir, 'aws/credentials').toPath())
            .type(ProfileFile.Type.CREDENTIALS).build().profile('liveupdate').get()
            .property('aws_access_key_id').get()
    ItAws.iam(basedir).withCloseable { iam ->
        def users = iam.listUsers().users()*.userName()
        assert users == [user] : "expected one user, found ${users}"
        def keys = iam.listAccessKeys { it.userName(user) }.accessKeyMetadata()*.accessKeyId()
        assert keys.size() == 1 : "expected one access key, found ${keys.size()}"
        def sameKey = keys[0] == keyId
        assert sameKey : 'the profile holds another key than the one IAM has for the user'
        def policies = iam.listPolicies { it.scope('Local') }.policies()
        assert policies.size() == 1 : "expected one policy, found ${policies*.policyName()}"
        def versions = iam.listPolicyVersions { it.policyArn(policies[0].arn()) }.versions()
        assert versions.size() <= 5 : "expected at most five policy versions, found ${versions.size()}"
    }
    ItAws.s3(basedir).withCloseable { s3 ->
        def statements = (s3.getBucketPolicy { it.bucket(bucket) }.policy() =~ /LiveUpdatePublicRead/).count
        assert statements == 1 : "expected one public-read statement, found ${statements}"
        def rules = s3.getBucketCors { it.bucket(bucket) }.corsRules()*.id()
        assert rules == ['LiveUpdateCors'] : "expected one CORS rule, found ${rules}"
    }

    def secrets = ItAws.issuedSecrets(basedir)
    assert !secrets.isEmpty() : 'moto issued no secret, so the secret check would prove nothing'
    def leaked = secrets.any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'

    def summary = ItSupport.proxy(basedir).summary()
    assert summary.injected() > 0 : "the proxy injected no fault: ${summary}"
    assert summary.notRetried().isEmpty() : "failed requests not sent again: ${summary.notRetried()}"
    println "RELIABILITY\tsetup-three-times-with-faults\t${summary}"
    return true
} finally {
    ItSupport.stop(basedir)
}

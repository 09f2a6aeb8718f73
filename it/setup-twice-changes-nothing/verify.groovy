import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport

def bucket = 'twice-game-liveupdate'
def user = 'liveupdate-twice-game-liveupdate'
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split('Scanning for projects')
    assert runs.size() == 4 : "expected three builds in build.log, found ${runs.size() - 1}"

    def credentials = new File(basedir, 'aws/credentials')
    def firstRun = runs[1]
    assert firstRun.contains("Bucket ${bucket} (eu-west-1): created") : 'the first run did not create the bucket'

    for (run in [runs[2], runs[3]]) {
        def steps = run.readLines().findAll { it.startsWith('[INFO] ') && it =~ /: (created|updated|unchanged)/ }
        assert steps.size() >= 8 : "expected a line per step in a later run, found ${steps}"
        def changed = steps.findAll { !it.contains(': unchanged') }
        assert changed.isEmpty() : "a later run changed something: ${changed}"
    }

    ItAws.iam(basedir).withCloseable { iam ->
        def keys = iam.listAccessKeys { it.userName(user) }.accessKeyMetadata()
        assert keys.size() == 1 : "expected one access key after three runs, found ${keys.size()}"
        def users = iam.listUsers().users()*.userName()
        assert users == [user] : "expected one user, found ${users}"
        def policies = iam.listPolicies { it.scope('Local') }.policies()
        assert policies.size() == 1 : "expected one policy, found ${policies*.policyName()}"
        def versions = iam.listPolicyVersions { it.policyArn(policies[0].arn()) }.versions()
        assert versions.size() == 1 : "expected one policy version, found ${versions.size()}"
    }
    ItAws.s3(basedir).withCloseable { s3 ->
        def statements = (s3.getBucketPolicy { it.bucket(bucket) }.policy() =~ /LiveUpdatePublicRead/).count
        assert statements == 1 : "expected one public-read statement, found ${statements}"
        def rules = s3.getBucketCors { it.bucket(bucket) }.corsRules()*.id()
        assert rules == ['LiveUpdateCors'] : "expected one CORS rule, found ${rules}"
    }
    def sections = credentials.readLines().count { it.trim() == '[liveupdate]' }
    assert sections == 1 : "expected one [liveupdate] section, found ${sections}"

    def leaked = ItAws.issuedSecrets(basedir).any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'
    return true
} finally {
    ItSupport.stop(basedir)
}

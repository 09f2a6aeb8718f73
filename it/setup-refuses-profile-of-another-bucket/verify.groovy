import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport

try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split('Scanning for projects')
    assert runs.size() == 4 : "expected three builds in build.log, found ${runs.size() - 1}"

    def refused = runs[2]
    assert refused.contains('of IAM user liveupdate-first-game-liveupdate, not of IAM user liveupdate-second-game-liveupdate') : 'the second setup does not name both users'
    assert refused.contains('-Dliveupdate.profile=NAME') : 'the second setup does not say how to pick another profile'
    assert refused.contains('BUILD FAILURE') : 'the second setup did not fail'
    assert !refused.contains('Bucket second-game-liveupdate (eu-west-1): created') : 'the refused setup created its bucket'

    def credentials = new File(basedir, 'aws/credentials').text
    ItAws.iam(basedir).withCloseable { iam ->
        def firstKeys = iam.listAccessKeys { it.userName('liveupdate-first-game-liveupdate') }.accessKeyMetadata()
        assert firstKeys.size() == 1 : "expected one key of the first user, found ${firstKeys.size()}"
        def firstKeyKept = credentials.contains(firstKeys[0].accessKeyId())
        assert firstKeyKept : 'the profile lost the first bucket key'
        def secondKeys = iam.listAccessKeys { it.userName('liveupdate-second-game-liveupdate') }.accessKeyMetadata()
        assert secondKeys.size() == 1 : "expected one key of the second user after the run with its own profile, found ${secondKeys.size()}"
        def secondKeyWritten = credentials.contains(secondKeys[0].accessKeyId())
        assert secondKeyWritten : 'the second profile does not contain the second user key'
    }
    assert credentials.contains('[second-game]') : 'the third setup did not write its own profile'

    def leaked = ItAws.issuedSecrets(basedir).any { log.contains(it) }
    assert !leaked : 'build.log contains a secret access key'
    return true
} finally {
    ItSupport.stop(basedir)
}

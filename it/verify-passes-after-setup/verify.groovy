import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

// Groovy prints the values in a failed assert's expression, so asserts about secrets use booleans.
try {
    def log = new File(basedir, 'build.log').text
    def lines = log.readLines()

    def heading = log.contains("Checks of s3://verify-game/game/v1/ with profile 'liveupdate':")
    assert heading : 'build.log lacks the heading of the verify table'
    def checks = ['Profile resolves', 'Key authenticates', 'ListAllMyBuckets allowed', 'GetBucketAcl allowed',
                  'PutObject under prefix allowed', 'Anonymous GET works', 'CORS preflight allows GET',
                  'Manifest resources exist']
    checks.eachWithIndex { name, index ->
        def row = lines.find { it.startsWith("[INFO] ${index + 1}  ${name}") }
        assert row != null : "build.log lacks the table row of check ${index + 1}, ${name}"
        assert row.contains(' PASS ') : "check ${index + 1}, ${name}, did not pass: ${row}"
    }
    assert log.contains('8 passed, 0 failed, 0 skipped.') : 'build.log lacks the count of 8 passed checks'
    assert log.contains('all 12 Live update resources') : 'the manifest check did not compare 12 resources'
    assert log.contains('removed it with the admin credentials') : 'verify did not report the probe removed'
    assert log.contains('BUILD SUCCESS') : 'the build did not succeed'

    def keys = UploadItSupport.keys(basedir, 'verify-game')
    def probeLeft = keys.contains('game/v1/liveupdate-verify-probe')
    assert !probeLeft : 'the probe object is still in the bucket'

    def leaked = ItAws.issuedSecrets(basedir).any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'
    return true
} finally {
    ItSupport.stop(basedir)
}

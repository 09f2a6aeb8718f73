import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport

// Groovy prints the values in a failed assert's expression, so asserts about secrets use booleans.
try {
    def log = new File(basedir, 'build.log').text
    def lines = log.readLines()

    def cors = lines.find { it.startsWith('[INFO] 7  CORS preflight allows GET') }
    assert cors != null : 'build.log lacks the table row of the CORS check'
    assert cors.contains(' FAIL ') : "the CORS check did not fail: ${cors}"
    def fix = lines.find { it.startsWith('[INFO] Fix for 7 (CORS preflight allows GET): Run mvn liveupdate:setup') }
    assert fix != null : 'build.log lacks the fix of the CORS check'
    assert log.contains('7 passed, 1 failed, 0 skipped.') : 'the other seven checks did not all pass'
    def failure = log.contains('Check 7 (CORS preflight allows GET) failed')
    assert failure : 'the build failure does not name the CORS check'
    assert log.contains('BUILD FAILURE') : 'the build did not fail'

    def leaked = ItAws.issuedSecrets(basedir).any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'
    return true
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

try {
    def log = new File(basedir, 'build.log').text
    def uploaded = log.contains('Uploaded 16 objects')
    assert uploaded : 'upload did not publish the 15 resources and the manifest with the setup profile'
    def leaked = ItAws.issuedSecrets(basedir).any { log.contains(it) }
    assert !leaked : 'build.log contains the secret access key'
    // With IAM enforced, moto 5.2.1 rejects a listing whose prefix contains '/' (SignatureDoesNotMatch), so
    // upload takes its path for a denied listing: it warns once and uploads everything.
    def warnings = log.readLines().count { it.startsWith('[WARNING]') && it.contains('list') }
    assert warnings == 1 : "expected one warning about the denied listing, found ${warnings}"
    // The root account's key no longer works once IAM is enforced, so the log is the evidence here.
    return true
} finally {
    ItSupport.stop(basedir)
}

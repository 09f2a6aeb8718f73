import io.github.liveupdate.testing.ItSupport

try {
    // The plain secret: the password of server aws-liveupdate in server-settings.xml, decrypted.
    def secret = 'fake-secret-from-settings-server/0001'
    def written = new File(basedir, 'aws/credentials').getText('UTF-8')
    def log = new File(basedir, 'build.log').getText('UTF-8')

    assert written.contains('aws_access_key_id = AKIAFAKESERVER000001\n') : 'the key id from the server is missing'
    assert written.contains('aws_secret_access_key = ' + secret + '\n') : 'the decrypted secret is missing'
    assert !log.contains(secret) : 'the secret access key appears in build.log'
    assert log.contains('(key AKIA************0001): created') : 'the credentials step does not report created'
} finally {
    ItSupport.stop(basedir)
}

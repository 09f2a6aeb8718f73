import io.github.liveupdate.testing.ItSupport

/** Returns the text without the [liveupdate] section, from its header to the next header. */
String withoutOurSection(String text) {
    def kept = new StringBuilder()
    boolean inside = false
    for (String line : text.split(/(?<=\n)/)) {
        if (line.startsWith('[')) {
            inside = line.trim() == '[liveupdate]'
        }
        if (!inside) {
            kept.append(line)
        }
    }
    return kept.toString()
}

try {
    def secret = 'fake-it-secret-not-a-key/0001'
    def original = new File(basedir, 'original-credentials').getText('UTF-8')
    def written = new File(basedir, 'aws/credentials').getText('UTF-8')
    def log = new File(basedir, 'build.log').getText('UTF-8')

    assert withoutOurSection(written) == withoutOurSection(original) : 'bytes outside [liveupdate] changed'
    assert written.contains('[liveupdate]\r\n# the upload key for Defold\r\naws_access_key_id = AKIAFAKEITKEY0000001\r\n') : 'the key id was not replaced in place'
    assert written.contains('\r\naws_secret_access_key = ' + secret + '\r\n') : 'the new secret is missing'
    assert !written.contains('aws_session_token') : 'the old session token is still there'
    assert !log.contains(secret) : 'the secret access key appears in build.log'
    assert log.contains("Profile 'liveupdate' in ") : 'no step line for the credentials file'
    assert log.contains('(key AKIA************0001): updated') : 'the credentials step does not report updated'
    assert log.contains("Region eu-west-1 for profile 'liveupdate' in ") : 'no step line for the config file'
    assert log.contains('Removed aws_session_token') : 'the removed session token is not reported'
    assert new File(basedir, 'aws/config').getText('UTF-8') == '[profile liveupdate]\nregion = eu-west-1\n' : 'unexpected config file'
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport

try {
    def log = new File(basedir, 'build.log').getText('UTF-8')

    assert log.contains('No access key to write') : 'the failure does not say that the key is missing'
    assert log.contains('run setup-iam before it in the same build') : 'the message does not name setup-iam'
    assert log.contains('-Dliveupdate.accessKeyId=ID and -Dliveupdate.secretAccessKey=SECRET') : 'the message does not name the key properties'
    assert log.contains('-Dliveupdate.serverId=SERVER_ID') : 'the message does not name the settings.xml server'
    // The invoker runs Maven with -e, which adds stack traces, so look for the plain failure line instead.
    assert log.contains('[ERROR] Failed to execute goal io.github.liveupdate:liveupdate-maven-plugin:') : 'no plain failure line'
    assert log.contains('Caused by: org.apache.maven.plugin.MojoFailureException') : 'the failure is not a MojoFailureException'
    assert !new File(basedir, 'aws/credentials').exists() : 'a credentials file was written'
} finally {
    ItSupport.stop(basedir)
}

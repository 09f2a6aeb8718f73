import io.github.liveupdate.testing.ItSupport

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('liveupdate:help') : 'help goal missing from the goal list'
    assert log.contains('liveupdate.bucket') : 'the bucket parameter does not name its user property'
} finally {
    ItSupport.stop(basedir)
}

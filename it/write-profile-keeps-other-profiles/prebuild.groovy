import java.nio.file.Files

io.github.liveupdate.testing.ItSupport.start(basedir, context)
// A credentials file with other profiles, comments, CRLF and LF lines and no final line ending.
def credentials = new File(basedir, 'aws/credentials')
credentials.parentFile.mkdirs()
Files.copy(new File(basedir, 'original-credentials').toPath(), credentials.toPath())
true

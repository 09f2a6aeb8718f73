import java.nio.file.Files

io.github.liveupdate.testing.ItSupport.start(basedir, context)
new File(basedir, 'aws').mkdirs()
Files.copy(new File(basedir, 'credentials.original').toPath(), new File(basedir, 'aws/credentials').toPath())
return true

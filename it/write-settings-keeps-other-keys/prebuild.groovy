import java.nio.file.Files

// The file that game.project names, with CRLF lines, comments, other keys and no final line ending.
Files.createDirectories(new File(basedir, 'config').toPath())
Files.copy(new File(basedir, 'original.settings').toPath(), new File(basedir, 'config/lu.settings').toPath())
true

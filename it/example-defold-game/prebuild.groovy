import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.LiveUpdateFixtures
import java.nio.file.Files
import java.nio.file.StandardCopyOption

// The invoker clones this test to target/it/example-defold-game, three levels below the project folder.
def example = new File(basedir, '../../../examples/defold-game').canonicalFile
assert new File(example, 'pom.xml').isFile() : "the example project is not at ${example}"
def game = new File(basedir, 'game')
example.eachFileRecurse { source ->
    def relative = example.toPath().relativize(source.toPath())
    if (relative.getName(0).toString() in ['build', 'target']) {
        return
    }
    def target = game.toPath().resolve(relative)
    if (source.isDirectory()) {
        Files.createDirectories(target)
    } else {
        Files.createDirectories(target.parent)
        Files.copy(source.toPath(), target, StandardCopyOption.REPLACE_EXISTING)
    }
}

ItSupport.start(basedir, context)
// What bob --archive --liveupdate yes writes in the example's Zip mode.
LiveUpdateFixtures.seeded(31).resources(15).writeZip(new File(game, 'build/liveupdate/game.zip').toPath())
true

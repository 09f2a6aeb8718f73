import io.github.liveupdate.testing.LiveUpdateFixtures
import io.github.liveupdate.testing.UploadItSupport

def recording = new File(basedir, 'moto-recording.jsonl').absolutePath
UploadItSupport.prepare(basedir, context, [MOTO_ENABLE_RECORDING: 'true', MOTO_RECORDER_FILEPATH: recording])
LiveUpdateFixtures.seeded(6).resources(40).writeZip(new File(basedir, 'content/game.zip').toPath())
true

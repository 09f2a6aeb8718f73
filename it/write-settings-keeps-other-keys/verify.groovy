def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'config/lu.settings')
def expected = new File(basedir, 'expected.settings').bytes

assert Arrays.equals(file.bytes, expected) : "config/lu.settings differs from expected.settings:\n${file.text}"
assert !new File(basedir, 'liveupdate.settings').exists() : 'write-settings wrote /liveupdate.settings instead of the file that game.project names'
def step = "Live update settings ${file.canonicalPath} (mode Amazon, bucket new-game-bucket, prefix 'game/v3', profile 'game-uploader')"
assert log.contains(step + ': updated') : 'the first run does not report updated'
assert log.contains(step + ': unchanged') : 'the second run does not report unchanged'
assert log.contains('from Zip to Amazon') : 'the change of mode is not reported'
return true

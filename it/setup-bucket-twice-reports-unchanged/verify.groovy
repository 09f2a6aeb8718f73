import io.github.liveupdate.testing.ItSupport

try {
    // Both runs write to the same build.log: the second run starts at the second "Scanning for projects".
    def log = new File(basedir, 'build.log').text
    def runs = log.split('Scanning for projects')
    assert runs.length == 3 : "expected two runs in build.log, found ${runs.length - 1}"
    def first = runs[1]
    def second = runs[2]

    assert first.contains('Bucket my-game-lu (eu-west-1): created') : 'first run did not create the bucket'

    def steps = [
        'Bucket my-game-lu (eu-west-1)',
        'Object ownership (bucket owner enforced)',
        'Block Public Access (public policies allowed, ACLs blocked)',
        'Bucket policy statement LiveUpdatePublicRead',
        'CORS rule LiveUpdateCors',
    ]
    steps.each { step ->
        assert second.contains("${step}: unchanged") : "second run does not report '${step}: unchanged'"
    }
    ['created', 'updated', 'would change'].each { outcome ->
        assert !(second =~ /: ${outcome}\b/) : "second run reports a step as ${outcome}"
    }
    assert second.contains('BUILD SUCCESS') : 'second run failed'
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport

ItSupport.start(basedir, context)

// The user that rotate-key derives from the bucket, with two keys: the first in the profile, the second
// unknown to it.
def user = 'liveupdate-game-bucket'
ItAws.iam(basedir).withCloseable { iam ->
    iam.createUser { it.userName(user) }
    def inProfile = iam.createAccessKey { it.userName(user) }.accessKey()
    iam.createAccessKey { it.userName(user) }
    new File(basedir, 'aws').mkdirs()
    new File(basedir, 'aws/credentials').text = "[liveupdate]\naws_access_key_id = ${inProfile.accessKeyId()}\n" +
            "aws_secret_access_key = ${inProfile.secretAccessKey()}\n"
    new File(basedir, 'aws/config').text = '[profile liveupdate]\nregion = eu-west-1\n'
}
// A pre-build script that returns a value other than true makes the invoker skip the build.
return true

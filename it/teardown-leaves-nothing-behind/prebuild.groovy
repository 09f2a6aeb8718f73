import io.github.liveupdate.testing.ItAws
import io.github.liveupdate.testing.ItSupport
import java.nio.file.Files
import software.amazon.awssdk.services.s3.model.CORSRule

ItSupport.start(basedir, context)
new File(basedir, 'aws').mkdirs()
Files.copy(new File(basedir, 'credentials.original').toPath(), new File(basedir, 'aws/credentials').toPath())

// The bucket exists with a policy statement and a CORS rule of its own, which setup and teardown keep.
ItAws.s3(basedir).withCloseable { s3 ->
    s3.createBucket { it.bucket('clean-game-liveupdate').createBucketConfiguration { c -> c.locationConstraint('eu-west-1') } }
    s3.putBucketPolicy {
        it.bucket('clean-game-liveupdate').policy('{"Version":"2012-10-17","Statement":[{"Sid":"CdnRead",'
                + '"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject",'
                + '"Resource":"arn:aws:s3:::clean-game-liveupdate/*"}]}')
    }
    def uploads = CORSRule.builder().id('Uploads').allowedMethods('PUT').allowedOrigins('https://admin.example.com').build()
    s3.putBucketCors { it.bucket('clean-game-liveupdate').corsConfiguration { c -> c.corsRules(uploads) } }
}
// A pre-build script that returns a value other than true makes the invoker skip the build.
return true

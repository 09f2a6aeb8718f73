import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.iam.IamClient

ItSupport.start(basedir, context)

// The user that setup-iam would use, with the two access keys IAM allows and neither in any profile.
def iam = IamClient.builder()
        .region(Region.AWS_GLOBAL)
        .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
        .build()
try {
    iam.createUser { it.userName('liveupdate-game-bucket') }
    2.times { iam.createAccessKey { it.userName('liveupdate-game-bucket') } }
} finally {
    iam.close()
}
// A pre-build script that returns a value other than true makes the invoker skip the build.
return true

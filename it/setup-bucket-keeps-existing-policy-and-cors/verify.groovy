import com.fasterxml.jackson.databind.ObjectMapper
import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest

try {
    def s3 = S3Client.builder()
            .region(Region.EU_WEST_1)
            .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
            .build()

    def log = new File(basedir, 'build.log').text
    assert log.contains('Bucket my-game-lu (eu-west-1): unchanged') : 'build log does not report the existing bucket as unchanged'

    def policy = new ObjectMapper().readTree(
            s3.getBucketPolicy(GetBucketPolicyRequest.builder().bucket('my-game-lu').build()).policy())
    def sids = policy.get('Statement').collect { it.path('Sid').asText() }
    assert sids.contains('CdnRead') : "the existing statement CdnRead is gone: ${policy}"
    assert sids.contains('LiveUpdatePublicRead') : "the LiveUpdatePublicRead statement is missing: ${policy}"
    def existing = policy.get('Statement').find { it.path('Sid').asText() == 'CdnRead' }
    assert existing.path('Principal').path('AWS').asText() == 'arn:aws:iam::123456789012:root' : "CdnRead changed: ${existing}"

    def rules = s3.getBucketCors(GetBucketCorsRequest.builder().bucket('my-game-lu').build()).corsRules()
    def ids = rules.collect { it.id() }
    assert ids.contains('Uploads') : "the existing CORS rule Uploads is gone: ${rules}"
    assert ids.contains('LiveUpdateCors') : "the LiveUpdateCors rule is missing: ${rules}"
    def uploads = rules.find { it.id() == 'Uploads' }
    assert uploads.allowedMethods() == ['PUT'] : "Uploads changed: ${uploads}"
    assert uploads.allowedOrigins() == ['https://admin.example.com'] : "Uploads changed: ${uploads}"
} finally {
    ItSupport.stop(basedir)
}

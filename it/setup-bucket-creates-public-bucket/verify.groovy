import com.fasterxml.jackson.databind.ObjectMapper
import io.github.liveupdate.testing.ItSupport
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.core.sync.RequestBody
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest
import software.amazon.awssdk.services.s3.model.HeadBucketRequest
import software.amazon.awssdk.services.s3.model.PutObjectRequest

try {
    def endpoint = ItSupport.endpoint(basedir)
    def s3 = S3Client.builder()
            .region(Region.EU_WEST_1)
            .endpointOverride(URI.create(endpoint))
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
            .build()
    def bucket = 'my-game-lu'

    def log = new File(basedir, 'build.log').text
    assert log.contains('Bucket my-game-lu (eu-west-1): created') : 'build log does not report the bucket as created'
    assert log.contains('Bucket policy statement LiveUpdatePublicRead: created') : 'build log does not report the policy statement'
    assert log.contains('CORS rule LiveUpdateCors: created') : 'build log does not report the CORS rule'

    def region = s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build()).bucketRegion()
    assert region == 'eu-west-1' : "bucket is in ${region}, expected eu-west-1"

    def policy = new ObjectMapper().readTree(
            s3.getBucketPolicy(GetBucketPolicyRequest.builder().bucket(bucket).build()).policy())
    def statement = policy.get('Statement').find { it.path('Sid').asText() == 'LiveUpdatePublicRead' }
    assert statement != null : "bucket policy has no LiveUpdatePublicRead statement: ${policy}"
    assert statement.path('Principal').asText() == '*' : "statement is not for everyone: ${statement}"
    assert statement.path('Action').asText() == 's3:GetObject' : "statement does not allow s3:GetObject: ${statement}"
    assert statement.path('Resource').asText() == 'arn:aws:s3:::my-game-lu/game/v1/*' : "statement covers the wrong objects: ${statement}"

    def rules = s3.getBucketCors(GetBucketCorsRequest.builder().bucket(bucket).build()).corsRules()
    def rule = rules.find { it.id() == 'LiveUpdateCors' }
    assert rule != null : "bucket has no LiveUpdateCors rule: ${rules}"
    assert rule.allowedMethods().toSet() == ['GET', 'HEAD'].toSet() : "CORS rule allows ${rule.allowedMethods()}"
    assert rule.allowedOrigins() == ['*'] : "CORS rule allows origins ${rule.allowedOrigins()}"
    assert rule.maxAgeSeconds() == 3000 : "CORS rule max age is ${rule.maxAgeSeconds()}"

    def block = s3.getPublicAccessBlock(GetPublicAccessBlockRequest.builder().bucket(bucket).build())
            .publicAccessBlockConfiguration()
    assert block.blockPublicAcls() : 'BlockPublicAcls is off'
    assert block.ignorePublicAcls() : 'IgnorePublicAcls is off'
    assert !block.blockPublicPolicy() : 'BlockPublicPolicy is still on'
    assert !block.restrictPublicBuckets() : 'RestrictPublicBuckets is still on'

    // Unsigned GETs, as a game client sends them. moto_server checks them against the bucket policy, so
    // the object under the prefix is readable and one outside it is not.
    s3.putObject(PutObjectRequest.builder().bucket(bucket).key('game/v1/liveupdate.game.dmanifest').build(),
            RequestBody.fromString('manifest'))
    s3.putObject(PutObjectRequest.builder().bucket(bucket).key('private/notes.txt').build(),
            RequestBody.fromString('notes'))
    def http = HttpClient.newHttpClient()
    def inside = http.send(
            HttpRequest.newBuilder(URI.create("${endpoint}/my-game-lu/game/v1/liveupdate.game.dmanifest")).GET().build(),
            HttpResponse.BodyHandlers.ofString())
    assert inside.statusCode() == 200 : "anonymous GET under the prefix returned HTTP ${inside.statusCode()}: ${inside.body()}"
    assert inside.body() == 'manifest' : "anonymous GET under the prefix returned ${inside.body()}"
    def outside = http.send(
            HttpRequest.newBuilder(URI.create("${endpoint}/my-game-lu/private/notes.txt")).GET().build(),
            HttpResponse.BodyHandlers.ofString())
    assert outside.statusCode() == 403 : "anonymous GET outside the prefix returned HTTP ${outside.statusCode()}, expected 403"
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client
import software.amazon.awssdk.services.s3.model.CORSConfiguration
import software.amazon.awssdk.services.s3.model.CORSRule
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration
import software.amazon.awssdk.services.s3.model.CreateBucketRequest
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest

ItSupport.start(basedir, context)

// A bucket that someone configured before: one policy statement and one CORS rule of their own.
def s3 = S3Client.builder()
        .region(Region.EU_WEST_1)
        .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
        .build()
s3.createBucket(CreateBucketRequest.builder()
        .bucket('my-game-lu')
        .createBucketConfiguration(CreateBucketConfiguration.builder().locationConstraint('eu-west-1').build())
        .build())
s3.putBucketPolicy(PutBucketPolicyRequest.builder()
        .bucket('my-game-lu')
        .policy('{"Version":"2012-10-17","Statement":[{"Sid":"CdnRead","Effect":"Allow",'
                + '"Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject",'
                + '"Resource":"arn:aws:s3:::my-game-lu/*"}]}')
        .build())
s3.putBucketCors(PutBucketCorsRequest.builder()
        .bucket('my-game-lu')
        .corsConfiguration(CORSConfiguration.builder()
                .corsRules(CORSRule.builder().id('Uploads').allowedMethods('PUT').allowedOrigins('https://admin.example.com').build())
                .build())
        .build())
s3.close()
true

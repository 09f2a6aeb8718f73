import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client
import software.amazon.awssdk.services.s3.model.ListBucketsRequest

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Parameter publicRead (-Dliveupdate.publicRead) is 'yes'") : 'build log does not name the parameter and its value'
    assert log.contains('takes true or false') : 'build log does not name the allowed values'

    def s3 = S3Client.builder()
            .region(Region.EU_WEST_1)
            .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
            .build()
    def buckets = s3.listBuckets(ListBucketsRequest.builder().build()).buckets()
    assert buckets.isEmpty() : "the build created buckets: ${buckets}"
} finally {
    ItSupport.stop(basedir)
}

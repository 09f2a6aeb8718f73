import io.github.liveupdate.testing.ItSupport
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client
import software.amazon.awssdk.services.s3.model.ListBucketsRequest

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Bucket name 'My_Bucket' is invalid") : 'build log does not name the invalid bucket'
    assert log.contains('lowercase letters, digits, dots (.) and hyphens (-)') : 'build log does not name the broken rule'
    assert log.contains('-Dliveupdate.bucket') : 'build log does not say how to set another name'

    // Read moto's request log before this script sends requests of its own: the build sent none, so the
    // only request is the readiness probe of ItSupport.start.
    def requests = new File(basedir, 'moto.log').readLines().findAll { it.contains('" ') && it.contains('HTTP/1.1') }
    def buildRequests = requests.findAll { !it.contains('/moto-api/') }
    assert buildRequests.isEmpty() : "moto received requests from the build: ${buildRequests}"

    def s3 = S3Client.builder()
            .region(Region.EU_WEST_1)
            .endpointOverride(URI.create(ItSupport.endpoint(basedir)))
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('testing', 'testing')))
            .build()
    def buckets = s3.listBuckets(ListBucketsRequest.builder().build()).buckets()
    assert buckets.isEmpty() : "moto has buckets: ${buckets}"
} finally {
    ItSupport.stop(basedir)
}

import io.github.liveupdate.testing.ItSupport
import io.github.liveupdate.testing.UploadItSupport

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS') : 'setup-bucket failed'
    assert !log.contains('fake-proxy-password-0001') : 'the build log contains the proxy password'
    def basicCredentials = 'builder:fake-proxy-password-0001'.bytes.encodeBase64().toString()
    assert !log.contains(basicCredentials) : 'the build log contains the Proxy-Authorization value'
    assert log.contains('username=builder, password=****') : 'the debug log does not show the proxy from settings.xml'

    def moto = ItSupport.endpoint(basedir)
    def proxy = ItSupport.proxy(basedir)
    def lines = proxy.requestLines()
    assert !lines.isEmpty() : 'the proxy received no request'
    def direct = lines.findAll { !it.contains(' ' + moto + '/') }
    assert direct.isEmpty() : "requests not in a forward proxy's absolute form: ${direct}"
    assert lines.contains("PUT ${moto}/liveupdate-proxied HTTP/1.1".toString()) : "CreateBucket did not pass the proxy: ${lines}"
    def refused = proxy.requests().findAll { it.status() == 407 }
    assert refused.isEmpty() : "the proxy refused requests without credentials: ${refused}"

    UploadItSupport.s3(basedir).withCloseable { s3 ->
        assert s3.listBuckets().buckets()*.name().contains('liveupdate-proxied') : 'the bucket was not created'
    }
} finally {
    ItSupport.stop(basedir)
}

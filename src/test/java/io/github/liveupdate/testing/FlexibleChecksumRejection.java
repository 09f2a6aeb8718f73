package io.github.liveupdate.testing;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An S3-compatible store that does not know the AWS SDK's flexible checksums: it rejects with {@code 400
 * InvalidArgument} every request that carries {@code x-amz-sdk-checksum-algorithm}, an
 * {@code x-amz-checksum-*} header or {@code x-amz-trailer}, as some stores do. {@code Content-MD5} passes.
 */
public final class FlexibleChecksumRejection implements AwsBehaviour {

    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger withContentMd5 = new AtomicInteger();
    private final Set<String> seenHeaders = Collections.synchronizedSet(new TreeSet<>());

    @Override
    public String name() {
        return "no-flexible-checksums";
    }

    @Override
    public ProxyResponse before(ProxyRequest request) {
        if (request.header("Content-MD5") != null) {
            withContentMd5.incrementAndGet();
        }
        String checksumHeader = null;
        for (String[] header : request.headers()) {
            if (isFlexibleChecksumHeader(header[0])) {
                seenHeaders.add(header[0].toLowerCase(Locale.ROOT));
                checksumHeader = header[0];
            }
        }
        if (checksumHeader == null) {
            return null;
        }
        rejected.incrementAndGet();
        return AwsErrorBodies.s3(
                400,
                "InvalidArgument",
                "Unsupported header '" + checksumHeader + "' received for this API call.",
                !request.method().equals("HEAD"));
    }

    /** Returns whether a header is one of the SDK's flexible-checksum headers, compared without case. */
    public static boolean isFlexibleChecksumHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("x-amz-sdk-checksum-algorithm")
                || lower.startsWith("x-amz-checksum-")
                || lower.equals("x-amz-trailer");
    }

    /** Returns how many requests this behaviour rejected. */
    public int rejected() {
        return rejected.get();
    }

    /** Returns how many requests carried a {@code Content-MD5} header, rejected or not. */
    public int withContentMd5() {
        return withContentMd5.get();
    }

    /** Returns the names of the checksum headers seen, in lowercase. */
    public Set<String> seenHeaders() {
        synchronized (seenHeaders) {
            return Set.copyOf(seenHeaders);
        }
    }
}

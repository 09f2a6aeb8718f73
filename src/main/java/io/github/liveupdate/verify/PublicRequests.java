package io.github.liveupdate.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Sends requests without a signature, as a game or a browser does, through an SDK HTTP client, so that they
 * take the same connection settings as the signed requests.
 */
final class PublicRequests {

    private final SdkHttpClient http;

    PublicRequests(SdkHttpClient http) {
        this.http = http;
    }

    /**
     * Sends a GET and reads at most {@code maxBytes} of the body. A longer body is cut at that length.
     *
     * @throws IOException if the request fails or the body cannot be read
     */
    PublicResponse get(URI url, int maxBytes) throws IOException {
        return send(
                SdkHttpFullRequest.builder().uri(url).method(SdkHttpMethod.GET).build(), maxBytes);
    }

    /**
     * Sends the preflight that a browser on {@code origin} sends before a cross-origin GET.
     *
     * @throws IOException if the request fails
     */
    PublicResponse preflight(URI url, String origin) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .uri(url)
                .method(SdkHttpMethod.OPTIONS)
                .putHeader("Origin", origin)
                .putHeader("Access-Control-Request-Method", "GET")
                .build();
        return send(request, 0);
    }

    private PublicResponse send(SdkHttpFullRequest request, int maxBytes) throws IOException {
        HttpExecuteResponse response = http.prepareRequest(
                        HttpExecuteRequest.builder().request(request).build())
                .call();
        byte[] body = new byte[0];
        Optional<AbortableInputStream> stream = response.responseBody();
        if (stream.isPresent()) {
            try (InputStream in = stream.get()) {
                body = in.readNBytes(maxBytes);
            }
        }
        return new PublicResponse(
                response.httpResponse().statusCode(), response.httpResponse().headers(), body);
    }
}

package io.github.liveupdate.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The response to an unsigned request: status code, headers and body.
 *
 * @param body the body's bytes, empty for a response without one or when the body was not read
 */
public record PublicResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers into a map whose keys ignore case, as HTTP header names do. */
    public PublicResponse {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = caseInsensitive;
    }

    /** Returns the first value of a header, if the response has it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

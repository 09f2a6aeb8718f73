package io.github.liveupdate.testing;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which requests a fault rule applies to: by operation name, method and path, query or service. Matches
 * combine with {@link #and}.
 */
public final class Match implements Predicate<ProxyRequest> {

    private final String description;
    private final Predicate<ProxyRequest> predicate;

    private Match(String description, Predicate<ProxyRequest> predicate) {
        this.description = description;
        this.predicate = predicate;
    }

    /** Matches every request. */
    public static Match any() {
        return new Match("any request", request -> true);
    }

    /**
     * Matches requests of the given operations, such as {@code CreateUser} (the {@code Action} of an IAM form
     * body) or {@code PutBucketPolicy} (the S3 operation that {@link ProxyRequest#action} derives).
     */
    public static Match action(String... actions) {
        Set<String> names = Set.of(actions);
        return new Match("action in " + names, request -> names.contains(request.action()));
    }

    /** Matches the method and a regular expression that the whole path must match. */
    public static Match request(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return new Match(
                method + " " + pathRegex,
                request -> request.method().equals(method)
                        && path.matcher(request.path()).matches());
    }

    /** Matches requests to one AWS service, such as {@code s3}, {@code iam} or {@code sts}. */
    public static Match service(String service) {
        return new Match("service " + service, request -> request.service().equals(service));
    }

    /** Matches requests whose query string contains a match of the regular expression. */
    public Match query(String regex) {
        Pattern query = Pattern.compile(regex);
        return and(new Match(
                "query ~ " + regex, request -> query.matcher(request.query()).find()));
    }

    /** Matches requests that both this and {@code other} match. */
    public Match and(Match other) {
        return new Match(description + " and " + other.description, predicate.and(other.predicate));
    }

    @Override
    public boolean test(ProxyRequest request) {
        return predicate.test(request);
    }

    @Override
    public String toString() {
        return description;
    }
}

package io.github.liveupdate.verify;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.core.KeyIds;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Prefixes;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.defold.Manifest;
import io.github.liveupdate.defold.ManifestReader;
import io.github.liveupdate.defold.ResourceNames;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Checks that a setup gives the game and Defold's editor what they need, signing as the editor does, with the
 * uploader's profile:
 *
 * <ol>
 *   <li>the profile has an access key and a region;
 *   <li>the key authenticates (STS GetCallerIdentity);
 *   <li>it may list the account's buckets, as the editor does;
 *   <li>it may read the bucket's ACL, as bob does before it uploads;
 *   <li>it may put an object under the prefix: a probe object, which the admin credentials then delete;
 *   <li>an unsigned GET of the published manifest, or of the probe object, succeeds, as a game's does;
 *   <li>a CORS preflight for a GET from an origin is allowed, as HTML5 builds need;
 *   <li>every Live update resource that the published manifest lists is under the prefix.
 * </ol>
 *
 * A check that cannot run because an earlier one failed is skipped with the reason.
 */
public final class SetupVerifier {

    /** The name of the probe object under the prefix. It is fixed, so that repeated runs leave one object at most. */
    public static final String PROBE_NAME = "liveupdate-verify-probe";

    /**
     * The name under the prefix that the CORS preflight is sent for. No object of that name is created: S3
     * evaluates a preflight against the bucket's CORS rules alone, whatever the key. An existing object would also
     * do for S3, but moto 5.2.1 rejects a preflight for an existing object with HTTP 403 unless the bucket policy
     * allows the action s3:OptionsObject.
     */
    public static final String PREFLIGHT_NAME = "liveupdate-verify-preflight";

    static final String PROFILE = "Profile resolves";
    static final String AUTHENTICATES = "Key authenticates";
    static final String LIST_BUCKETS = "ListAllMyBuckets allowed";
    static final String BUCKET_ACL = "GetBucketAcl allowed";
    static final String PUT_OBJECT = "PutObject under prefix allowed";
    static final String ANONYMOUS_GET = "Anonymous GET works";
    static final String CORS = "CORS preflight allows GET";
    static final String MANIFEST = "Manifest resources exist";

    private static final List<String> NAMES =
            List.of(PROFILE, AUTHENTICATES, LIST_BUCKETS, BUCKET_ACL, PUT_OBJECT, ANONYMOUS_GET, CORS, MANIFEST);

    /** The largest manifest that is read: far above the few MiB of a manifest of 100,000 resources. */
    private static final int MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

    private static final String PROBE_CONTENT =
            "Written by liveupdate:verify to check that the upload profile may put objects here. Safe to delete.\n";

    private static final String SETUP = "mvn liveupdate:setup";

    private final AwsOptions connection;
    private final AwsOptions admin;
    private final Reporter reporter;

    /**
     * @param connection the region, endpoint and files to use. Its profile and credentials are replaced by the
     *     spec's profile.
     * @param admin the credentials that delete the probe object, since the uploader's policy does not allow it
     */
    public SetupVerifier(AwsOptions connection, AwsOptions admin, Reporter reporter) {
        this.connection = connection;
        this.admin = admin;
        this.reporter = reporter;
    }

    /** Runs every check and returns the results. Sends requests, writes the probe object and deletes it. */
    public VerifyReport verify(VerifySpec spec) {
        String location = "s3://" + spec.bucket() + "/" + (spec.prefix().isEmpty() ? "" : spec.prefix() + "/");
        List<Check> checks = new ArrayList<>();
        AwsOptions uploader = connection.withCredentials(null).withProfile(spec.profile());
        Check profile = checkProfile(uploader, spec.profile());
        checks.add(profile);
        if (profile.failed()) {
            skipRest(checks, "needs a profile that resolves (check 1)");
            return new VerifyReport(location, spec.profile(), checks);
        }
        try (AwsConnection aws = AwsConnection.open(uploader)) {
            new Run(aws, spec, location, checks).checkAll();
        }
        return new VerifyReport(location, spec.profile(), checks);
    }

    private static void skipRest(List<Check> checks, String reason) {
        for (String name : NAMES.subList(checks.size(), NAMES.size())) {
            checks.add(Check.skip(name, reason));
        }
    }

    /** Checks that the profile has a key id, a secret and a resolvable region. Shows the key id masked. */
    private static Check checkProfile(AwsOptions uploader, String profileName) {
        String files =
                uploader.files().credentialsFile() + " or " + uploader.files().configFile();
        String setupFix = "Run " + SETUP + " to write the profile, or name another one with -Dliveupdate.profile.";
        Optional<Profile> profile;
        try {
            profile = AwsConnection.loadProfiles(uploader.files()).profile(profileName);
        } catch (LiveUpdateException e) {
            return Check.fail(
                    PROFILE,
                    e.getMessage(),
                    "Fix the file, or point -Dliveupdate.credentialsFile and"
                            + " -Dliveupdate.configFile at other files.");
        }
        if (profile.isEmpty()) {
            return Check.fail(PROFILE, "profile '" + profileName + "' is not in " + files, setupFix);
        }
        Optional<String> keyId = profile.get().property(ProfileProperty.AWS_ACCESS_KEY_ID);
        boolean hasSecret =
                profile.get().property(ProfileProperty.AWS_SECRET_ACCESS_KEY).isPresent();
        if (keyId.isEmpty() || !hasSecret) {
            return Check.fail(
                    PROFILE,
                    "profile '" + profileName + "' lacks " + (keyId.isEmpty() ? "aws_access_key_id" : "")
                            + (keyId.isEmpty() && !hasSecret ? " and " : "")
                            + (hasSecret ? "" : "aws_secret_access_key")
                            + ", which Defold's editor reads",
                    setupFix);
        }
        String region;
        try (AwsConnection aws = AwsConnection.open(uploader)) {
            region = aws.region().id();
        } catch (LiveUpdateException e) {
            return Check.fail(
                    PROFILE,
                    e.getMessage(),
                    "Run " + SETUP + " to write the region into the profile, or set -Dliveupdate.region.");
        }
        return Check.pass(PROFILE, "'" + profileName + "', key " + KeyIds.mask(keyId.get()) + ", region " + region);
    }

    /**
     * Returns the error code and status of a service's error response, or the message of a failure that got no
     * response.
     */
    static String describe(SdkException e) {
        String code = errorCode(e);
        if (e instanceof SdkServiceException service) {
            return (code.isEmpty() ? "" : code + " ") + "(HTTP " + service.statusCode() + ")";
        }
        return e.getMessage();
    }

    /** Returns the error code of a service's error response, or empty when there is none. */
    static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return "";
    }

    /** Returns whether the failure is an error response, not a failure to reach the service. */
    static boolean isResponse(SdkException e) {
        return e instanceof SdkServiceException;
    }

    /** The checks after the first, which share the uploader's connection and what earlier checks found. */
    private final class Run {

        private final AwsConnection aws;
        private final VerifySpec spec;
        private final String location;
        private final List<Check> checks;
        private final String probeKey;
        private boolean bucketMissing;

        Run(AwsConnection aws, VerifySpec spec, String location, List<Check> checks) {
            this.aws = aws;
            this.spec = spec;
            this.location = location;
            this.checks = checks;
            this.probeKey = Prefixes.key(spec.prefix(), PROBE_NAME);
        }

        void checkAll() {
            Check authenticates = checkAuthentication();
            checks.add(authenticates);
            if (authenticates.failed()) {
                skipRest(checks, "needs a key that authenticates (check 2)");
                return;
            }
            checks.add(checkListBuckets());
            Check bucketAcl = checkBucketAcl();
            checks.add(bucketAcl);
            if (bucketMissing) {
                skipRest(checks, "needs the bucket (check 4)");
                return;
            }

            Listing listing = list();
            boolean probeWritten = false;
            Check putObject;
            if (spec.dryRun()) {
                putObject = Check.skip(PUT_OBJECT, "dry run: the probe object is not written");
            } else {
                putObject = putProbe();
                probeWritten = !putObject.failed();
            }

            Optional<String> published = listing.names().contains(ResourceNames.MANIFEST)
                    ? Optional.of(Prefixes.key(spec.prefix(), ResourceNames.MANIFEST))
                    : probeWritten ? Optional.of(probeKey) : Optional.empty();
            byte[] manifestBytes = null;
            Check anonymousGet;
            Check cors;
            Check manifest;
            String probeOutcome = null;
            try {
                try (SdkHttpClient http = aws.unsignedHttpClient()) {
                    PublicRequests requests = new PublicRequests(http);
                    Fetched fetched = fetch(requests, published);
                    anonymousGet = fetched.check();
                    if (fetched.body() != null && !published.get().equals(probeKey)) {
                        manifestBytes = fetched.body();
                    }
                    cors = checkPreflight(requests);
                }
                manifest = checkManifest(listing, manifestBytes);
            } finally {
                // Removed even when a check fails unexpectedly, so no run leaves the probe behind by accident.
                if (probeWritten) {
                    probeOutcome = removeProbe();
                }
            }

            if (probeOutcome != null) {
                putObject = Check.pass(PUT_OBJECT, putObject.detail() + ", then " + probeOutcome);
            }
            checks.add(putObject);
            checks.add(anonymousGet);
            checks.add(cors);
            checks.add(manifest);
        }

        private Check checkAuthentication() {
            try {
                String arn = aws.sts().getCallerIdentity().arn();
                return Check.pass(AUTHENTICATES, "signs as " + arn);
            } catch (SdkException e) {
                return Check.fail(AUTHENTICATES, "GetCallerIdentity failed: " + describe(e), keyFix(e));
            }
        }

        private String keyFix(SdkException e) {
            if (!isResponse(e)) {
                return networkFix();
            }
            return "Check the key in profile '" + spec.profile() + "' or run " + SETUP + " to write a new one.";
        }

        private String networkFix() {
            return "Check the network connection to "
                    + (aws.endpoint() != null ? aws.endpoint() + " (-Dliveupdate.endpoint)" : "AWS")
                    + ", then run verify again.";
        }

        private Check checkListBuckets() {
            try {
                List<Bucket> buckets = aws.s3().listBuckets().buckets();
                boolean found =
                        buckets.stream().anyMatch(bucket -> bucket.name().equals(spec.bucket()));
                if (!found) {
                    return Check.fail(
                            LIST_BUCKETS,
                            "the account's " + buckets.size()
                                    + (buckets.size() == 1 ? " bucket is not " : " buckets do not include ")
                                    + spec.bucket(),
                            "Run " + SETUP + " to create bucket " + spec.bucket()
                                    + ", or set -Dliveupdate.bucket to a bucket of this account.");
                }
                return Check.pass(
                        LIST_BUCKETS,
                        buckets.size() + (buckets.size() == 1 ? " bucket, " : " buckets, including ") + spec.bucket());
            } catch (SdkException e) {
                return Check.fail(LIST_BUCKETS, "ListBuckets failed: " + describe(e), policyFix(e));
            }
        }

        private Check checkBucketAcl() {
            try {
                aws.s3().getBucketAcl(request -> request.bucket(spec.bucket()));
                return Check.pass(BUCKET_ACL, "bucket " + spec.bucket());
            } catch (SdkException e) {
                bucketMissing = errorCode(e).equals("NoSuchBucket");
                return Check.fail(
                        BUCKET_ACL, "GetBucketAcl of " + spec.bucket() + " failed: " + describe(e), bucketFix(e));
            }
        }

        /** Returns the fix for a failure on the bucket: create it, fix the region, or restore the policy. */
        private String bucketFix(SdkException e) {
            String code = errorCode(e);
            if (code.equals("NoSuchBucket")) {
                return "Run " + SETUP + " to create bucket " + spec.bucket()
                        + ", or set -Dliveupdate.bucket to an existing bucket.";
            }
            if (code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")) {
                return "Set -Dliveupdate.region to the bucket's region.";
            }
            return policyFix(e);
        }

        private String policyFix(SdkException e) {
            if (!isResponse(e)) {
                return networkFix();
            }
            return "Run " + SETUP + " to restore the IAM policy of the uploader, then run verify again.";
        }

        private Listing list() {
            String keyPrefix = spec.prefix().isEmpty() ? "" : spec.prefix() + "/";
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(spec.bucket())
                    .prefix(keyPrefix)
                    .delimiter("/")
                    .build();
            Set<String> names = new HashSet<>();
            try {
                for (S3Object object : aws.s3().listObjectsV2Paginator(request).contents()) {
                    names.add(object.key().substring(keyPrefix.length()));
                }
            } catch (SdkException e) {
                reporter.debug("Listing " + location + " failed: " + describe(e));
                return new Listing(Set.of(), e);
            }
            reporter.debug("Listed " + names.size() + " objects in " + location);
            return new Listing(names, null);
        }

        private Check putProbe() {
            try {
                aws.s3()
                        .putObject(
                                request -> request.bucket(spec.bucket())
                                        .key(probeKey)
                                        .contentType("text/plain; charset=utf-8")
                                        .cacheControl("no-cache"),
                                RequestBody.fromString(PROBE_CONTENT));
                return Check.pass(PUT_OBJECT, "wrote s3://" + spec.bucket() + "/" + probeKey);
            } catch (SdkException e) {
                return Check.fail(
                        PUT_OBJECT,
                        "PutObject of s3://" + spec.bucket() + "/" + probeKey + " failed: " + describe(e),
                        bucketFix(e));
            }
        }

        /**
         * Deletes the probe object with the admin credentials, since the uploader's policy does not allow
         * s3:DeleteObject, and returns what happened to it.
         */
        private String removeProbe() {
            String left = "left it there, because the admin credentials could not delete it: ";
            // The bucket's region, which check 1 may have found in the uploader's profile rather than set.
            AwsOptions adminOptions =
                    admin.region() == null ? admin.withRegion(aws.region().id()) : admin;
            try (AwsConnection adminAws = AwsConnection.open(adminOptions)) {
                adminAws.s3()
                        .deleteObject(request -> request.bucket(spec.bucket()).key(probeKey));
                return "removed it with the admin credentials";
            } catch (SdkException e) {
                reporter.debug("Deleting s3://" + spec.bucket() + "/" + probeKey + " failed: " + e.getMessage());
                return left + describe(e);
            } catch (LiveUpdateException e) {
                return left + e.getMessage();
            }
        }

        private Fetched fetch(PublicRequests requests, Optional<String> key) {
            if (key.isEmpty()) {
                return new Fetched(
                        Check.skip(
                                ANONYMOUS_GET,
                                "no manifest in " + location + " and no probe object to fetch instead (check 5)"),
                        null);
            }
            URI url = objectUrl(key.get());
            boolean manifest = !key.get().equals(probeKey);
            try {
                PublicResponse response = requests.get(url, manifest ? MAX_MANIFEST_BYTES : PROBE_CONTENT.length());
                if (response.status() == 200) {
                    return new Fetched(
                            Check.pass(
                                    ANONYMOUS_GET,
                                    "GET " + url + " returned HTTP 200, " + response.body().length + " bytes"),
                            response.body());
                }
                return new Fetched(
                        Check.fail(
                                ANONYMOUS_GET,
                                "GET " + url + " returned HTTP " + response.status() + ", so games cannot fetch it",
                                response.status() == 403
                                        ? publicReadFix()
                                        : "Run " + SETUP + ", then run verify again."),
                        null);
            } catch (IOException e) {
                return new Fetched(
                        Check.fail(ANONYMOUS_GET, "GET " + url + " failed: " + e.getMessage(), networkFix()), null);
            }
        }

        private String publicReadFix() {
            return "Run " + SETUP + " to restore the bucket policy statement LiveUpdatePublicRead, which lets anyone"
                    + " GET objects under the prefix, with -Dliveupdate.publicRead=true, the default.";
        }

        private Check checkPreflight(PublicRequests requests) {
            URI url = objectUrl(Prefixes.key(spec.prefix(), PREFLIGHT_NAME));
            String request = "OPTIONS " + url + " from " + spec.origin();
            try {
                PublicResponse response = requests.preflight(url, spec.origin());
                Optional<String> problem = CorsPreflight.problem(response, spec.origin());
                if (problem.isPresent()) {
                    return Check.fail(
                            CORS,
                            request + ": " + problem.get(),
                            "Run " + SETUP + " to restore the CORS rule LiveUpdateCors, with -Dliveupdate.cors=true,"
                                    + " the default. If you set corsAllowedOrigins, include " + spec.origin() + ".");
                }
                return Check.pass(
                        CORS,
                        request + ": " + CorsPreflight.ALLOW_ORIGIN + " "
                                + response.header(CorsPreflight.ALLOW_ORIGIN).orElse("")
                                + ", " + CorsPreflight.ALLOW_METHODS + " "
                                + response.header(CorsPreflight.ALLOW_METHODS).orElse(""));
            } catch (IOException e) {
                return Check.fail(CORS, request + " failed: " + e.getMessage(), networkFix());
            }
        }

        private Check checkManifest(Listing listing, byte[] manifestBytes) {
            String manifestUrl = location + ResourceNames.MANIFEST;
            if (listing.failure() != null) {
                return Check.fail(
                        MANIFEST,
                        "listing " + location + " failed: " + describe(listing.failure()),
                        bucketFix(listing.failure()));
            }
            if (!listing.names().contains(ResourceNames.MANIFEST)) {
                return Check.skip(
                        MANIFEST,
                        "no manifest at " + manifestUrl + ": nothing is published yet, or the archive layout keeps it"
                                + " inside the zip");
            }
            if (manifestBytes == null) {
                return Check.skip(MANIFEST, "needs the manifest, which the anonymous GET did not return (check 6)");
            }
            String republish = "Publish the whole output of bob again with mvn package: upload sends what the bucket"
                    + " lacks, then the manifest.";
            Manifest manifest;
            try {
                manifest = ManifestReader.read(manifestBytes, manifestUrl);
            } catch (LiveUpdateException e) {
                return Check.fail(MANIFEST, e.getMessage(), republish);
            }
            int total = manifest.excludedResources().size();
            List<String> missing = ManifestCoverage.missing(manifest, listing.names()::contains);
            if (!missing.isEmpty()) {
                return Check.fail(MANIFEST, ManifestCoverage.describe(missing, total, location), republish);
            }
            return Check.pass(
                    MANIFEST,
                    "all " + total + " Live update resources of " + ResourceNames.MANIFEST + " are in " + location);
        }

        private URI objectUrl(String key) {
            return SetupVerifier.objectUrl(aws.s3(), spec.bucket(), key);
        }
    }

    /**
     * Returns the URL that a game fetches the object from: virtual-hosted on AWS, path-style under an endpoint, as
     * the S3 client addresses it. Builds the URL only, and sends no request.
     */
    static URI objectUrl(S3Client s3, String bucket, String key) {
        try {
            return s3.utilities()
                    .getUrl(request -> request.bucket(bucket).key(key))
                    .toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK built an invalid URL for key " + key, e);
        }
    }

    /** The names directly under the prefix, or the failure that prevented listing them. */
    private record Listing(Set<String> names, SdkException failure) {}

    /** The anonymous GET's check and the body it returned, null unless it succeeded. */
    private record Fetched(Check check, byte[] body) {}
}

package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.aws.ChecksumPolicy;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.defold.BobOutput;
import io.github.liveupdate.defold.DefoldProject;
import io.github.liveupdate.upload.Layout;
import io.github.liveupdate.upload.UploadSpec;
import io.github.liveupdate.upload.Uploader;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Publishes the Live update content that bob wrote to the S3 bucket, signing with the profile that setup
 * wrote. Only what the bucket lacks is uploaded, and the manifest goes last, after every resource succeeded.
 */
@Mojo(name = "upload", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class UploadMojo extends AbstractLiveUpdateMojo {

    /**
     * The Live update content that bob writes with {@code --archive --liveupdate yes}: the zip, or the folder
     * of its entries. A relative path is resolved against the project folder. Default: in a Defold project, the
     * zip or folder that liveupdate.settings names for mode Zip or Folder. Without {@code zip-filename}, the
     * newest {@code *.zip} in {@code zip-filepath}, and without {@code output-folder-name}, the newest
     * {@code defold_resources_*} folder in {@code output-directory}. Required otherwise.
     */
    @Parameter(property = PropertyNames.SOURCE)
    private File source;

    /**
     * The layout of the content in the bucket. {@code resources} uploads each entry as
     * {@code <prefix>/<hash>} and the manifest as {@code <prefix>/liveupdate.game.dmanifest}, for engines that
     * fetch one resource at a time. {@code archive} uploads the zip as one object {@code <prefix>/<file name>},
     * for engines that mount a zip. Default: {@code resources}.
     */
    @Parameter(property = PropertyNames.LAYOUT, defaultValue = "resources")
    private String layout;

    /**
     * The maximum number of requests sent to S3 at once, from 1 to 256. It also sets the size of the HTTP
     * connection pool. Default: 32.
     */
    @Parameter(property = PropertyNames.CONCURRENCY, defaultValue = "" + UploadSpec.DEFAULT_CONCURRENCY)
    private int concurrency;

    /**
     * The Cache-Control header of resource entries. Their names are content hashes, so the content under a name
     * never changes and may be cached for a long time. Default: {@code public, max-age=31536000, immutable}
     * (one year).
     */
    @Parameter(
            property = PropertyNames.RESOURCE_CACHE_CONTROL,
            defaultValue = UploadSpec.DEFAULT_RESOURCE_CACHE_CONTROL)
    private String resourceCacheControl;

    /**
     * The Cache-Control header of the manifest, of the zip in the archive layout, and of any entry whose name is
     * not a hash. These change from release to release, so games must check for a new version. Default:
     * {@code no-cache}.
     */
    @Parameter(
            property = PropertyNames.MANIFEST_CACHE_CONTROL,
            defaultValue = UploadSpec.DEFAULT_MANIFEST_CACHE_CONTROL)
    private String manifestCacheControl;

    /**
     * The id of a {@code <server>} in settings.xml whose username is an access key id and whose password,
     * encrypted or not, is its secret. Set, upload signs with that key instead of the profile. Unset: the
     * profile.
     */
    @Parameter(property = PropertyNames.SERVER_ID)
    private String serverId;

    /**
     * Sign with the AWS SDK's default credentials chain instead of the profile: the AWS_ACCESS_KEY_ID and
     * AWS_SECRET_ACCESS_KEY environment variables, the default profile, SSO, or a container or instance role,
     * as CI machines usually provide. Default: false, sign with the profile.
     */
    @Parameter(property = PropertyNames.USE_DEFAULT_CHAIN, defaultValue = "false")
    private boolean useDefaultChain;

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.UPLOAD_SKIP, defaultValue = "false")
    private boolean skipUpload;

    @Override
    protected Goal goal() {
        return new Goal("upload", PropertyNames.UPLOAD_SKIP, skipUpload, true);
    }

    @Override
    protected void run(Reporter reporter) {
        UploadSpec spec = new UploadSpec(
                source != null ? source.toPath() : sourceFromLiveUpdateSettings(reporter),
                requireBucket(),
                prefix,
                Layout.parse(layout),
                concurrency,
                resourceCacheControl,
                manifestCacheControl,
                dryRun);
        spec.checkSource();
        AwsOptions options = signingOptions().withMaxConnections(concurrency);
        try (AwsConnection connection = AwsConnection.open(options)) {
            Uploader uploader = new Uploader(connection.s3(), reporter);
            if (options.checksums() == ChecksumPolicy.WHEN_REQUIRED) {
                uploader = uploader.withoutRequestChecksums();
            }
            uploader.upload(spec);
        }
    }

    /**
     * Adds to the bucket check: an aggregator has nothing to upload without a source, or when its source does not
     * exist, as when it inherits the modules' relative {@code <source>} from its own pluginManagement.
     */
    @Override
    protected Optional<String> missingInAggregator(Goal goal) {
        Optional<String> missing = super.missingInAggregator(goal);
        if (missing.isPresent()) {
            return missing;
        }
        if (source == null) {
            return defoldProject().isEmpty() ? Optional.of("sets no source and has no game.project") : missing;
        }
        return source.exists() ? missing : Optional.of("its source " + source + " does not exist");
    }

    /** Returns the zip or folder that the Defold project's liveupdate.settings names, or null without one. */
    private Path sourceFromLiveUpdateSettings(Reporter reporter) {
        Optional<DefoldProject> project = defoldProject();
        if (project.isEmpty()) {
            return null;
        }
        return project.get()
                .liveUpdateSettings()
                .map(settings -> BobOutput.locate(project.get().root(), settings, reporter))
                .orElse(null);
    }

    /** Returns the options that sign with the server's key, the default chain or the profile, in that order. */
    private AwsOptions signingOptions() {
        if (serverId != null && !serverId.isBlank()) {
            if (useDefaultChain) {
                throw new LiveUpdateException("Both <serverId> and <useDefaultChain> are set, so it is unclear"
                        + " which credentials sign: unset one of them.");
            }
            AccessKeyPair key = SettingsServers.accessKey(settings, settingsDecrypter, serverId.trim());
            return awsOptions(null)
                    .withCredentials(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        }
        if (useDefaultChain) {
            return awsOptions(null);
        }
        if (!AwsConnection.hasProfile(awsFiles(), profile)) {
            throw new LiveUpdateException("Profile '" + profile + "' was not found in "
                    + awsFiles().credentialsFile() + " or " + awsFiles().configFile()
                    + ". Run 'mvn liveupdate:setup' to create it, name another profile with -Dliveupdate.profile,"
                    + " or sign with the environment's credentials with -Dliveupdate.useDefaultChain=true.");
        }
        return awsOptions(profile);
    }
}

package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.aws.ChecksumPolicy;
import io.github.liveupdate.aws.ProxySettings;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.defold.DefoldProject;
import io.github.liveupdate.defold.LiveUpdateSettings;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The parameters that every goal shares and the one place that turns core failures into Maven failures. A
 * goal reads its own parameters, calls a core class and returns.
 */
public abstract class AbstractLiveUpdateMojo extends AbstractMojo {

    /** The profile name that setup writes and upload reads when none is configured. */
    public static final String DEFAULT_PROFILE = "liveupdate";

    /**
     * The S3 bucket that contains the Live update content. Default: {@code amazon-bucket} of the Defold project's
     * liveupdate.settings.
     */
    @Parameter(property = PropertyNames.BUCKET)
    protected String bucket;

    /**
     * The AWS region of the bucket, such as {@code eu-west-1}. When unset, the region of the profile in the
     * config file is used, then the AWS_REGION and AWS_DEFAULT_REGION environment variables.
     */
    @Parameter(property = PropertyNames.REGION)
    protected String region;

    /**
     * The key prefix under which the content is published, such as {@code game/v1}. Empty publishes at the
     * top of the bucket. Leading and trailing slashes are not allowed. Default: {@code amazon-prefix} of the
     * Defold project's liveupdate.settings, else empty.
     */
    @Parameter(property = PropertyNames.PREFIX)
    protected String prefix;

    /**
     * The credentials profile that Defold's editor and bob use to upload, and that setup writes. Default:
     * {@code amazon-credential-profile} of the Defold project's liveupdate.settings, else {@code liveupdate}.
     */
    // No defaultValue, because a default would hide whether the POM or command line set the profile.
    @Parameter(property = PropertyNames.PROFILE)
    protected String profile;

    /**
     * The profile whose credentials perform setup: creating the bucket, the IAM user and its key. When unset,
     * the AWS SDK's default credentials chain is used (environment variables, the default profile, SSO).
     */
    @Parameter(property = PropertyNames.ADMIN_PROFILE)
    protected String adminProfile;

    /**
     * An S3-, IAM- and STS-compatible endpoint URL, such as a local emulator at {@code http://127.0.0.1:5000}.
     * Setting it switches S3 to path-style addressing. Unset: AWS itself.
     */
    @Parameter(property = PropertyNames.ENDPOINT)
    protected String endpoint;

    /**
     * The shared credentials file. Default: the AWS_SHARED_CREDENTIALS_FILE environment variable, else
     * {@code ~/.aws/credentials}.
     */
    @Parameter(property = PropertyNames.CREDENTIALS_FILE)
    protected File credentialsFile;

    /** The shared config file. Default: the AWS_CONFIG_FILE environment variable, else {@code ~/.aws/config}. */
    @Parameter(property = PropertyNames.CONFIG_FILE)
    protected File configFile;

    /**
     * When the S3 client sends request checksums: {@code when-supported} (the AWS SDK's default, a CRC32
     * checksum on every request that can carry one) or {@code when-required} (only on the requests that S3
     * requires one for, which upload does not send). Set {@code when-required} for S3-compatible stores that
     * reject the SDK's checksum headers.
     */
    @Parameter(property = PropertyNames.CHECKSUMS, defaultValue = "when-supported")
    protected String checksums;

    /** Prints what the goal would do and changes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    protected boolean dryRun;

    /** Skips every goal of this plugin. Each goal also has its own switch, such as {@code liveupdate.upload.skip}. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    /** The folder of the POM, where a Defold project has its game.project. Set by Maven. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File projectFolder;

    /** The project of the POM, for its packaging and modules. Set by Maven. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** The build's settings, for servers named by a {@code serverId} parameter and proxies. Set by Maven. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    /** The build session, for user properties that are not parameters. Set by Maven. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** This goal's execution, whose configuration contains the raw parameter values. Set by Maven. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /** Decrypts server and proxy passwords as Maven does. */
    @Component
    protected SettingsDecrypter settingsDecrypter;

    private Optional<DefoldProject> defoldProject;

    /**
     * A goal's name, its own skip switch, and whether it sends requests over the network.
     *
     * @param skipProperty the user property of the goal's skip parameter, such as {@code liveupdate.upload.skip}
     * @param skipped the value of that parameter
     */
    protected record Goal(String name, String skipProperty, boolean skipped, boolean needsNetwork) {}

    /** Returns the goal's name, its skip switch and whether it needs the network. */
    protected abstract Goal goal();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Goal goal = goal();
        if (mojoExecution != null && session != null) {
            try {
                BooleanParameters.check(mojoExecution, new PluginParameterExpressionEvaluator(session, mojoExecution));
            } catch (LiveUpdateException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
        }
        if (skip) {
            getLog().info("Skipping " + goal.name() + ": " + PropertyNames.SKIP + " is true.");
            return;
        }
        if (goal.skipped()) {
            getLog().info("Skipping " + goal.name() + ": " + goal.skipProperty() + " is true.");
            return;
        }
        try {
            if (goal.needsNetwork() && session != null && session.isOffline() && !AwsConnection.isLoopback(endpoint)) {
                throw new LiveUpdateException("Maven is offline (-o), and " + goal.name() + " sends requests to AWS."
                        + " Run the build without -o, or skip the goal with -D" + goal.skipProperty() + "=true.");
            }
            Reporter reporter = new MavenReporter(getLog());
            applyLiveUpdateSettings(reporter);
            Optional<String> missing = isAggregator() ? missingInAggregator(goal) : Optional.empty();
            if (missing.isPresent()) {
                getLog().info("Skipping " + goal.name() + " in " + project.getArtifactId() + ": it is an aggregator"
                        + " POM (packaging pom, with modules) and " + missing.get() + ", so the goal runs only in"
                        + " its modules.");
                return;
            }
            run(reporter);
        } catch (LiveUpdateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SdkException e) {
            throw new MojoFailureException("AWS request failed: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // The SDK lets some I/O failures through unwrapped, such as a response body cut while it reads it.
            throw new MojoFailureException(
                    "Reading a response from AWS failed: " + e.getCause().getMessage()
                            + ". The connection broke off; run the goal again, since each step can be repeated.",
                    e);
        }
    }

    /** Does the goal's work. Core failures propagate and are mapped by {@link #execute()}. */
    protected abstract void run(Reporter reporter) throws MojoExecutionException, MojoFailureException;

    /**
     * Fills {@code bucket}, {@code prefix} and {@code profile} from the Defold project's liveupdate.settings
     * where the POM and the command line leave them unset, and reports which ones it filled. Then applies the
     * profile's default, {@value #DEFAULT_PROFILE}.
     */
    final void applyLiveUpdateSettings(Reporter reporter) {
        if (isBlank(bucket) || prefix == null || isBlank(profile)) {
            defoldProject()
                    .flatMap(DefoldProject::liveUpdateSettings)
                    .ifPresent(settings -> fillFrom(settings, reporter));
        }
        if (isBlank(profile)) {
            profile = DEFAULT_PROFILE;
        }
    }

    private void fillFrom(LiveUpdateSettings settings, Reporter reporter) {
        List<String> filled = new ArrayList<>();
        if (isBlank(bucket) && settings.amazonBucket().isPresent()) {
            bucket = settings.amazonBucket().get();
            filled.add("bucket " + bucket);
        }
        if (prefix == null && settings.amazonPrefix().isPresent()) {
            prefix = settings.amazonPrefix().get();
            filled.add("prefix '" + prefix + "'");
        }
        if (isBlank(profile) && settings.amazonCredentialProfile().isPresent()) {
            profile = settings.amazonCredentialProfile().get();
            filled.add("profile '" + profile + "'");
        }
        if (!filled.isEmpty()) {
            reporter.info("Using " + String.join(", ", filled) + " from " + settings.fileName()
                    + ". The POM and -Dliveupdate.* properties override them.");
        }
    }

    /**
     * Returns the Defold project in the POM's folder, or empty if the folder has no game.project.
     *
     * @throws LiveUpdateException if game.project cannot be read
     */
    protected final Optional<DefoldProject> defoldProject() {
        if (defoldProject == null) {
            Path folder =
                    projectFolder != null ? projectFolder.toPath() : Path.of("").toAbsolutePath();
            defoldProject = DefoldProject.find(folder);
        }
        return defoldProject;
    }

    /**
     * Returns what the goal lacks to do anything in an aggregator POM, such as {@code "sets no bucket"}, or
     * empty when it has what it needs and runs there too. The default: a goal that sends requests needs a
     * bucket. Goals that need more, such as upload's source, add their own check.
     */
    protected Optional<String> missingInAggregator(Goal goal) {
        return goal.needsNetwork() && isBlank(bucket) ? Optional.of("sets no bucket") : Optional.empty();
    }

    /**
     * Returns whether the project is an aggregator: packaging {@code pom} with modules, such as the root of a
     * multi-module build. A goal from the command line runs in every project of the reactor, including the
     * aggregator, which has no content of its own. A project without modules is not one, so a game module with
     * packaging {@code pom} and no bucket still fails.
     */
    private boolean isAggregator() {
        return project != null
                && "pom".equals(project.getPackaging())
                && !project.getModules().isEmpty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Returns the shared files this goal reads and writes. */
    protected AwsFiles awsFiles() {
        return AwsFiles.resolve(
                credentialsFile == null ? null : credentialsFile.toPath(),
                configFile == null ? null : configFile.toPath());
    }

    /**
     * Returns the connection options that sign with {@code signingProfile}, or the default chain for null, with
     * the settings.xml proxy for the endpoint and the {@code checksums} policy.
     */
    protected AwsOptions awsOptions(String signingProfile) {
        ChecksumPolicy checksumPolicy = ChecksumPolicy.parse(checksums == null ? "when-supported" : checksums);
        ProxySettings proxy = SettingsProxies.forEndpoint(
                        settings, settingsDecrypter, AwsConnection.parseEndpoint(endpoint))
                .orElse(null);
        if (proxy != null) {
            getLog().debug("Using proxy " + proxy + " from settings.xml");
        }
        return new AwsOptions(
                region,
                endpoint,
                awsFiles(),
                signingProfile,
                null,
                System.getenv(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS,
                proxy,
                checksumPolicy);
    }

    /** Returns the bucket, failing with the way to set it when it is missing. */
    protected String requireBucket() {
        if (bucket == null || bucket.isBlank()) {
            throw new LiveUpdateException(
                    "No bucket is set. Set <bucket> in the plugin configuration or pass -Dliveupdate.bucket=NAME.");
        }
        return bucket.trim();
    }
}

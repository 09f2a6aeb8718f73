package io.github.liveupdate.maven;

import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.aws.AwsOptions;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
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

    /** The S3 bucket that holds the Live update content. */
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
     * top of the bucket. Leading and trailing slashes are not allowed.
     */
    @Parameter(property = PropertyNames.PREFIX, defaultValue = "")
    protected String prefix;

    /** The credentials profile that Defold's editor and bob use to upload, and that setup writes. */
    @Parameter(property = PropertyNames.PROFILE, defaultValue = DEFAULT_PROFILE)
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

    /** Prints what the goal would do and changes nothing. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    protected boolean dryRun;

    /** Skips every goal of this plugin. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    /** The build's settings, for servers named by a {@code serverId} parameter. Set by Maven. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    /** The build session, for user properties that are not parameters. Set by Maven. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** Decrypts server passwords as Maven does. */
    @Component
    protected SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: " + PropertyNames.SKIP + " is true.");
            return;
        }
        try {
            run(new MavenReporter(getLog()));
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

    /** Returns the shared files this goal reads and writes. */
    protected AwsFiles awsFiles() {
        return AwsFiles.resolve(
                credentialsFile == null ? null : credentialsFile.toPath(),
                configFile == null ? null : configFile.toPath());
    }

    /** Returns the connection options that sign with {@code signingProfile}, or the default chain for null. */
    protected AwsOptions awsOptions(String signingProfile) {
        return new AwsOptions(
                region,
                endpoint,
                awsFiles(),
                signingProfile,
                null,
                System.getenv(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS);
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

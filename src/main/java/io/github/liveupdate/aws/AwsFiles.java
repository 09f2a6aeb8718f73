package io.github.liveupdate.aws;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Finds the shared credentials and config files the way the AWS SDK and CLI do: an explicit path, else
 * the environment variable, else the file under {@code ~/.aws}.
 */
public final class AwsFiles {

    public static final String CREDENTIALS_ENV = "AWS_SHARED_CREDENTIALS_FILE";
    public static final String CONFIG_ENV = "AWS_CONFIG_FILE";

    private final Path credentialsFile;
    private final Path configFile;

    private AwsFiles(Path credentialsFile, Path configFile) {
        this.credentialsFile = credentialsFile;
        this.configFile = configFile;
    }

    /**
     * Resolves both files.
     *
     * @param credentialsFile the configured credentials file, or null
     * @param configFile the configured config file, or null
     * @param environment the process environment
     * @param userHome the user's home folder
     */
    public static AwsFiles resolve(
            Path credentialsFile, Path configFile, Map<String, String> environment, Path userHome) {
        return new AwsFiles(
                pick(
                        credentialsFile,
                        environment.get(CREDENTIALS_ENV),
                        userHome.resolve(".aws").resolve("credentials")),
                pick(
                        configFile,
                        environment.get(CONFIG_ENV),
                        userHome.resolve(".aws").resolve("config")));
    }

    /** Resolves both files from this process's environment and home folder. */
    public static AwsFiles resolve(Path credentialsFile, Path configFile) {
        return resolve(credentialsFile, configFile, System.getenv(), Paths.get(System.getProperty("user.home")));
    }

    private static Path pick(Path configured, String fromEnvironment, Path fallback) {
        if (configured != null) {
            return configured.toAbsolutePath();
        }
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return expandHome(fromEnvironment.trim()).toAbsolutePath();
        }
        return fallback;
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Paths.get(System.getProperty("user.home") + path.substring(1));
        }
        return Paths.get(path);
    }

    public Path credentialsFile() {
        return credentialsFile;
    }

    public Path configFile() {
        return configFile;
    }
}

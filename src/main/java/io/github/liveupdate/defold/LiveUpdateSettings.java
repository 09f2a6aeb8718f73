package io.github.liveupdate.defold;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.defold.SettingsFile.Value;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code [liveupdate]} section of a Defold project's liveupdate.settings, which configures where bob publishes
 * Live update content. An empty value counts as unset. Keys are matched whatever their case, as bob does.
 */
public final class LiveUpdateSettings {

    public static final String SECTION = "liveupdate";
    public static final String MODE = "mode";
    public static final String AMAZON_CREDENTIAL_PROFILE = "amazon-credential-profile";
    public static final String AMAZON_BUCKET = "amazon-bucket";
    public static final String AMAZON_PREFIX = "amazon-prefix";
    public static final String ZIP_FILEPATH = "zip-filepath";
    public static final String ZIP_FILENAME = "zip-filename";
    public static final String SAVE_ZIP_IN_BUNDLE_FOLDER = "save-zip-in-bundle-folder";
    public static final String OUTPUT_DIRECTORY = "output-directory";
    public static final String OUTPUT_FOLDER_NAME = "output-folder-name";
    public static final String SAVE_FOLDER_IN_BUNDLE_FOLDER = "save-folder-in-bundle-folder";

    private final SettingsFile file;

    private LiveUpdateSettings(SettingsFile file) {
        this.file = file;
    }

    /**
     * Parses the content of liveupdate.settings.
     *
     * @param fileName the file's path, for messages
     * @throws LiveUpdateException if a section header lacks its {@code ]}
     */
    public static LiveUpdateSettings parse(String content, String fileName) {
        return new LiveUpdateSettings(SettingsFile.parse(content, fileName));
    }

    /**
     * Reads liveupdate.settings in UTF-8.
     *
     * @throws LiveUpdateException if the file cannot be read or a section header lacks its {@code ]}
     */
    public static LiveUpdateSettings read(Path file) {
        return new LiveUpdateSettings(SettingsFile.read(file));
    }

    /** Returns the file's path, for messages. */
    public String fileName() {
        return file.fileName();
    }

    /**
     * Returns the publishing mode, or empty if the file sets none.
     *
     * @throws LiveUpdateException if the mode is not exactly {@code Amazon}, {@code Zip} or {@code Folder}
     */
    public Optional<LiveUpdateMode> mode() {
        Optional<Value> value = file.nonEmptyValue(SECTION, MODE);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<LiveUpdateMode> mode =
                LiveUpdateMode.fromSettingsValue(value.get().text());
        if (mode.isEmpty()) {
            throw new LiveUpdateException("Line " + value.get().line() + " of " + fileName() + " sets mode = "
                    + value.get().text() + ", which is invalid: bob accepts Amazon, Zip or Folder, spelled"
                    + " exactly so. Fix the line, or choose the mode in Defold's Live update settings.");
        }
        return mode;
    }

    /** Returns the mode as written, without checking it, or empty if the file sets none. */
    Optional<String> modeText() {
        return text(MODE);
    }

    public Optional<String> amazonCredentialProfile() {
        return text(AMAZON_CREDENTIAL_PROFILE);
    }

    public Optional<String> amazonBucket() {
        return text(AMAZON_BUCKET);
    }

    public Optional<String> amazonPrefix() {
        return text(AMAZON_PREFIX);
    }

    public Optional<String> zipFilepath() {
        return text(ZIP_FILEPATH);
    }

    public Optional<String> zipFilename() {
        return text(ZIP_FILENAME);
    }

    /** Returns whether bob moves the zip into the bundle's output folder: {@code save-zip-in-bundle-folder = 1}. */
    public boolean saveZipInBundleFolder() {
        return text(SAVE_ZIP_IN_BUNDLE_FOLDER).filter("1"::equals).isPresent();
    }

    public Optional<String> outputDirectory() {
        return text(OUTPUT_DIRECTORY);
    }

    public Optional<String> outputFolderName() {
        return text(OUTPUT_FOLDER_NAME);
    }

    /** Returns whether bob moves the folder into the bundle's output folder: the key is {@code 1}. */
    public boolean saveFolderInBundleFolder() {
        return text(SAVE_FOLDER_IN_BUNDLE_FOLDER).filter("1"::equals).isPresent();
    }

    /** Returns where a key is set, as {@code "line N of FILE"}, or the file alone if the key is not set. */
    public String describeLocation(String key) {
        return file.value(SECTION, key)
                .map(value -> "line " + value.line() + " of " + fileName())
                .orElse(fileName());
    }

    private Optional<String> text(String key) {
        return file.nonEmptyValue(SECTION, key).map(Value::text);
    }
}

package io.github.liveupdate.defold;

import java.util.Optional;

/** The way bob publishes Live update content: the {@code mode} of liveupdate.settings. */
public enum LiveUpdateMode {
    /** bob uploads the content to S3 itself, signing with {@code amazon-credential-profile}. */
    AMAZON("Amazon"),
    /** bob writes the content as a zip, {@code zip-filename} in {@code zip-filepath}. */
    ZIP("Zip"),
    /** bob writes the content as the files of a folder, {@code output-folder-name} in {@code output-directory}. */
    FOLDER("Folder");

    private final String settingsValue;

    LiveUpdateMode(String settingsValue) {
        this.settingsValue = settingsValue;
    }

    /** Returns the value in liveupdate.settings, such as {@code Amazon}. */
    public String settingsValue() {
        return settingsValue;
    }

    /** Returns the mode whose settings value is exactly {@code value}, case included, as bob requires. */
    static Optional<LiveUpdateMode> fromSettingsValue(String value) {
        for (LiveUpdateMode mode : values()) {
            if (mode.settingsValue.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}

package io.github.liveupdate.defold;

import io.github.liveupdate.core.AtomicFiles;
import io.github.liveupdate.core.FileErrors;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code mode = Amazon}, {@code amazon-credential-profile}, {@code amazon-bucket} and
 * {@code amazon-prefix} into a Defold project's liveupdate.settings with {@link LiveUpdateSettingsEditor},
 * keeping every other line. The file is created where game.project expects it when it does not exist, so
 * game.project itself never changes. A file whose content would not change is not written. The write is
 * atomic and keeps the file's permissions. A new file gets those of game.project.
 */
public final class LiveUpdateSettingsWriter {

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private final Reporter reporter;

    public LiveUpdateSettingsWriter(Reporter reporter) {
        this.reporter = Objects.requireNonNull(reporter);
    }

    /**
     * Checks, reading only, that {@link #write} could edit the file, so that setup can stop before it changes
     * anything in AWS.
     *
     * @throws LiveUpdateException with the message that {@link #write} would fail with
     */
    public void check(DefoldProject project, AmazonSettings values) {
        Path file = target(project.settingsFile());
        edit(file, read(file), values);
    }

    /**
     * Sets the values in the project's liveupdate.settings and reports one line with the outcome.
     *
     * @param dryRun report what would change and write nothing
     * @return {@link Outcome#CREATED} for a new file, {@link Outcome#UPDATED} or {@link Outcome#UNCHANGED}, and
     *     {@link Outcome#PLANNED} for a dry run that would change the file
     * @throws LiveUpdateException if the file cannot be read or written, a value is invalid for the file, or
     *     the file has two {@code [liveupdate]} sections or a broken section header
     */
    public Outcome write(DefoldProject project, AmazonSettings values, boolean dryRun) {
        Path file = target(project.settingsFile());
        Optional<String> oldContent = read(file);
        LiveUpdateSettingsEditor.Result edit = edit(file, oldContent, values);

        Outcome outcome;
        if (oldContent.isEmpty()) {
            outcome = Outcome.CREATED;
        } else if (edit.changed()) {
            outcome = Outcome.UPDATED;
        } else {
            outcome = Outcome.UNCHANGED;
        }
        if (dryRun && outcome != Outcome.UNCHANGED) {
            reporter.info("Dry run: would " + (oldContent.isEmpty() ? "create " + file + " with " : "set ")
                    + String.join(", ", edit.changedKeys()) + (oldContent.isEmpty() ? "" : " in " + file)
                    + ". Nothing was written.");
            outcome = Outcome.PLANNED;
        } else if (outcome != Outcome.UNCHANGED) {
            store(file, edit.content(), permissions(file, project.root().resolve(DefoldProject.GAME_PROJECT)));
        }

        reportModeChange(file, oldContent, dryRun);
        reporter.step(
                "Live update settings " + file + " (mode Amazon, bucket " + values.bucket() + ", prefix '"
                        + values.prefix() + "', profile '" + values.profile() + "')",
                outcome);
        return outcome;
    }

    private LiveUpdateSettingsEditor.Result edit(Path file, Optional<String> content, AmazonSettings values) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(LiveUpdateSettings.MODE, LiveUpdateMode.AMAZON.settingsValue());
        keys.put(LiveUpdateSettings.AMAZON_CREDENTIAL_PROFILE, values.profile());
        keys.put(LiveUpdateSettings.AMAZON_BUCKET, values.bucket());
        keys.put(LiveUpdateSettings.AMAZON_PREFIX, values.prefix());
        return new LiveUpdateSettingsEditor(file.toString()).edit(content.orElse(""), keys);
    }

    /** Tells the user that bob now uploads by itself, when the file was in Zip or Folder mode before. */
    private void reportModeChange(Path file, Optional<String> oldContent, boolean dryRun) {
        Optional<String> oldMode = oldContent.flatMap(
                content -> LiveUpdateSettings.parse(content, file.toString()).modeText());
        if (oldMode.isEmpty() || oldMode.get().equals(LiveUpdateMode.AMAZON.settingsValue())) {
            return;
        }
        reporter.info((dryRun ? "Dry run: would change" : "Changed") + " the mode in " + file + " from "
                + oldMode.get() + " to Amazon: bob then uploads Live update content to the bucket itself and"
                + " writes no zip or folder for the upload goal. To keep the mode, run setup with"
                + " -Dliveupdate.writeSettings=false.");
    }

    /** Returns the file that a write replaces: the target of a symbolic link, so that the link stays. */
    private static Path target(Path file) {
        if (!Files.isSymbolicLink(file)) {
            return file;
        }
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new LiveUpdateException(file + " is a symbolic link to a missing file (" + FileErrors.describe(e)
                    + "). Point the link at an existing file or replace it with a file.");
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new LiveUpdateException(
                    file + " is not a file. Remove it, or name another liveupdate.settings in game.project.");
        }
        return Optional.of(SettingsFile.readText(file));
    }

    private static Set<PosixFilePermission> permissions(Path file, Path gameProject) {
        for (Path source : new Path[] {file, gameProject}) {
            try {
                if (Files.exists(source)
                        && source.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    return Files.getPosixFilePermissions(source);
                }
            } catch (IOException e) {
                // The permissions are a courtesy, so an unreadable mode falls back to the next source.
            }
        }
        return READABLE_BY_ALL;
    }

    private static void store(Path file, String content, Set<PosixFilePermission> permissions) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LiveUpdateException(
                    "Cannot create the folder " + folder + ": " + FileErrors.describe(e) + ". Create it and run again.",
                    e);
        }
        AtomicFiles.write(
                file, content.getBytes(StandardCharsets.UTF_8), permissions, AtomicFiles.TemporaryFileSetup.none());
    }
}

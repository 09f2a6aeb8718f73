package io.github.liveupdate.defold;

import io.github.liveupdate.core.FileErrors;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds the Live update content that bob wrote for a Defold project, from liveupdate.settings, for an upload
 * without a configured source. bob resolves relative paths in the file against the project folder (its
 * {@code --root}), and so does this class.
 *
 * <ul>
 *   <li>Zip mode: {@code zip-filename} in {@code zip-filepath}. Without {@code zip-filename}, bob names each zip
 *       {@code defold.resourcepack_<platform>_<number>.zip}, so the newest {@code *.zip} in the folder is taken.
 *   <li>Folder mode: {@code output-folder-name} in {@code output-directory}. Without {@code output-folder-name},
 *       bob names each folder {@code defold_resources_<platform><seconds>}, so the newest such folder is taken.
 *   <li>Amazon mode, no mode, and {@code save-zip-in-bundle-folder} or {@code save-folder-in-bundle-folder} set
 *       to 1: there is no content to find, because bob uploads it itself or moves it into the bundle folder that
 *       its command line names. The source must be configured.
 * </ul>
 *
 * <p>The newest candidate is taken only when every other candidate is at least {@link #CLEARLY_OLDER} older.
 * Otherwise which one bob wrote last is unclear, as after a copy or checkout that gave them one time, and the
 * lookup fails with the list of candidates.
 */
public final class BobOutput {

    /** How much older than the newest every other candidate must be for the newest to be taken. */
    public static final Duration CLEARLY_OLDER = Duration.ofSeconds(2);

    static final String BOB_FOLDER_PREFIX = "defold_resources_";

    private static final String SET_SOURCE = "Set <source> or -Dliveupdate.source to the zip or folder to upload";

    private BobOutput() {}

    /**
     * Returns the zip or folder to upload, and reports at info where it came from.
     *
     * @param root the project folder
     * @throws LiveUpdateException if the settings name no local content, or the newest candidate is unclear or
     *     missing
     */
    public static Path locate(Path root, LiveUpdateSettings settings, Reporter reporter) {
        LiveUpdateMode mode = settings.mode()
                .orElseThrow(() -> new LiveUpdateException(settings.fileName() + " sets no mode, so bob publishes"
                        + " no Live update content. " + SET_SOURCE + ", or set mode = Zip or Folder in Defold's"
                        + " Live update settings."));
        return switch (mode) {
            case AMAZON ->
                throw new LiveUpdateException(settings.describeLocation(LiveUpdateSettings.MODE)
                        + " sets mode = Amazon: bob uploads the content to S3 itself and writes no zip or folder"
                        + " for this goal. " + SET_SOURCE + ", or set mode = Zip in Defold's Live update settings.");
            case ZIP -> locateZip(root, settings, reporter);
            case FOLDER -> locateFolder(root, settings, reporter);
        };
    }

    private static Path locateZip(Path root, LiveUpdateSettings settings, Reporter reporter) {
        if (settings.saveZipInBundleFolder()) {
            throw inBundleFolder(settings, LiveUpdateSettings.SAVE_ZIP_IN_BUNDLE_FOLDER);
        }
        Path folder = resolve(root, settings.zipFilepath().orElse(""), settings, LiveUpdateSettings.ZIP_FILEPATH);
        if (settings.zipFilename().isPresent()) {
            Path zip = folder.resolve(settings.zipFilename().get()).normalize();
            requireExists(zip, settings, LiveUpdateSettings.ZIP_FILENAME);
            reporter.info("Source " + zip + ": the zip that " + settings.fileName() + " names (zip-filepath and"
                    + " zip-filename). Set <source> to upload another.");
            return zip;
        }
        Path zip = newest(
                folder,
                path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        && path.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".zip"),
                "zip",
                "zips",
                settings,
                LiveUpdateSettings.ZIP_FILEPATH,
                reporter);
        return zip;
    }

    private static Path locateFolder(Path root, LiveUpdateSettings settings, Reporter reporter) {
        if (settings.saveFolderInBundleFolder()) {
            throw inBundleFolder(settings, LiveUpdateSettings.SAVE_FOLDER_IN_BUNDLE_FOLDER);
        }
        Path parent =
                resolve(root, settings.outputDirectory().orElse(""), settings, LiveUpdateSettings.OUTPUT_DIRECTORY);
        if (settings.outputFolderName().isPresent()) {
            Path folder = parent.resolve(settings.outputFolderName().get()).normalize();
            requireExists(folder, settings, LiveUpdateSettings.OUTPUT_FOLDER_NAME);
            reporter.info("Source " + folder + ": the folder that " + settings.fileName() + " names"
                    + " (output-directory and output-folder-name). Set <source> to upload another.");
            return folder;
        }
        return newest(
                parent,
                path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        && path.getFileName().toString().startsWith(BOB_FOLDER_PREFIX),
                "folder named " + BOB_FOLDER_PREFIX + "*",
                "such folders",
                settings,
                LiveUpdateSettings.OUTPUT_DIRECTORY,
                reporter);
    }

    /** Returns the newest candidate in a folder, when every other one is clearly older. */
    private static Path newest(
            Path folder,
            Predicate<Path> isCandidate,
            String kind,
            String kindPlural,
            LiveUpdateSettings settings,
            String folderKey,
            Reporter reporter) {
        List<Candidate> candidates = list(folder, isCandidate);
        if (candidates.isEmpty()) {
            throw new LiveUpdateException("No " + kind + " found in " + folder + ", the folder that "
                    + settings.describeLocation(folderKey) + " names for bob's Live update output. Bundle the game"
                    + " with Live update content first (bob --archive --liveupdate yes), or "
                    + lowercaseFirst(SET_SOURCE)
                    + ".");
        }
        candidates.sort(Comparator.comparing(Candidate::modified).reversed());
        Candidate newest = candidates.get(0);
        List<Candidate> tied = candidates.stream()
                .filter(candidate -> Duration.between(
                                        candidate.modified().toInstant(),
                                        newest.modified().toInstant())
                                .compareTo(CLEARLY_OLDER)
                        < 0)
                .collect(Collectors.toList());
        if (tied.size() > 1) {
            String names = tied.stream()
                    .map(candidate -> candidate.path().getFileName().toString())
                    .collect(Collectors.joining(", "));
            throw new LiveUpdateException("Cannot tell which " + kind + " in " + folder + " bob wrote last: " + names
                    + " were modified within " + CLEARLY_OLDER.toSeconds() + " s of each other. " + SET_SOURCE
                    + ", or delete the old ones.");
        }
        String which =
                candidates.size() == 1 ? "the only " + kind : "the newest of " + candidates.size() + " " + kindPlural;
        String older = candidates.size() == 1 ? "" : " The older ones are not uploaded.";
        reporter.info("Source " + newest.path() + ": " + which + " in " + folder + ", the folder that "
                + settings.fileName() + " names." + older + " Set <source> to upload another.");
        return newest.path();
    }

    private record Candidate(Path path, FileTime modified) {}

    private static List<Candidate> list(Path folder, Predicate<Path> isCandidate) {
        List<Candidate> candidates = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return candidates;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                // Hidden files, such as macOS's ._NAME.zip companions, are never bob's output.
                if (entry.getFileName().toString().startsWith(".") || !isCandidate.test(entry)) {
                    continue;
                }
                candidates.add(new Candidate(entry, Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)));
            }
        } catch (IOException e) {
            throw new LiveUpdateException("Cannot list " + folder + ": " + FileErrors.describe(e) + ".", e);
        }
        return candidates;
    }

    private static void requireExists(Path path, LiveUpdateSettings settings, String key) {
        if (!Files.exists(path)) {
            throw new LiveUpdateException(path + ", which " + settings.describeLocation(key) + " names, does not"
                    + " exist. Bundle the game with Live update content first (bob --archive --liveupdate yes), or "
                    + lowercaseFirst(SET_SOURCE) + ".");
        }
    }

    private static LiveUpdateException inBundleFolder(LiveUpdateSettings settings, String key) {
        return new LiveUpdateException(settings.describeLocation(key) + " sets " + key + " = 1, so bob moves its"
                + " Live update output into the bundle folder that its command line names (--bundle-output). "
                + SET_SOURCE + ".");
    }

    /** Resolves a path of liveupdate.settings: absolute as it is, relative against the project folder. */
    private static Path resolve(Path root, String path, LiveUpdateSettings settings, String key) {
        try {
            Path value = Path.of(path);
            return (value.isAbsolute() ? value : root.resolve(value)).normalize();
        } catch (InvalidPathException e) {
            throw new LiveUpdateException(settings.describeLocation(key) + " sets " + key + " = " + path
                    + ", which is not a valid path on this system: " + e.getReason() + ". " + SET_SOURCE + ".");
        }
    }

    private static String lowercaseFirst(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}

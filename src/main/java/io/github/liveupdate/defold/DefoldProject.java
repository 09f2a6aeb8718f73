package io.github.liveupdate.defold;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.defold.SettingsFile.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Defold project: a folder with game.project, and the liveupdate.settings file that game.project names in
 * {@code [liveupdate] settings}. As in bob and the editor, the default is {@code /liveupdate.settings}, and a
 * path that starts with {@code /} is relative to the project folder.
 */
public final class DefoldProject {

    public static final String GAME_PROJECT = "game.project";
    public static final String DEFAULT_SETTINGS_PATH = "/liveupdate.settings";

    private static final String SETTINGS_KEY = "settings";

    private final Path root;
    private final Path settingsFile;

    private DefoldProject(Path root, Path settingsFile) {
        this.root = root;
        this.settingsFile = settingsFile;
    }

    /**
     * Returns the Defold project in {@code folder}, or empty if the folder has no game.project.
     *
     * @throws LiveUpdateException if game.project cannot be read, has an invalid section header, or names a
     *     liveupdate.settings outside the project folder
     */
    public static Optional<DefoldProject> find(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Path gameProject = root.resolve(GAME_PROJECT);
        if (!Files.isRegularFile(gameProject)) {
            return Optional.empty();
        }
        SettingsFile settings = SettingsFile.read(gameProject);
        Optional<Value> path = settings.nonEmptyValue(LiveUpdateSettings.SECTION, SETTINGS_KEY);
        Path settingsFile = resolve(root, path.map(Value::text).orElse(DEFAULT_SETTINGS_PATH));
        if (!settingsFile.startsWith(root)) {
            throw new LiveUpdateException("Line " + path.map(Value::line).orElse(0) + " of " + gameProject
                    + " sets [liveupdate] settings = " + path.map(Value::text).orElse("") + ", a file outside the"
                    + " project folder " + root + ". Name a file inside the project, such as "
                    + DEFAULT_SETTINGS_PATH + ".");
        }
        return Optional.of(new DefoldProject(root, settingsFile));
    }

    /** Returns the project folder: the folder of game.project, against which bob resolves relative paths. */
    public Path root() {
        return root;
    }

    /** Returns the liveupdate.settings file of the project, which may not exist. */
    public Path settingsFile() {
        return settingsFile;
    }

    /**
     * Reads liveupdate.settings, or returns empty if the file does not exist.
     *
     * @throws LiveUpdateException if the file cannot be read or a section header lacks its {@code ]}
     */
    public Optional<LiveUpdateSettings> liveUpdateSettings() {
        if (!Files.exists(settingsFile)) {
            return Optional.empty();
        }
        return Optional.of(LiveUpdateSettings.read(settingsFile));
    }

    /** Resolves a path of a game project setting, such as {@code /liveupdate.settings}, against the root. */
    private static Path resolve(Path root, String projectPath) {
        String relative = projectPath.replace('\\', '/');
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return root.resolve(relative).normalize();
    }
}

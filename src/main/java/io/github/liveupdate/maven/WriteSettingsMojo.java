package io.github.liveupdate.maven;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.defold.AmazonSettings;
import io.github.liveupdate.defold.DefoldProject;
import io.github.liveupdate.defold.LiveUpdateSettingsWriter;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Points the Defold project in the POM's folder at the bucket: sets {@code mode = Amazon},
 * {@code amazon-credential-profile}, {@code amazon-bucket} and {@code amazon-prefix} in the liveupdate.settings
 * that game.project names ({@code /liveupdate.settings} by default). Every other line of the file stays as it
 * was. A missing file is created, and game.project is never changed. Defold's editor and bob then upload Live
 * update content to the bucket with the profile. Sends no request.
 */
@Mojo(name = "write-settings", requiresProject = false, threadSafe = true)
public class WriteSettingsMojo extends AbstractLiveUpdateMojo {

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.WRITE_SETTINGS_SKIP, defaultValue = "false")
    protected boolean skipWriteSettings;

    @Override
    protected Goal goal() {
        return new Goal("write-settings", PropertyNames.WRITE_SETTINGS_SKIP, skipWriteSettings, false);
    }

    @Override
    protected void run(Reporter reporter) {
        DefoldProject project = defoldProject()
                .orElseThrow(() -> new LiveUpdateException("There is no " + DefoldProject.GAME_PROJECT + " in "
                        + (projectFolder == null ? "the current folder" : projectFolder)
                        + ", so it is not a Defold project. Run write-settings in the folder of game.project."));
        AmazonSettings settings = new AmazonSettings(profile, requireBucket(), prefix);
        new LiveUpdateSettingsWriter(reporter).write(project, settings, dryRun);
    }
}

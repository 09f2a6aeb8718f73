package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefoldProjectTest {

    @TempDir
    Path root;

    @Test
    void folderWithoutGameProjectIsNoProject() {
        assertThat(DefoldProject.find(root)).isEmpty();
    }

    @Test
    void defaultsToLiveUpdateSettingsAtRoot() throws IOException {
        Files.writeString(root.resolve("game.project"), "[project]\ntitle = Game\n");

        DefoldProject project = DefoldProject.find(root).orElseThrow();

        assertThat(project.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(project.settingsFile()).isEqualTo(root.resolve("liveupdate.settings"));
    }

    @Test
    void followsSettingsEntryOfGameProject() throws IOException {
        Files.writeString(
                root.resolve("game.project"),
                "[project]\ntitle = Game\n\n[liveupdate]\nsettings = /config/lu.settings\n");

        DefoldProject project = DefoldProject.find(root).orElseThrow();

        assertThat(project.settingsFile()).isEqualTo(root.resolve("config/lu.settings"));
    }

    @Test
    void acceptsSettingsPathWithoutSlash() throws IOException {
        Files.writeString(root.resolve("game.project"), "[liveupdate]\nsettings = other.settings\n");

        assertThat(DefoldProject.find(root).orElseThrow().settingsFile()).isEqualTo(root.resolve("other.settings"));
    }

    @Test
    void emptySettingsEntryMeansDefault() throws IOException {
        Files.writeString(root.resolve("game.project"), "[liveupdate]\nsettings =\n");

        assertThat(DefoldProject.find(root).orElseThrow().settingsFile())
                .isEqualTo(root.resolve("liveupdate.settings"));
    }

    @Test
    void rejectsSettingsOutsideProject() throws IOException {
        Files.writeString(
                root.resolve("game.project"), "[project]\ntitle = Game\n[liveupdate]\nsettings = /../x.settings\n");

        assertThatThrownBy(() -> DefoldProject.find(root))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Line 4 of")
                .hasMessageContaining("outside the project folder");
    }

    @Test
    void missingSettingsFileGivesNoSettings() throws IOException {
        Files.writeString(root.resolve("game.project"), "[project]\ntitle = Game\n");

        Optional<LiveUpdateSettings> settings =
                DefoldProject.find(root).orElseThrow().liveUpdateSettings();

        assertThat(settings).isEmpty();
    }

    @Test
    void readsNamedSettingsFile() throws IOException {
        Files.writeString(root.resolve("game.project"), "[liveupdate]\nsettings = /lu.settings\n");
        Files.writeString(root.resolve("lu.settings"), "[liveupdate]\namazon-bucket = named-bucket\n");

        LiveUpdateSettings settings =
                DefoldProject.find(root).orElseThrow().liveUpdateSettings().orElseThrow();

        assertThat(settings.amazonBucket()).hasValue("named-bucket");
    }

    @Test
    void invalidUtf8NamesTheFile() throws IOException {
        Files.writeString(root.resolve("game.project"), "[project]\n");
        Files.write(root.resolve("liveupdate.settings"), new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'});

        DefoldProject project = DefoldProject.find(root).orElseThrow();

        assertThatThrownBy(project::liveUpdateSettings)
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("liveupdate.settings")
                .hasMessageContaining("UTF-8");
    }
}

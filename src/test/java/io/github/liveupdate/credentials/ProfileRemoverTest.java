package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.core.AccessKeyPair;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import io.github.liveupdate.credentials.ProfileSectionEditor.Result;
import io.github.liveupdate.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a profile's section: the editor's text edit, and the remover's locked write of the files. */
class ProfileRemoverTest {

    private static final String KEY_ID = "AKIATESTFAKE00000001";
    private static final String FILE = "/home/test/.aws/credentials";

    @TempDir
    Path home;

    private Path credentials;
    private Path config;
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void files() {
        credentials = home.resolve(".aws/credentials");
        config = home.resolve(".aws/config");
    }

    private static Result removeFromCredentials(String content) {
        return new ProfileSectionEditor(FileKind.CREDENTIALS, "liveupdate", FILE).removeSection(content);
    }

    @Test
    void removesSectionBetweenOthers() {
        String before = "[a]\nk = 1\n\n[liveupdate]\n# ours\naws_access_key_id = X\n\n; about b\n[b]\nk = 2\n";

        Result result = removeFromCredentials(before);

        assertThat(result.content()).isEqualTo("[a]\nk = 1\n\n; about b\n[b]\nk = 2\n");
        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void undoesAppendedSection() {
        String original = "# machine profiles\r\n[default]\r\naws_access_key_id = D\r\n";
        String appended = new ProfileSectionEditor(FileKind.CREDENTIALS, "liveupdate", FILE)
                .edit(original, java.util.List.of(ProfileSectionEditor.KeyChange.set("aws_access_key_id", KEY_ID)))
                .content();

        Result result = removeFromCredentials(appended);

        assertThat(result.content()).isEqualTo(original);
    }

    @Test
    void removesContinuationLines() {
        String before = "[liveupdate]\nk =\n  nested = 1\n[b]\nx = 1";

        Result result = removeFromCredentials(before);

        assertThat(result.content()).isEqualTo("[b]\nx = 1");
    }

    @Test
    void leavesFileWithoutSection() {
        String before = "[a]\nk = 1\n";

        Result result = removeFromCredentials(before);

        assertThat(result.content()).isEqualTo(before);
        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void removesConfigSectionByProfilePrefix() {
        String before = "[default]\nregion = us-east-1\n\n[profile liveupdate]\nregion = eu-west-1\n";

        Result result = new ProfileSectionEditor(FileKind.CONFIG, "liveupdate", "config").removeSection(before);

        assertThat(result.content()).isEqualTo("[default]\nregion = us-east-1\n");
    }

    @Test
    void readsBothSections() throws IOException {
        write();

        ProfileRemover.Sections sections = remover().read("liveupdate");

        assertThat(sections.inCredentials()).isTrue();
        assertThat(sections.accessKeyId()).contains(KEY_ID);
        assertThat(sections.configKeys()).contains(Set.of("region"));
    }

    @Test
    void removesCredentialsSectionAndKeepsOtherProfiles() throws IOException {
        write();

        Outcome outcome = remover().removeFromCredentials("liveupdate", KEY_ID);

        assertThat(outcome).isEqualTo(Outcome.UPDATED);
        assertThat(Files.readString(credentials)).isEqualTo("[default]\naws_access_key_id = AKIAOTHER\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                .isEqualTo("rw-------");
    }

    @Test
    void keepsSectionWithAnotherKey() throws IOException {
        write();

        Outcome outcome = remover().removeFromCredentials("liveupdate", "AKIATESTFAKE00000009");

        assertThat(outcome).isEqualTo(Outcome.UNCHANGED);
        assertThat(Files.readString(credentials)).contains("[liveupdate]");
        assertThat(reporter.all()).contains("now contains another key, so it was kept");
    }

    @Test
    void removesConfigSection() throws IOException {
        write();

        Outcome outcome = remover().removeFromConfig("liveupdate");

        assertThat(outcome).isEqualTo(Outcome.UPDATED);
        assertThat(Files.readString(config)).isEqualTo("[default]\nregion = us-east-1\n");
    }

    @Test
    void reportsMissingFileUnchanged() {
        assertThat(remover().removeFromCredentials("liveupdate", KEY_ID)).isEqualTo(Outcome.UNCHANGED);
        assertThat(remover().read("liveupdate"))
                .isEqualTo(new ProfileRemover.Sections(false, Optional.empty(), Optional.empty()));
    }

    private ProfileRemover remover() {
        return new ProfileRemover(
                AwsFiles.resolve(credentials, config, Map.of(), home), reporter, Duration.ofSeconds(30));
    }

    /** Writes the two files as setup leaves them next to another profile. */
    private void write() throws IOException {
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIAOTHER\n");
        Files.writeString(config, "[default]\nregion = us-east-1\n");
        new ProfileWriter(
                        AwsFiles.resolve(credentials, config, Map.of(), home),
                        reporter,
                        Map.of(),
                        Duration.ofSeconds(30))
                .write("liveupdate", new AccessKeyPair(KEY_ID, "fake-secret-for-tests-only-1"), "eu-west-1", false);
    }
}

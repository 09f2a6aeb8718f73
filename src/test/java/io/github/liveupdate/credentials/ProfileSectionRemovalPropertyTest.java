package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.profiles.ProfileFile;

/** Removing our section from the generated files of {@link ProfileSectionEditorPropertyTest}. */
class ProfileSectionRemovalPropertyTest {

    private static final String PROFILE = "liveupdate";

    private final ProfileSectionEditorPropertyTest generators = new ProfileSectionEditorPropertyTest();

    @Property(tries = 400)
    void credentialsKeepsOtherProfiles(@ForAll("credentialsFiles") String before) {
        String after = new ProfileSectionEditor(FileKind.CREDENTIALS, PROFILE, "credentials")
                .removeSection(before)
                .content();

        Map<String, Map<String, String>> old = profiles(before, ProfileFile.Type.CREDENTIALS);
        Map<String, Map<String, String>> now = profiles(after, ProfileFile.Type.CREDENTIALS);
        assertThat(now).doesNotContainKey(PROFILE);
        old.remove(PROFILE);
        assertThat(now).isEqualTo(old);
    }

    @Property(tries = 400)
    void configKeepsOtherProfiles(@ForAll("configFiles") String before) {
        String after = new ProfileSectionEditor(FileKind.CONFIG, PROFILE, "config")
                .removeSection(before)
                .content();

        Map<String, Map<String, String>> old = profiles(before, ProfileFile.Type.CONFIGURATION);
        Map<String, Map<String, String>> now = profiles(after, ProfileFile.Type.CONFIGURATION);
        assertThat(now).doesNotContainKey(PROFILE);
        old.remove(PROFILE);
        assertThat(now).isEqualTo(old);
    }

    @Property(tries = 300)
    void undoesAppendedSection(@ForAll("credentialsFiles") String before) {
        ProfileSectionEditor editor = new ProfileSectionEditor(FileKind.CREDENTIALS, PROFILE, "credentials");
        String withoutOurs = editor.removeSection(before).content();
        String appended = editor.edit(
                        withoutOurs, List.of(ProfileSectionEditor.KeyChange.set("aws_access_key_id", "AKIAFAKE0042")))
                .content();

        String removed = editor.removeSection(appended).content();

        // Blank lines may differ: when the file ended with a blank line, edit() adds none before the section,
        // and the removal cannot tell that blank line from the one edit() adds.
        assertThat(nonBlankLines(removed)).isEqualTo(nonBlankLines(withoutOurs));
    }

    private static List<String> nonBlankLines(String content) {
        return ProfileFileLines.split(content).stream()
                .filter(line -> !line.isBlank())
                .map(ProfileFileLines.Line::text)
                .toList();
    }

    private static Map<String, Map<String, String>> profiles(String content, ProfileFile.Type type) {
        ProfileFile file = ProfileFile.builder()
                .content(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .type(type)
                .build();
        Map<String, Map<String, String>> result = new HashMap<>();
        file.profiles().forEach((name, profile) -> result.put(name, new HashMap<>(profile.properties())));
        return result;
    }

    @Provide
    Arbitrary<String> credentialsFiles() {
        return generators.credentialsFiles();
    }

    @Provide
    Arbitrary<String> configFiles() {
        return generators.configFiles();
    }
}

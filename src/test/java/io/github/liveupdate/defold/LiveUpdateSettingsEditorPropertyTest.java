package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Generated liveupdate.settings files with other sections, other keys, comments, blank lines, odd spacing and
 * case, keys without values, and mixed line endings, with or without a {@code [liveupdate]} section.
 */
class LiveUpdateSettingsEditorPropertyTest {

    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("mode", "Amazon");
        VALUES.put("amazon-credential-profile", "game-uploader");
        VALUES.put("amazon-bucket", "my-game-liveupdate");
        VALUES.put("amazon-prefix", "game/v1");
    }

    private static final Set<String> OUR_KEYS = VALUES.keySet();

    private static final Pattern LINE = Pattern.compile("[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$");

    // Properties

    @Property(tries = 500)
    void keepsEveryOtherLineByteForByte(@ForAll("settingsFiles") String before) {
        String after = edit(before).content();

        List<String> keptBefore = otherLines(before, false);
        List<String> keptAfter = otherLines(after, !hasOurSection(before));
        if (!hasOurSection(before) && keptAfter.size() == keptBefore.size() + 1) {
            // An appended section comes after one added blank line, unless the file ended with a blank line.
            String added = keptAfter.remove(keptAfter.size() - 1);
            assertThat(textOf(added)).as("line added before the new section").isEmpty();
        }

        assertThat(keptAfter).hasSameSizeAs(keptBefore);
        for (int i = 0; i < keptBefore.size(); i++) {
            boolean lastWithoutEnding =
                    i == keptBefore.size() - 1 && textOf(keptBefore.get(i)).equals(keptBefore.get(i));
            if (lastWithoutEnding) {
                // A line added after the last one gives it a line ending, and the new last line has none.
                assertThat(textOf(keptAfter.get(i))).as("text of line " + i).isEqualTo(keptBefore.get(i));
            } else {
                assertThat(keptAfter.get(i)).as("line " + i).isEqualTo(keptBefore.get(i));
            }
        }
    }

    @Property(tries = 500)
    void resultReadsBackOurValues(@ForAll("settingsFiles") String before) {
        LiveUpdateSettings settings = LiveUpdateSettings.parse(edit(before).content(), "generated");

        assertThat(settings.mode()).hasValue(LiveUpdateMode.AMAZON);
        assertThat(settings.amazonCredentialProfile()).hasValue("game-uploader");
        assertThat(settings.amazonBucket()).hasValue("my-game-liveupdate");
        assertThat(settings.amazonPrefix()).hasValue("game/v1");
    }

    @Property(tries = 500)
    void otherKeysReadTheSame(@ForAll("settingsFiles") String before) {
        LiveUpdateSettings old = LiveUpdateSettings.parse(before, "generated");
        LiveUpdateSettings now = LiveUpdateSettings.parse(edit(before).content(), "generated");

        assertThat(now.zipFilepath()).isEqualTo(old.zipFilepath());
        assertThat(now.zipFilename()).isEqualTo(old.zipFilename());
        assertThat(now.outputDirectory()).isEqualTo(old.outputDirectory());
    }

    @Property(tries = 300)
    void editIsIdempotent(@ForAll("settingsFiles") String before) {
        String once = edit(before).content();

        LiveUpdateSettingsEditor.Result twice = edit(once);

        assertThat(twice.content()).isEqualTo(once);
        assertThat(twice.changed()).isFalse();
    }

    @Property(tries = 300)
    void unchangedMeansSameBytes(@ForAll("settingsFiles") String before) {
        LiveUpdateSettingsEditor.Result result = edit(before);

        assertThat(result.content().equals(before)).isEqualTo(!result.changed());
    }

    @Example
    void appendedSectionAfterBlankLineKeepsIt() {
        keepsEveryOtherLineByteForByte("[other]\nk = v\n  \n");
    }

    // Generators

    @Provide
    Arbitrary<String> settingsFiles() {
        Arbitrary<List<String>> prelude = line().list().ofMaxSize(3);
        Arbitrary<List<List<String>>> otherSections = Combinators.combine(
                        otherHeader(), line().list().ofMaxSize(5))
                .as((header, lines) -> {
                    List<String> section = new ArrayList<>();
                    section.add(header);
                    section.addAll(lines);
                    return section;
                })
                .list()
                .ofMaxSize(3);
        Arbitrary<List<String>> ourSection = Combinators.combine(
                        ourHeader(), ourSectionLine().list().ofMaxSize(8))
                .as((header, lines) -> {
                    List<String> section = new ArrayList<>();
                    section.add(header);
                    section.addAll(lines);
                    return section;
                });
        // -1 leaves our section out, which a third of the files get.
        Arbitrary<Integer> ourPosition = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(-1)),
                Tuple.of(2, Arbitraries.integers().between(0, 3)));
        Arbitrary<List<String>> endings =
                Arbitraries.of("\n", "\r\n", "\r").list().ofSize(64);
        Arbitrary<Boolean> finalEnding = Arbitraries.of(true, false);

        return Combinators.combine(prelude, otherSections, ourSection, ourPosition, endings, finalEnding)
                .as((start, others, ours, position, lineEndings, endsWithEnding) -> {
                    List<String> lines = new ArrayList<>(start);
                    for (int i = 0; i < others.size(); i++) {
                        if (i == position) {
                            lines.addAll(ours);
                        }
                        lines.addAll(others.get(i));
                    }
                    if (position >= others.size()) {
                        lines.addAll(ours);
                    }
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < lines.size(); i++) {
                        text.append(lines.get(i));
                        if (i < lines.size() - 1 || endsWithEnding) {
                            text.append(lineEndings.get(i % lineEndings.size()));
                        }
                    }
                    return text.toString();
                });
    }

    private static Arbitrary<String> space() {
        return Arbitraries.of("", " ", "  ", "\t");
    }

    private static Arbitrary<String> value() {
        Arbitrary<String> random =
                Arbitraries.strings().withChars("abcXYZ019-_/.#;=[] ").ofMaxLength(12);
        Arbitrary<String> ours = Arbitraries.of("Amazon", "Zip", "game-uploader", "my-game-liveupdate", "game/v1");
        return Arbitraries.oneOf(random, ours);
    }

    private static Arbitrary<String> property(Arbitrary<String> keys) {
        return Combinators.combine(space(), keys, space(), space(), value())
                .as((indent, key, beforeEquals, afterEquals, value) ->
                        indent + key + beforeEquals + "=" + afterEquals + value);
    }

    private static Arbitrary<String> ourKey() {
        return Arbitraries.of(
                "mode", "MODE", "Mode", "amazon-bucket", "Amazon-Bucket", "amazon-prefix", "amazon-credential-profile");
    }

    private static Arbitrary<String> otherKey() {
        return Arbitraries.of(
                "zip-filepath", "zip-filename", "output-directory", "supported-versions", "modes", "amazon-bucketx");
    }

    private static Arbitrary<String> line() {
        Arbitrary<String> comment = Combinators.combine(space(), Arbitraries.of("#", ";"), value())
                .as((indent, marker, text) -> indent + marker + text);
        Arbitrary<String> keyOnly = Combinators.combine(space(), Arbitraries.oneOf(ourKey(), otherKey()))
                .as((indent, key) -> indent + key);
        return Arbitraries.oneOf(property(otherKey()), property(ourKey()), comment, space(), keyOnly);
    }

    private static Arbitrary<String> ourSectionLine() {
        return Arbitraries.oneOf(line(), property(ourKey()), property(ourKey()));
    }

    private static Arbitrary<String> otherHeader() {
        return Combinators.combine(
                        space(), space(), Arbitraries.of("project", "display", "live update", "liveupdatex"), space())
                .as((indent, inner, name, after) -> indent + "[" + inner + name + inner + "]" + after);
    }

    private static Arbitrary<String> ourHeader() {
        return Combinators.combine(space(), space(), Arbitraries.of("liveupdate", "LiveUpdate", "LIVEUPDATE"))
                .as((indent, inner, name) -> indent + "[" + inner + name + inner + "]");
    }

    // An implementation of "our lines" written apart from the editor's, so the check is not circular.

    private static LiveUpdateSettingsEditor.Result edit(String content) {
        return new LiveUpdateSettingsEditor("generated").edit(content, VALUES);
    }

    private static List<String> lines(String content) {
        List<String> lines = new ArrayList<>();
        Matcher matcher = LINE.matcher(content);
        while (matcher.find()) {
            if (!matcher.group().isEmpty()) {
                lines.add(matcher.group());
            }
        }
        return lines;
    }

    private static String textOf(String line) {
        return line.replaceAll("[\r\n]+$", "");
    }

    /** Returns the section name of a header line, or null for other lines. */
    private static String headerName(String line) {
        String trimmed = textOf(line).strip().replace("\uFEFF", "");
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            return null;
        }
        return trimmed.substring(1, trimmed.length() - 1).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isOurKeyLine(String line) {
        String trimmed = textOf(line).strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
            return false;
        }
        int equals = trimmed.indexOf('=');
        String key =
                (equals < 0 ? trimmed : trimmed.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
        return OUR_KEYS.contains(key);
    }

    private static boolean hasOurSection(String content) {
        return lines(content).stream().anyMatch(line -> "liveupdate".equals(headerName(line)));
    }

    /**
     * Returns the lines that are not our keys in our section. With {@code dropAddedSection}, the header of our
     * section is dropped too, since the editor appended it.
     */
    private static List<String> otherLines(String content, boolean dropAddedSection) {
        List<String> all = lines(content);
        List<String> others = new ArrayList<>();
        String section = null;
        for (String line : all) {
            String header = headerName(line);
            if (header != null) {
                section = header;
                if (dropAddedSection && header.equals("liveupdate")) {
                    continue;
                }
                others.add(line);
            } else if (!("liveupdate".equals(section) && isOurKeyLine(line))) {
                others.add(line);
            }
        }
        return others;
    }
}

package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import io.github.liveupdate.credentials.ProfileSectionEditor.KeyChange;
import io.github.liveupdate.credentials.ProfileSectionEditor.Result;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Generated credentials and config files with other profiles, comments, blank lines, odd spacing and mixed
 * line endings, with or without a section for our profile. Every value is an obviously fake test value.
 */
class ProfileSectionEditorPropertyTest {

    private static final String PROFILE = "liveupdate";
    private static final String KEY_ID = "AKIAFAKE000000000042";
    private static final String SECRET = "fake-secret-for-property-tests/0042";
    private static final String REGION = "eu-west-1";

    private static final List<KeyChange> CREDENTIALS_CHANGES = List.of(
            KeyChange.set("aws_access_key_id", KEY_ID),
            KeyChange.set("aws_secret_access_key", SECRET),
            KeyChange.remove("aws_session_token", "test"),
            KeyChange.remove("aws_security_token", "test"),
            KeyChange.updateIfPresent("region", REGION));

    private static final List<KeyChange> CONFIG_CHANGES = List.of(
            KeyChange.set("region", REGION),
            KeyChange.remove("aws_session_token", "test"),
            KeyChange.remove("aws_security_token", "test"));

    private static final Pattern LINE = Pattern.compile("[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$");

    // Properties

    @Property(tries = 400)
    void credentialsKeepsBytesOutsideSection(@ForAll("credentialsFiles") String before) {
        Result result = edit(FileKind.CREDENTIALS, before);

        assertOutsideUnchanged(FileKind.CREDENTIALS, before, result.content());
    }

    @Property(tries = 400)
    void configKeepsBytesOutsideSection(@ForAll("configFiles") String before) {
        Result result = edit(FileKind.CONFIG, before);

        assertOutsideUnchanged(FileKind.CONFIG, before, result.content());
    }

    @Property(tries = 300)
    void credentialsKeepsSectionComments(@ForAll("credentialsFiles") String before) {
        Result result = edit(FileKind.CREDENTIALS, before);

        assertThat(isSubsequence(
                        keptLinesOfSection(FileKind.CREDENTIALS, before),
                        sectionLines(FileKind.CREDENTIALS, result.content())))
                .as("comments and unknown keys of the section stay in order")
                .isTrue();
    }

    @Property(tries = 300)
    void configKeepsSectionComments(@ForAll("configFiles") String before) {
        Result result = edit(FileKind.CONFIG, before);

        assertThat(isSubsequence(
                        keptLinesOfSection(FileKind.CONFIG, before), sectionLines(FileKind.CONFIG, result.content())))
                .as("comments and unknown keys of the section stay in order")
                .isTrue();
    }

    @Property(tries = 300)
    void credentialsEditIsIdempotent(@ForAll("credentialsFiles") String before) {
        String once = edit(FileKind.CREDENTIALS, before).content();

        Result twice = edit(FileKind.CREDENTIALS, once);

        assertThat(twice.content()).isEqualTo(once);
        assertThat(twice.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Property(tries = 300)
    void configEditIsIdempotent(@ForAll("configFiles") String before) {
        String once = edit(FileKind.CONFIG, before).content();

        Result twice = edit(FileKind.CONFIG, once);

        assertThat(twice.content()).isEqualTo(once);
        assertThat(twice.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Property(tries = 400)
    void credentialsSdkReadsResult(@ForAll("credentialsFiles") String before) {
        String after = edit(FileKind.CREDENTIALS, before).content();

        Map<String, Map<String, String>> old = sdkProfiles(before, ProfileFile.Type.CREDENTIALS);
        Map<String, Map<String, String>> now = sdkProfiles(after, ProfileFile.Type.CREDENTIALS);
        Map<String, String> ours = now.get(PROFILE);
        assertThat(ours).containsEntry("aws_access_key_id", KEY_ID);
        assertThat(ours.get("aws_secret_access_key")).as("secret read back").isEqualTo(SECRET);
        assertThat(ours).doesNotContainKeys("aws_session_token", "aws_security_token");
        assertUnknownKeysKept(old.getOrDefault(PROFILE, Map.of()), ours, CREDENTIALS_CHANGES);
        assertOtherProfilesUnchanged(old, now);
    }

    @Property(tries = 400)
    void configSdkReadsResult(@ForAll("configFiles") String before) {
        String after = edit(FileKind.CONFIG, before).content();

        Map<String, Map<String, String>> old = sdkProfiles(before, ProfileFile.Type.CONFIGURATION);
        Map<String, Map<String, String>> now = sdkProfiles(after, ProfileFile.Type.CONFIGURATION);
        Map<String, String> ours = now.get(PROFILE);
        assertThat(ours).containsEntry("region", REGION);
        assertThat(ours).doesNotContainKeys("aws_session_token", "aws_security_token");
        assertUnknownKeysKept(old.getOrDefault(PROFILE, Map.of()), ours, CONFIG_CHANGES);
        assertOtherProfilesUnchanged(old, now);
    }

    // Checks

    private static Result edit(FileKind kind, String content) {
        return new ProfileSectionEditor(kind, PROFILE, "generated")
                .edit(content, kind == FileKind.CONFIG ? CONFIG_CHANGES : CREDENTIALS_CHANGES);
    }

    private static void assertOutsideUnchanged(FileKind kind, String before, String after) {
        String outsideBefore = withoutSection(kind, before);
        String outsideAfter = withoutSection(kind, after);
        if (hasSection(kind, before)) {
            assertThat(outsideAfter).isEqualTo(outsideBefore);
        } else {
            // An appended section may add the missing final line ending and one blank line before it.
            assertThat(outsideAfter).startsWith(outsideBefore);
            assertThat(outsideAfter.substring(outsideBefore.length())).matches("(\r\n|\r|\n){0,2}");
        }
    }

    private static void assertUnknownKeysKept(
            Map<String, String> before, Map<String, String> after, List<KeyChange> changes) {
        assertThat(withoutChangedKeys(after, changes)).isEqualTo(withoutChangedKeys(before, changes));
    }

    /** Drops the changed keys and the sub-properties ("key.sub") that the SDK derives from their lines. */
    private static Map<String, String> withoutChangedKeys(Map<String, String> properties, List<KeyChange> changes) {
        Map<String, String> rest = new HashMap<>(properties);
        for (KeyChange change : changes) {
            rest.keySet().removeIf(key -> key.equals(change.key()) || key.startsWith(change.key() + "."));
        }
        return rest;
    }

    private static void assertOtherProfilesUnchanged(
            Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        Map<String, Map<String, String>> others = new HashMap<>(after);
        others.remove(PROFILE);
        Map<String, Map<String, String>> expected = new HashMap<>(before);
        expected.remove(PROFILE);
        assertThat(others).isEqualTo(expected);
    }

    private static Map<String, Map<String, String>> sdkProfiles(String content, ProfileFile.Type type) {
        Map<String, Profile> profiles = ProfileFile.builder()
                .content(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .type(type)
                .build()
                .profiles();
        Map<String, Map<String, String>> properties = new HashMap<>();
        profiles.forEach((name, profile) -> properties.put(name, profile.properties()));
        return properties;
    }

    // An implementation of "our section" written apart from the editor's, so the check is not circular.

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

    private static String text(String line) {
        return line.replaceAll("[\r\n]+$", "");
    }

    private static boolean isOurHeader(FileKind kind, String text) {
        String header = text.split("[#;]", 2)[0].trim();
        String name = header.substring(1, header.length() - 1).trim();
        if (kind == FileKind.CREDENTIALS) {
            return name.equals(PROFILE);
        }
        return name.matches("profile[ \t]+" + PROFILE);
    }

    private static boolean hasSection(FileKind kind, String content) {
        return lines(content).stream().map(l -> text(l)).anyMatch(t -> t.startsWith("[") && isOurHeader(kind, t));
    }

    private static String withoutSection(FileKind kind, String content) {
        StringBuilder outside = new StringBuilder();
        boolean inside = false;
        for (String line : lines(content)) {
            if (line.startsWith("[")) {
                inside = isOurHeader(kind, text(line));
            }
            if (!inside) {
                outside.append(line);
            }
        }
        return outside.toString();
    }

    private static List<String> sectionLines(FileKind kind, String content) {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : lines(content)) {
            if (line.startsWith("[")) {
                inside = isOurHeader(kind, text(line));
            } else if (inside) {
                section.add(text(line));
            }
        }
        return section;
    }

    /** Returns the comment and unknown-key lines of our section, which the edit must keep. */
    private static List<String> keptLinesOfSection(FileKind kind, String content) {
        List<KeyChange> changes = kind == FileKind.CONFIG ? CONFIG_CHANGES : CREDENTIALS_CHANGES;
        List<String> kept = new ArrayList<>();
        for (String text : sectionLines(kind, content)) {
            boolean comment = text.startsWith("#") || text.startsWith(";");
            boolean property = !text.isBlank() && !comment && !text.startsWith(" ") && !text.startsWith("\t");
            String key = property ? text.split("=", 2)[0].trim() : null;
            if (comment || (property && changes.stream().noneMatch(c -> c.key().equals(key)))) {
                kept.add(text);
            }
        }
        return kept;
    }

    private static boolean isSubsequence(List<String> expected, List<String> actual) {
        int next = 0;
        for (String line : actual) {
            if (next < expected.size() && expected.get(next).equals(line)) {
                next++;
            }
        }
        return next == expected.size();
    }

    // Generators

    @Provide
    Arbitrary<String> credentialsFiles() {
        return files(FileKind.CREDENTIALS);
    }

    @Provide
    Arbitrary<String> configFiles() {
        return files(FileKind.CONFIG);
    }

    private Arbitrary<String> files(FileKind kind) {
        Arbitrary<List<String>> preamble =
                Arbitraries.oneOf(comment(), blank()).list().ofMaxSize(3);
        Arbitrary<List<List<String>>> others = otherSection(kind).list().ofMaxSize(4);
        Arbitrary<Optional<List<String>>> ours = ourSection(kind).optional(0.7);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 4);
        Arbitrary<String> style = Arbitraries.of("\n", "\r\n", "mixed");
        Arbitrary<Boolean> finalEnding = Arbitraries.of(true, false);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(preamble, others, ours, position, style, finalEnding, seed)
                .as((pre, sections, section, at, lineEnding, endsWithNewline, random) -> {
                    List<String> all = new ArrayList<>(pre);
                    List<List<String>> ordered = new ArrayList<>(sections);
                    section.ifPresent(s -> ordered.add(Math.min(at, ordered.size()), s));
                    ordered.forEach(all::addAll);
                    return assemble(all, lineEnding, endsWithNewline, new Random(random));
                });
    }

    private static String assemble(List<String> lines, String style, boolean endsWithNewline, Random random) {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            content.append(lines.get(i));
            if (i < lines.size() - 1 || endsWithNewline) {
                content.append(
                        style.equals("mixed") ? List.of("\n", "\r\n", "\r").get(random.nextInt(3)) : style);
            }
        }
        return content.toString();
    }

    private Arbitrary<String> comment() {
        return Combinators.combine(
                        Arbitraries.of("#", ";"),
                        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20))
                .as((marker, text) -> marker + text);
    }

    private Arbitrary<String> blank() {
        return Arbitraries.of("", " ", "\t", "  \t ");
    }

    private Arbitrary<String> spacing() {
        return Arbitraries.of("", " ", "   ", "\t");
    }

    private Arbitrary<String> value() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('/', '+', '-', '.')
                .ofMaxLength(12);
    }

    private Arbitrary<String> trailingComment() {
        return Arbitraries.of("", " # note", "\t; note", " #");
    }

    private Arbitrary<String> propertyLine(Arbitrary<String> key, Arbitrary<String> value) {
        return Combinators.combine(key, spacing(), spacing(), value, trailingComment())
                .as((k, before, after, v, comment) -> k + before + "=" + after + v + comment);
    }

    /**
     * Generates a property and up to two continuation lines. The continuations are written as sub-properties,
     * so the SDK accepts them whatever the parent's value is.
     */
    private Arbitrary<List<String>> propertyBlock(Arbitrary<String> key, Arbitrary<String> value) {
        Arbitrary<List<String>> continuations = Combinators.combine(Arbitraries.of("  ", "\t", "    "), value)
                .as((indent, v) -> indent + "sub = " + v)
                .list()
                .ofMaxSize(2);
        return Combinators.combine(propertyLine(key, value), continuations).as((line, more) -> {
            List<String> block = new ArrayList<>();
            block.add(line);
            block.addAll(more);
            return block;
        });
    }

    private Arbitrary<String> otherKey() {
        return Arbitraries.of("output", "aws_access_key_id", "aws_secret_access_key", "region", "s3", "x_y", "mode");
    }

    private Arbitrary<List<String>> body(Arbitrary<List<String>> property) {
        return Arbitraries.oneOf(property, comment().map(List::of), blank().map(List::of))
                .list()
                .ofMaxSize(6)
                .map(parts -> parts.stream().flatMap(List::stream).toList());
    }

    private Arbitrary<String> header(Arbitrary<String> name) {
        return Combinators.combine(spacing(), name, spacing(), Arbitraries.of("", " # about it", ";x", "  "))
                .as((before, n, after, comment) -> "[" + before + n + after + "]" + comment);
    }

    private Arbitrary<List<String>> otherSection(FileKind kind) {
        Arbitrary<String> names = kind == FileKind.CREDENTIALS
                ? Arbitraries.of("default", "prod", "liveupdate2", "live", "dev-team", "a.b@c", "x:y+z")
                : Arbitraries.of(
                        "default",
                        "profile prod",
                        "profile\tliveupdate2",
                        "profile  live",
                        "liveupdate",
                        "sso-session corp",
                        "profile a.b@c");
        return Combinators.combine(header(names), body(propertyBlock(otherKey(), value())))
                .as(ProfileSectionEditorPropertyTest::section);
    }

    private Arbitrary<List<String>> ourSection(FileKind kind) {
        Arbitrary<String> name = kind == FileKind.CREDENTIALS
                ? Arbitraries.of(PROFILE)
                : Arbitraries.of("profile " + PROFILE, "profile\t" + PROFILE, "profile   " + PROFILE);
        Arbitrary<String> keys = Arbitraries.of(
                "aws_access_key_id",
                "aws_secret_access_key",
                "aws_session_token",
                "aws_security_token",
                "region",
                "output",
                "custom_key");
        Arbitrary<String> values =
                Arbitraries.oneOf(value(), Arbitraries.of(KEY_ID, SECRET, REGION, "old-fake-secret/0001", "us-east-2"));
        return Combinators.combine(header(name), body(propertyBlock(keys, values)))
                .as(ProfileSectionEditorPropertyTest::section);
    }

    private static List<String> section(String header, List<String> body) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(body);
        return lines;
    }
}

package io.github.liveupdate.credentials;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.credentials.ProfileFileLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sets keys in one profile's section of a shared credentials or config file, given as text, and leaves
 * every other byte as it was: other sections, comments, blank lines, their order and line endings.
 *
 * <p>Our section is edited in place. A key that is already there with the same value keeps its line
 * byte for byte. A key with another value gets its line replaced as {@code key = value} and loses its
 * continuation lines. A missing key is added after the section's last property. Keys that the
 * caller does not name, and comments inside the section, stay. When the profile has no section, one is
 * appended at the end, after a blank line unless the file already ends with one. New lines use the file's
 * first line ending (a line feed for a file without one), and a file that did not end with a line ending
 * still does not.
 *
 * <p>Input that would make the edit ambiguous is rejected with a {@link LiveUpdateException} that names
 * the line: two sections for the profile, a section header without {@code ]}, and in the credentials
 * file a {@code [profile NAME]} header for the profile. A byte order mark at the start is removed, with a
 * warning, because the AWS SDK for Java cannot read a file that starts with one.
 */
public final class ProfileSectionEditor {

    /** The profile that the AWS tools use when none is named. */
    public static final String DEFAULT_PROFILE = "default";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The kind of shared file that the text comes from. The two kinds name sections differently. */
    public enum FileKind {
        /** The shared credentials file: sections are {@code [NAME]}. */
        CREDENTIALS,
        /** The shared config file: sections are {@code [profile NAME]}, and {@code [default]}. */
        CONFIG
    }

    /** The action on one key of the section. */
    public enum Mode {
        /** Set the key, adding it if missing. */
        SET,
        /** Set the key only where the section already has it. */
        UPDATE_IF_PRESENT,
        /** Remove every line of the key. */
        REMOVE
    }

    /**
     * A change to one key.
     *
     * @param key the property name, such as {@code aws_access_key_id}
     * @param value the new value, or null for {@link Mode#REMOVE}
     * @param mode what to do
     * @param reason for {@link Mode#REMOVE}, why the key goes, for the note, and null otherwise
     */
    public record KeyChange(String key, String value, Mode mode, String reason) {

        public static KeyChange set(String key, String value) {
            return new KeyChange(key, Objects.requireNonNull(value), Mode.SET, null);
        }

        public static KeyChange updateIfPresent(String key, String value) {
            return new KeyChange(key, Objects.requireNonNull(value), Mode.UPDATE_IF_PRESENT, null);
        }

        public static KeyChange remove(String key, String reason) {
            return new KeyChange(key, null, Mode.REMOVE, reason);
        }

        @Override
        public String toString() {
            // The value may be a secret access key.
            return "KeyChange[" + key + ", " + mode + "]";
        }
    }

    /**
     * The edited text.
     *
     * @param content the new file content
     * @param outcome {@link Outcome#CREATED} if the profile had no section, {@link Outcome#UPDATED} if the
     *     content changed, {@link Outcome#UNCHANGED} otherwise
     * @param warnings repairs of the file that the user should know about, one sentence each
     * @param notes other things the edit did besides setting the keys, one sentence each
     */
    public record Result(String content, Outcome outcome, List<String> warnings, List<String> notes) {

        @Override
        public String toString() {
            // The content may contain a secret access key.
            return "Result[" + outcome + ", " + warnings + ", " + notes + "]";
        }
    }

    private final FileKind kind;
    private final String profile;
    private final String fileName;

    /**
     * @param kind which file the text comes from
     * @param profile the profile name, such as {@code liveupdate}
     * @param fileName the file's path, for messages
     */
    public ProfileSectionEditor(FileKind kind, String profile, String fileName) {
        this.kind = Objects.requireNonNull(kind);
        this.profile = Objects.requireNonNull(profile);
        this.fileName = Objects.requireNonNull(fileName);
    }

    /** Returns the section header that a new section for the profile gets, such as {@code [profile x]}. */
    public String newHeader() {
        if (kind == FileKind.CONFIG && !profile.equals(DEFAULT_PROFILE)) {
            return "[profile " + profile + "]";
        }
        return "[" + profile + "]";
    }

    /**
     * Applies the changes to the profile's section of {@code content}.
     *
     * @throws LiveUpdateException if a section header does not end with {@code ]}, the profile has two
     *     sections, or the credentials file has a {@code [profile NAME]} section for it
     */
    public Result edit(String content, List<KeyChange> changes) {
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String text = content;
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
            warnings.add("Removed the byte order mark (U+FEFF) at the start of " + fileName
                    + ": the AWS SDK for Java cannot read a file that starts with one.");
        }
        List<Line> lines = ProfileFileLines.split(text);
        int header = findSection(lines, notes);
        List<Line> edited = header < 0
                ? appendSection(lines, changes)
                : editSection(lines, header, sectionEnd(lines, header), changes, warnings, notes);
        keepMissingFinalLineEnding(lines, edited);
        String result = ProfileFileLines.join(edited);
        Outcome outcome;
        if (header < 0) {
            outcome = Outcome.CREATED;
        } else if (result.equals(content)) {
            outcome = Outcome.UNCHANGED;
        } else {
            outcome = Outcome.UPDATED;
        }
        return new Result(result, outcome, List.copyOf(warnings), List.copyOf(notes));
    }

    /**
     * Removes the profile's section from {@code content}: its header, its properties with their continuation
     * lines, and the comment and blank lines between them. Comment and blank lines after the section's last
     * property stay, because they usually describe the next section. A single blank line between the header
     * and a line that is not blank goes too, since {@link #edit} puts one there when it appends a section. So
     * removing a section that {@link #edit} appended gives the earlier content back, apart from a final line
     * ending that it added.
     *
     * @return the new content, with {@link Outcome#UPDATED} when the section was removed, or
     *     {@link Outcome#UNCHANGED} and the content as it was when the profile has no section
     * @throws LiveUpdateException for the input that {@link #edit} rejects
     */
    public Result removeSection(String content) {
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String text = content;
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
            warnings.add("Removed the byte order mark (U+FEFF) at the start of " + fileName
                    + ": the AWS SDK for Java cannot read a file that starts with one.");
        }
        List<Line> lines = ProfileFileLines.split(text);
        int header = findSection(lines, notes);
        if (header < 0) {
            return new Result(content, Outcome.UNCHANGED, List.of(), List.copyOf(notes));
        }
        List<Property> properties = Property.parse(lines, header + 1, sectionEnd(lines, header));
        int last = properties.isEmpty()
                ? header
                : properties.get(properties.size() - 1).lastIndex();
        // The blank line that edit() adds before an appended section follows a line that is not blank.
        boolean addedBlank = header > 1
                && lines.get(header - 1).isBlank()
                && !lines.get(header - 2).isBlank();
        int first = addedBlank ? header - 1 : header;

        List<Line> result = new ArrayList<>(lines.subList(0, first));
        result.addAll(lines.subList(last + 1, lines.size()));
        notes.add("Removed the section " + lines.get(header).text().trim() + " (lines "
                + lines.get(header).number() + " to " + lines.get(last).number() + ") from " + fileName + ".");
        return new Result(ProfileFileLines.join(result), Outcome.UPDATED, List.copyOf(warnings), List.copyOf(notes));
    }

    /** Returns the index of the profile's section header, or -1 if it has none. */
    private int findSection(List<Line> lines, List<String> notes) {
        List<Line> ours = new ArrayList<>();
        for (Line line : lines) {
            if (!line.isHeader()) {
                continue;
            }
            String name = line.headerName();
            if (name == null) {
                throw new LiveUpdateException("Line " + line.number() + " of " + fileName
                        + " starts with '[' but does not end with ']', so AWS tools cannot read the file."
                        + " Fix that section header and run again.");
            }
            if (isOurs(name)) {
                ours.add(line);
            } else {
                checkOtherSection(line, name, notes);
            }
        }
        if (ours.size() > 1) {
            String numbers =
                    ours.stream().map(line -> Integer.toString(line.number())).collect(Collectors.joining(", "));
            throw new LiveUpdateException("Profile '" + profile + "' has more than one section in " + fileName
                    + ", on lines " + numbers + ". AWS tools merge them, so it is unclear which one to change."
                    + " Merge them into one section and run again.");
        }
        return ours.isEmpty() ? -1 : lines.indexOf(ours.get(0));
    }

    private boolean isOurs(String headerName) {
        String prefixed = withoutProfilePrefix(headerName);
        if (kind == FileKind.CONFIG) {
            if (prefixed != null) {
                return prefixed.equals(profile);
            }
            return profile.equals(DEFAULT_PROFILE) && headerName.equals(DEFAULT_PROFILE);
        }
        return headerName.equals(profile);
    }

    private void checkOtherSection(Line line, String headerName, List<String> notes) {
        String prefixed = withoutProfilePrefix(headerName);
        if (kind == FileKind.CREDENTIALS && profile.equals(prefixed)) {
            throw new LiveUpdateException("Line " + line.number() + " of " + fileName + " has the section ["
                    + headerName + "]. That form belongs in the config file; in the credentials file the section of"
                    + " profile '" + profile + "' is [" + profile + "]. Rename the header to [" + profile
                    + "] or move the section to the config file, then run again.");
        }
        if (kind == FileKind.CONFIG && prefixed == null && headerName.equals(profile)) {
            notes.add("Line " + line.number() + " of " + fileName + " has the section [" + profile
                    + "], which AWS tools ignore in a config file (there it is [profile " + profile
                    + "]). It was left unchanged.");
        }
    }

    /** Returns the name after a {@code profile} prefix and whitespace, or null if there is no prefix. */
    private static String withoutProfilePrefix(String headerName) {
        if (headerName.startsWith("profile ") || headerName.startsWith("profile\t")) {
            return headerName.substring("profile".length()).trim();
        }
        return null;
    }

    private static int sectionEnd(List<Line> lines, int header) {
        for (int i = header + 1; i < lines.size(); i++) {
            if (lines.get(i).isHeader()) {
                return i;
            }
        }
        return lines.size();
    }

    private List<Line> appendSection(List<Line> lines, List<KeyChange> changes) {
        String ending = ProfileFileLines.lineEndingOf(lines);
        List<Line> result = new ArrayList<>(lines);
        if (!result.isEmpty()) {
            int last = result.size() - 1;
            Line lastLine = result.get(last);
            if (lastLine.ending().isEmpty()) {
                result.set(last, lastLine.withEnding(ending));
            }
            if (!lastLine.isBlank()) {
                result.add(new Line(0, "", ending));
            }
        }
        result.add(new Line(0, newHeader(), ending));
        for (KeyChange change : changes) {
            if (change.mode() == Mode.SET) {
                result.add(new Line(0, change.key() + " = " + change.value(), ending));
            }
        }
        return result;
    }

    private List<Line> editSection(
            List<Line> lines, int header, int end, List<KeyChange> changes, List<String> warnings, List<String> notes) {
        List<Property> properties = Property.parse(lines, header + 1, end);
        List<Line> replaced = new ArrayList<>(lines);
        boolean[] removed = new boolean[lines.size()];
        List<KeyChange> missing = new ArrayList<>();
        for (KeyChange change : changes) {
            List<Property> matches = properties.stream()
                    // Python's configparser, which the AWS CLI uses, reads key names in any case; the Java SDK
                    // only in lower case. Matching in any case keeps one line per key for both.
                    .filter(property -> change.key().equalsIgnoreCase(property.key))
                    .toList();
            if (matches.isEmpty()) {
                if (change.mode() == Mode.SET) {
                    missing.add(change);
                }
                continue;
            }
            if (change.mode() == Mode.REMOVE) {
                for (Property property : matches) {
                    property.markRemoved(removed);
                    notes.add("Removed " + change.key() + " (line " + property.line.number() + ") from profile '"
                            + profile + "' in " + fileName + ": " + change.reason() + ".");
                }
                continue;
            }
            Property first = matches.get(0);
            if (!change.value().equals(first.line.propertyValue())
                    || !change.key().equals(first.key)
                    || !first.continuations.isEmpty()) {
                replaced.set(first.index, new Line(0, change.key() + " = " + change.value(), first.line.ending()));
                first.markContinuationsRemoved(removed);
            }
            for (Property duplicate : matches.subList(1, matches.size())) {
                duplicate.markRemoved(removed);
                warnings.add("Removed a second " + change.key() + " line (line " + duplicate.line.number()
                        + ") from profile '" + profile + "' in " + fileName + ": AWS tools use only the last one.");
            }
        }
        int insertAfter = properties.isEmpty()
                ? header
                : properties.get(properties.size() - 1).lastIndex();
        List<Line> result = new ArrayList<>();
        String ending = ProfileFileLines.lineEndingOf(lines);
        for (int i = 0; i < replaced.size(); i++) {
            if (!removed[i]) {
                result.add(replaced.get(i));
            }
            if (i == insertAfter && !missing.isEmpty()) {
                addMissing(result, missing, ending);
            }
        }
        return result;
    }

    /** Adds the missing keys after the last line added so far, giving that line an ending if it has none. */
    private static void addMissing(List<Line> result, List<KeyChange> missing, String ending) {
        if (!result.isEmpty()) {
            int last = result.size() - 1;
            if (result.get(last).ending().isEmpty()) {
                result.set(last, result.get(last).withEnding(ending));
            }
        }
        for (KeyChange change : missing) {
            result.add(new Line(0, change.key() + " = " + change.value(), ending));
        }
    }

    /**
     * Removes the line ending of the new last line when the original content ended without one, so a file
     * without a final line ending keeps that form. Empty input gets a final line ending.
     */
    private static void keepMissingFinalLineEnding(List<Line> original, List<Line> edited) {
        if (original.isEmpty() || edited.isEmpty()) {
            return;
        }
        if (original.get(original.size() - 1).ending().isEmpty()) {
            int last = edited.size() - 1;
            edited.set(last, edited.get(last).withEnding(""));
        }
    }

    /** A property line of our section with its continuation lines, which the SDK appends to its value. */
    private static final class Property {

        final int index;
        final Line line;
        final String key;
        final List<Integer> continuations = new ArrayList<>();

        private Property(int index, Line line) {
            this.index = index;
            this.line = line;
            this.key = line.propertyKey();
        }

        /**
         * Parses the property lines between {@code start} and {@code end}. A continuation line belongs to the
         * property before it, even across blank and comment lines, as in the SDK.
         */
        static List<Property> parse(List<Line> lines, int start, int end) {
            List<Property> properties = new ArrayList<>();
            Property current = null;
            for (int i = start; i < end; i++) {
                Line line = lines.get(i);
                if (line.isProperty()) {
                    current = new Property(i, line);
                    properties.add(current);
                } else if (line.isContinuation() && current != null) {
                    current.continuations.add(i);
                }
            }
            return properties;
        }

        int lastIndex() {
            return continuations.isEmpty() ? index : continuations.get(continuations.size() - 1);
        }

        void markRemoved(boolean[] removed) {
            removed[index] = true;
            markContinuationsRemoved(removed);
        }

        void markContinuationsRemoved(boolean[] removed) {
            for (int continuation : continuations) {
                removed[continuation] = true;
            }
        }
    }
}

package io.github.liveupdate.defold;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.defold.SettingsLines.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sets keys in the {@code [liveupdate]} section of liveupdate.settings, given as text, and leaves every other
 * byte as it was: other keys, sections, comments, blank lines, their order and line endings.
 *
 * <p>A key that is already there with the same value keeps its line byte for byte. A key with another value
 * keeps its line up to the value, and only the value changes. When the section has the key more than once,
 * every line of it gets the value, because bob takes the last one and the editor may take another. A missing
 * key is added after the section's last key, as {@code key = value}, or {@code key=value} when the file's
 * first key is written without spaces. When the file has no {@code [liveupdate]} section, one is appended at
 * the end, after a blank line unless the file already ends with one. New lines use the file's first line
 * ending (a line feed for a file without one), and a file that did not end with a line ending still does not.
 * A new line that would end with a lone carriage return right before an empty line gets a CRLF, so that the
 * empty line stays.
 *
 * <p>Input that would make the edit ambiguous is rejected with a {@link LiveUpdateException} that names the
 * line: two {@code [liveupdate]} sections, or a section header without {@code ]}.
 */
public final class LiveUpdateSettingsEditor {

    /**
     * The edited text.
     *
     * @param content the new file content
     * @param changedKeys the keys whose lines were added or changed, in the order given to {@link #edit}
     */
    public record Result(String content, List<String> changedKeys) {

        /** Returns whether the content differs from the input. */
        public boolean changed() {
            return !changedKeys.isEmpty();
        }
    }

    private static final String HEADER = "[" + LiveUpdateSettings.SECTION + "]";

    private final String fileName;

    /** @param fileName the file's path, for messages */
    public LiveUpdateSettingsEditor(String fileName) {
        this.fileName = Objects.requireNonNull(fileName);
    }

    /**
     * Sets the keys to the values in the {@code [liveupdate]} section of {@code content}.
     *
     * @param values the values by lowercase key, in the order that new lines get, such as a {@link LinkedHashMap}
     * @throws LiveUpdateException if a value contains {@code =} or a line break, which bob cannot read, a section
     *     header lacks its {@code ]}, or the file has two {@code [liveupdate]} sections
     */
    public Result edit(String content, Map<String, String> values) {
        Map<String, String> checked = checkValues(values);
        List<Line> lines = SettingsLines.split(content);
        int header = findSection(lines);
        String ending = SettingsLines.lineEndingOf(lines);
        List<String> changedKeys = new ArrayList<>();

        List<Line> edited = new ArrayList<>(lines);
        if (header < 0) {
            appendSection(edited, checked, ending);
            changedKeys.addAll(checked.keySet());
        } else {
            editSection(edited, header, checked, ending, changedKeys);
        }
        keepFinalLineEnding(lines, edited, ending);
        keepBlankLinesAfterNewLines(edited);
        return new Result(SettingsLines.join(edited), List.copyOf(changedKeys));
    }

    private Map<String, String> checkValues(Map<String, String> values) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            String value = entry.getValue().strip();
            if (value.indexOf('=') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new LiveUpdateException("The value '" + value + "' for " + key + " in " + fileName
                        + " is invalid: bob cannot read a value that contains '=' or a line break."
                        + " Choose a value without them.");
            }
            checked.put(key, value);
        }
        return checked;
    }

    /** Returns the index of the {@code [liveupdate]} header, or -1 if the file has none. */
    private int findSection(List<Line> lines) {
        List<Line> ours = new ArrayList<>();
        for (Line line : lines) {
            if (line.isHeader()
                    && SettingsFile.requireSectionName(line, fileName).equals(LiveUpdateSettings.SECTION)) {
                ours.add(line);
            }
        }
        if (ours.size() > 1) {
            String numbers =
                    ours.stream().map(line -> Integer.toString(line.number())).collect(Collectors.joining(", "));
            throw new LiveUpdateException(fileName + " has more than one " + HEADER + " section, on lines " + numbers
                    + ", so it is unclear which one to change. Merge them into one section and run again.");
        }
        return ours.isEmpty() ? -1 : lines.indexOf(ours.get(0));
    }

    private void appendSection(List<Line> lines, Map<String, String> values, String ending) {
        if (!lines.isEmpty()) {
            int last = lines.size() - 1;
            Line lastLine = lines.get(last);
            if (lastLine.ending().isEmpty()) {
                lines.set(last, lastLine.withEnding(ending));
            }
            if (!lastLine.isBlank()) {
                // After a lone carriage return, a line feed would join it into one CRLF and lose the blank line.
                String blankEnding = lastLine.ending().equals("\r") ? "\r" : ending;
                lines.add(new Line(0, "", blankEnding));
            }
        }
        lines.add(new Line(0, HEADER, ending));
        String separator = separatorOf(lines);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            lines.add(new Line(0, newPropertyText(entry.getKey(), separator, entry.getValue()), ending));
        }
    }

    private void editSection(
            List<Line> lines, int header, Map<String, String> values, String ending, List<String> changedKeys) {
        String separator = separatorOf(lines);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            int end = sectionEnd(lines, header);
            boolean found = false;
            boolean changed = false;
            for (int i = header + 1; i < end; i++) {
                Line line = lines.get(i);
                if (!line.isProperty() || !line.key().equals(key)) {
                    continue;
                }
                found = true;
                if (!line.value().equals(value)) {
                    lines.set(i, line.withText(replaceValue(line.text(), value)));
                    changed = true;
                }
            }
            if (!found) {
                int after = lastPropertyIndex(lines, header, end);
                lines.add(after + 1, new Line(0, newPropertyText(key, separator, value), ending));
                changed = true;
            }
            if (changed) {
                changedKeys.add(key);
            }
        }
    }

    private static int sectionEnd(List<Line> lines, int header) {
        for (int i = header + 1; i < lines.size(); i++) {
            if (lines.get(i).isHeader()) {
                return i;
            }
        }
        return lines.size();
    }

    /** Returns the index of the section's last key line, or the header's index if the section has no key. */
    private static int lastPropertyIndex(List<Line> lines, int header, int end) {
        int last = header;
        for (int i = header + 1; i < end; i++) {
            if (lines.get(i).isProperty()) {
                last = i;
            }
        }
        return last;
    }

    /** Returns {@code " = "}, or {@code "="} when the file's first key line has no space before its {@code =}. */
    private static String separatorOf(List<Line> lines) {
        for (Line line : lines) {
            if (!line.isProperty()) {
                continue;
            }
            String text = line.trimmed();
            int equals = text.indexOf('=');
            if (equals > 0) {
                return Character.isWhitespace(text.charAt(equals - 1)) ? " = " : "=";
            }
        }
        return " = ";
    }

    private static String newPropertyText(String key, String separator, String value) {
        return (key + separator + value).stripTrailing();
    }

    /** Returns the line with the text after its {@code =} and the spaces that follow it replaced by the value. */
    private static String replaceValue(String text, String value) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            return (text.stripTrailing() + " = " + value).stripTrailing();
        }
        int valueStart = equals + 1;
        while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
            valueStart++;
        }
        String beforeValue = text.substring(0, valueStart);
        if (valueStart == equals + 1 && !value.isEmpty() && equals > 0 && text.charAt(equals - 1) == ' ') {
            beforeValue = beforeValue + " ";
        }
        return (beforeValue + value).stripTrailing();
    }

    /**
     * Gives a new line that ends with a lone carriage return a CRLF instead when an empty line with a line feed
     * follows it. Otherwise the two would join into one CRLF, and the empty line would be lost.
     */
    private static void keepBlankLinesAfterNewLines(List<Line> lines) {
        for (int i = 0; i < lines.size() - 1; i++) {
            Line line = lines.get(i);
            Line next = lines.get(i + 1);
            boolean isNew = line.number() == 0;
            if (isNew
                    && line.ending().equals("\r")
                    && next.text().isEmpty()
                    && next.ending().startsWith("\n")) {
                lines.set(i, line.withEnding("\r\n"));
            }
        }
    }

    /**
     * Makes every line but the last end with a line ending, and the last end without one if the input's last
     * line had none, so that a file without a final line ending keeps that form.
     */
    private static void keepFinalLineEnding(List<Line> original, List<Line> edited, String ending) {
        boolean endedWithoutEnding = !original.isEmpty()
                && original.get(original.size() - 1).ending().isEmpty();
        for (int i = 0; i < edited.size() - 1; i++) {
            Line line = edited.get(i);
            if (line.ending().isEmpty()) {
                edited.set(i, line.withEnding(ending));
            }
        }
        if (endedWithoutEnding && !edited.isEmpty()) {
            int last = edited.size() - 1;
            edited.set(last, edited.get(last).withEnding(""));
        }
    }
}

package io.github.liveupdate.defold;

import io.github.liveupdate.core.TextLines;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a Defold settings file, such as game.project or liveupdate.settings, classified the way bob
 * reads liveupdate.settings ({@code com.dynamo.bob.archive.publisher.PublisherSettings} in Defold's source):
 * each line is trimmed first, a line that starts with {@code [} and ends with {@code ]} is a section header, and
 * any other non-blank line is {@code key = value}, split at the first {@code =}. Section names and keys are
 * compared in lowercase, and values are trimmed. Unlike bob, this class also reads lines that start with
 * {@code #} or {@code ;} as comments.
 */
final class SettingsLines {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SettingsLines() {}

    /**
     * One line of the file.
     *
     * @param number the 1-based line number
     * @param text the line without its line ending
     * @param ending the line ending as found: {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or empty for a last
     *     line that has none
     */
    record Line(int number, String text, String ending) implements TextLines.Line {

        /** Returns the text without a byte order mark and without surrounding whitespace. */
        String trimmed() {
            String value = text.strip();
            if (!value.isEmpty() && value.charAt(0) == BYTE_ORDER_MARK) {
                value = value.substring(1).strip();
            }
            return value;
        }

        boolean isBlank() {
            return trimmed().isEmpty();
        }

        boolean isComment() {
            String value = trimmed();
            return value.startsWith("#") || value.startsWith(";");
        }

        boolean isHeader() {
            return trimmed().startsWith("[");
        }

        boolean isProperty() {
            return !isBlank() && !isComment() && !isHeader();
        }

        /** Returns the lowercase section name between the brackets, or null if the header lacks its {@code ]}. */
        String sectionName() {
            String value = trimmed();
            if (!value.startsWith("[") || !value.endsWith("]") || value.length() < 2) {
                return null;
            }
            return value.substring(1, value.length() - 1).strip().toLowerCase(Locale.ROOT);
        }

        /** Returns the lowercase key of a property line. */
        String key() {
            String value = trimmed();
            int equals = value.indexOf('=');
            String key = equals < 0 ? value : value.substring(0, equals);
            return key.strip().toLowerCase(Locale.ROOT);
        }

        /** Returns the trimmed value of a property line, or an empty string when the line has no {@code =}. */
        String value() {
            String value = trimmed();
            int equals = value.indexOf('=');
            return equals < 0 ? "" : value.substring(equals + 1).strip();
        }

        Line withText(String newText) {
            return new Line(number, newText, ending);
        }

        Line withEnding(String newEnding) {
            return new Line(number, text, newEnding);
        }
    }

    /** Splits text into lines; joining the texts and endings gives the input back. */
    static List<Line> split(String content) {
        return TextLines.split(content, Line::new);
    }

    /** Joins lines back into text. */
    static String join(List<Line> lines) {
        return TextLines.join(lines);
    }

    /** Returns the first line ending of the lines, or {@code "\n"} when they have none. */
    static String lineEndingOf(List<Line> lines) {
        return TextLines.lineEndingOf(lines);
    }
}

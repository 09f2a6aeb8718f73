package io.github.liveupdate.credentials;

import io.github.liveupdate.core.TextLines;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of a shared credentials or config file, classified the way the AWS SDK for Java 2.x reads them
 * ({@code software.amazon.awssdk.profiles.internal.ProfileFileReader} in SDK 2.59.1): a line is blank if it
 * contains only spaces and tabs, a comment if it starts with {@code #} or {@code ;}, a section header if it
 * starts with {@code [}, a continuation of the previous property if it starts with a space or tab, and a
 * property otherwise. Leading whitespace matters: an indented comment is a continuation, not a comment.
 */
final class ProfileFileLines {

    private static final Pattern BLANK = Pattern.compile("[\t ]*");

    /** The comment markers that end a property's value, since the SDK needs whitespace before them. */
    private static final String[] PROPERTY_COMMENT_MARKERS = {" #", " ;", "\t#", "\t;"};

    private ProfileFileLines() {}

    /**
     * One line of the file.
     *
     * @param number the 1-based line number
     * @param text the line without its line ending
     * @param ending the line ending as found: {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or empty for a last
     *     line that has none
     */
    record Line(int number, String text, String ending) implements TextLines.Line {

        boolean isBlank() {
            return BLANK.matcher(text).matches();
        }

        boolean isComment() {
            return text.startsWith("#") || text.startsWith(";");
        }

        boolean isHeader() {
            return !isBlank() && !isComment() && text.startsWith("[");
        }

        boolean isContinuation() {
            return !isBlank() && (text.startsWith(" ") || text.startsWith("\t"));
        }

        boolean isProperty() {
            return !isBlank() && !isComment() && !isHeader() && !isContinuation();
        }

        /** Returns the property's key as the SDK reads it, or null if the line has no {@code =}. */
        String propertyKey() {
            String definition = propertyDefinition();
            int equals = definition.indexOf('=');
            return equals < 0 ? null : definition.substring(0, equals).trim();
        }

        /** Returns the property's value as the SDK reads it: trailing comment removed, then trimmed. */
        String propertyValue() {
            String definition = propertyDefinition();
            int equals = definition.indexOf('=');
            return equals < 0 ? null : definition.substring(equals + 1).trim();
        }

        private String propertyDefinition() {
            int end = text.length();
            for (String marker : PROPERTY_COMMENT_MARKERS) {
                int index = text.indexOf(marker);
                if (index >= 0 && index < end) {
                    end = index;
                }
            }
            return text.substring(0, end).trim();
        }

        /**
         * Returns the text between the brackets of a section header, trimmed, with a trailing comment
         * removed, or null if the header does not end with {@code ]}. As in the SDK, a comment after a header
         * starts at the first {@code #} or {@code ;}, with or without whitespace before it.
         */
        String headerName() {
            int end = text.length();
            int hash = text.indexOf('#');
            int semicolon = text.indexOf(';');
            if (hash >= 0) {
                end = hash;
            }
            if (semicolon >= 0 && semicolon < end) {
                end = semicolon;
            }
            String header = text.substring(0, end).trim();
            if (!header.endsWith("]") || header.length() < 2) {
                return null;
            }
            return header.substring(1, header.length() - 1).trim();
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

package io.github.liveupdate.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Line splitting that keeps each line's ending, so an edited file joins back with every line it did not
 * change byte for byte the same.
 */
public final class TextLines {

    private TextLines() {}

    /** A line's text without its line ending, and the ending as found. */
    public interface Line {

        /** Returns the line without its line ending. */
        String text();

        /** Returns {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or empty for a last line that has none. */
        String ending();
    }

    /** Makes a line of the caller's type from its 1-based number, its text and its ending. */
    @FunctionalInterface
    public interface LineFactory<L extends Line> {
        L create(int number, String text, String ending);
    }

    /**
     * Splits text into lines. Like {@link java.io.BufferedReader#readLine()}, it ends a line at {@code \n},
     * {@code \r\n} or a lone {@code \r}. Joining the texts and endings gives the input back.
     */
    public static <L extends Line> List<L> split(String content, LineFactory<L> factory) {
        List<L> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        int length = content.length();
        for (int i = 0; i < length; i++) {
            char c = content.charAt(i);
            if (c != '\n' && c != '\r') {
                continue;
            }
            String ending = c == '\r' && i + 1 < length && content.charAt(i + 1) == '\n' ? "\r\n" : String.valueOf(c);
            lines.add(factory.create(number++, content.substring(start, i), ending));
            i += ending.length() - 1;
            start = i + 1;
        }
        if (start < length) {
            lines.add(factory.create(number, content.substring(start), ""));
        }
        return lines;
    }

    /** Joins lines back into text. */
    public static String join(List<? extends Line> lines) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.text()).append(line.ending());
        }
        return text.toString();
    }

    /** Returns the first line ending of the lines, or {@code "\n"} when they have none. */
    public static String lineEndingOf(List<? extends Line> lines) {
        for (Line line : lines) {
            if (!line.ending().isEmpty()) {
                return line.ending();
            }
        }
        return "\n";
    }
}

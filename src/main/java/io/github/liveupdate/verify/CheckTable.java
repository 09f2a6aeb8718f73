package io.github.liveupdate.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders checks as a plain-text table with one line per check, the columns padded to the longest value, and
 * below it one line per failed check with its fix.
 */
public final class CheckTable {

    private static final String[] HEADINGS = {"#", "Check", "Result", "Detail"};

    private CheckTable() {}

    /** Returns the table's lines, without line separators. */
    public static List<String> render(List<Check> checks) {
        int numberWidth =
                Math.max(HEADINGS[0].length(), Integer.toString(checks.size()).length());
        int nameWidth = HEADINGS[1].length();
        int statusWidth = HEADINGS[2].length();
        for (Check check : checks) {
            nameWidth = Math.max(nameWidth, check.name().length());
            statusWidth = Math.max(statusWidth, check.status().name().length());
        }

        List<String> lines = new ArrayList<>();
        lines.add(row(numberWidth, nameWidth, statusWidth, HEADINGS[0], HEADINGS[1], HEADINGS[2], HEADINGS[3]));
        lines.add(row(
                numberWidth,
                nameWidth,
                statusWidth,
                "-".repeat(numberWidth),
                "-".repeat(nameWidth),
                "-".repeat(statusWidth),
                "-".repeat(HEADINGS[3].length())));
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            lines.add(row(
                    numberWidth,
                    nameWidth,
                    statusWidth,
                    Integer.toString(i + 1),
                    check.name(),
                    check.status().name(),
                    check.detail()));
        }
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            if (check.failed()) {
                lines.add("Fix for " + (i + 1) + " (" + check.name() + "): " + check.fix());
            }
        }
        return lines;
    }

    private static String row(
            int numberWidth, int nameWidth, int statusWidth, String number, String name, String status, String detail) {
        String padded = pad(number, numberWidth) + "  " + pad(name, nameWidth) + "  " + pad(status, statusWidth) + "  "
                + detail;
        return padded.stripTrailing();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}

package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import java.text.Normalizer;

/**
 * Checks the names of the files in a source before they become object keys. Live update content is flat,
 * so a name is one path segment: no folder, no absolute path, no {@code ..}, no backslash. Names are
 * returned in Unicode NFC, so a file name that macOS stores decomposed gets the same key on every system.
 */
public final class EntryNames {

    private EntryNames() {}

    /**
     * Returns the name in NFC form.
     *
     * @param name the zip entry name or file name as the source stores it
     * @param source the zip or folder, for the error message
     * @throws LiveUpdateException if the name is empty, absolute, contains a backslash, a {@code ..} segment, a
     *     control character or a folder
     */
    public static String check(String name, String source) {
        if (name.isEmpty()) {
            throw rejected(name, source, "it is empty");
        }
        if (name.startsWith("/") || isDrivePath(name)) {
            throw rejected(name, source, "it is an absolute path");
        }
        if (name.indexOf('\\') >= 0) {
            throw rejected(name, source, "it contains a backslash");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                throw rejected(name, source, "it contains a '..' segment, which points outside the source");
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw rejected(name, source, "it contains a control character");
            }
        }
        if (name.indexOf('/') >= 0) {
            throw rejected(
                    name,
                    source,
                    "it is inside a folder, but bob writes Live update content flat. Point <source> at the zip"
                            + " or folder that bob wrote");
        }
        if (name.equals(".")) {
            throw rejected(name, source, "it is '.'");
        }
        return Normalizer.isNormalized(name, Normalizer.Form.NFC)
                ? name
                : Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    private static boolean isDrivePath(String name) {
        return name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0));
    }

    private static LiveUpdateException rejected(String name, String source, String reason) {
        return new LiveUpdateException("Entry '" + printable(name) + "' in " + source + " is rejected: " + reason
                + ". Use the Live update content exactly as bob wrote it.");
    }

    /** Returns the name with control characters shown as \\uXXXX, so the message prints on one line. */
    private static String printable(String name) {
        StringBuilder text = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}

package io.github.liveupdate.defold;

import io.github.liveupdate.core.FileErrors;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.defold.SettingsLines.Line;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a Defold settings file, such as game.project or liveupdate.settings, by section and key, read
 * with the rules of {@link SettingsLines}. When a key appears twice in a section, the later value counts, as
 * in bob.
 */
final class SettingsFile {

    /**
     * One value and where it is.
     *
     * @param text the trimmed value, possibly empty
     * @param line the 1-based line number
     */
    record Value(String text, int line) {}

    private final String fileName;
    private final Map<String, Map<String, Value>> sections;

    private SettingsFile(String fileName, Map<String, Map<String, Value>> sections) {
        this.fileName = fileName;
        this.sections = sections;
    }

    /**
     * Parses the content of a settings file.
     *
     * @param fileName the file's path, for messages
     * @throws LiveUpdateException if a line starts with {@code [} but does not end with {@code ]}
     */
    static SettingsFile parse(String content, String fileName) {
        Map<String, Map<String, Value>> sections = new HashMap<>();
        Map<String, Value> current = null;
        for (Line line : SettingsLines.split(content)) {
            if (line.isHeader()) {
                current = sections.computeIfAbsent(requireSectionName(line, fileName), name -> new HashMap<>());
            } else if (line.isProperty() && current != null) {
                current.put(line.key(), new Value(line.value(), line.number()));
            }
        }
        return new SettingsFile(fileName, sections);
    }

    /**
     * Reads and parses a settings file in UTF-8.
     *
     * @throws LiveUpdateException if the file cannot be read, is not UTF-8 or has an invalid section header
     */
    static SettingsFile read(Path file) {
        return parse(readText(file), file.toString());
    }

    /** Returns the file's content, decoded as UTF-8. */
    static String readText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LiveUpdateException("Cannot read " + file + ": " + FileErrors.describe(e) + ".", e);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LiveUpdateException(
                    file + " is not valid UTF-8, the encoding that Defold writes. Save it as UTF-8 and run again.", e);
        }
    }

    /**
     * Returns the section name of a header line.
     *
     * @throws LiveUpdateException if the header lacks its closing bracket
     */
    static String requireSectionName(Line line, String fileName) {
        String name = line.sectionName();
        if (name == null) {
            throw new LiveUpdateException("Line " + line.number() + " of " + fileName
                    + " starts with '[' but does not end with ']', so Defold cannot read the file."
                    + " Fix that section header and run again.");
        }
        return name;
    }

    String fileName() {
        return fileName;
    }

    /** Returns the value of a key, whatever its case, in a section, or empty if the section lacks the key. */
    Optional<Value> value(String section, String key) {
        Map<String, Value> values = sections.get(section.toLowerCase(Locale.ROOT));
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
    }

    /** Returns the value of a key as {@link #value} does, or empty when the value is empty too. */
    Optional<Value> nonEmptyValue(String section, String key) {
        return value(section, key).filter(value -> !value.text().isEmpty());
    }
}

package io.github.liveupdate.credentials;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/** Reads the shared files as text and parses them with the AWS SDK's own profile parser. */
final class ProfileFiles {

    private ProfileFiles() {}

    /**
     * Returns the file's content, or an empty string if it does not exist.
     *
     * @param parameter the parameter that sets the file, such as {@code <credentialsFile>
     *     (-Dliveupdate.credentialsFile)}, for the message that names the fix
     * @throws LiveUpdateException if the path is a folder, the file cannot be read, or it is not UTF-8
     */
    static String read(Path file, String parameter) {
        if (Files.isDirectory(file)) {
            throw new LiveUpdateException(
                    file + " is a folder, not a file. Set " + parameter + " to the path of the file itself.");
        }
        if (!Files.exists(file)) {
            return "";
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LiveUpdateException(
                    "Cannot read " + file + ": " + PrivateFiles.describe(e)
                            + ". Give your user read and write access to it (for example chmod 600), or set "
                            + parameter + " to another file.",
                    e);
        }
        return decode(bytes, file);
    }

    /** Decodes UTF-8 strictly, so that no byte is replaced and written back changed. */
    static String decode(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new LiveUpdateException(file + " is not valid UTF-8 text: the byte at offset " + in.position()
                    + " cannot be decoded. AWS tools read these files as UTF-8; save the file as UTF-8 and run again.");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * Parses content with the SDK's parser.
     *
     * @throws LiveUpdateException naming the file and the SDK's reason (which names the line) if the SDK
     *     cannot read it
     */
    static ProfileFile parse(String content, FileKind kind, Path file) {
        try {
            return ProfileFile.builder()
                    .content(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                    .type(kind == FileKind.CONFIG ? ProfileFile.Type.CONFIGURATION : ProfileFile.Type.CREDENTIALS)
                    .build();
        } catch (RuntimeException e) {
            throw new LiveUpdateException(
                    "AWS tools cannot read " + file + ": " + e.getMessage() + ". Fix the file and run again.", e);
        }
    }

    /**
     * Returns the profile merged from both files the way {@code ProfileFile.defaultProfileFile()} merges
     * them in SDK 2.59.1: the credentials file is added first, and where both files set a key the aggregator
     * keeps the value from the file added first.
     */
    static Optional<Profile> merged(ProfileFile config, ProfileFile credentials, String profile) {
        return ProfileFile.aggregator()
                .addFile(credentials)
                .addFile(config)
                .build()
                .profile(profile);
    }

    /** Returns the profile's properties, or an empty map when the profile is missing. */
    static Map<String, String> properties(Optional<Profile> profile) {
        return profile.map(Profile::properties).orElse(Map.of());
    }
}

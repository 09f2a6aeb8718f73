package io.github.liveupdate.defold;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.defold.ProtobufReader.ProtobufFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the resource list of a Defold Live update manifest ({@code liveupdate.game.dmanifest}), a protobuf
 * message. Only these fields are read, and every other field is skipped:
 *
 * <pre>
 * ManifestFile  { bytes data = 1; }                 // a serialized ManifestData
 * ManifestData  { repeated ResourceEntry resources = 3; }
 * ResourceEntry { string url = 1; HashDigest hash = 3; uint32 flags = 5; }
 * HashDigest    { bytes data = 1; }
 * </pre>
 */
public final class ManifestReader {

    private static final int MANIFEST_FILE_DATA = 1;
    private static final int MANIFEST_DATA_RESOURCES = 3;
    private static final int RESOURCE_URL = 1;
    private static final int RESOURCE_HASH = 3;
    private static final int RESOURCE_FLAGS = 5;
    private static final int HASH_DIGEST_DATA = 1;

    private ManifestReader() {}

    /**
     * Parses a manifest.
     *
     * @param bytes the manifest file's content
     * @param origin where the bytes came from, for the error message
     * @throws LiveUpdateException if the bytes are not a valid manifest, or an excluded resource has no hash
     */
    public static Manifest read(byte[] bytes, String origin) {
        try {
            List<ResourceEntry> resources = new ArrayList<>();
            ProtobufReader file = new ProtobufReader(bytes);
            boolean hasData = false;
            while (file.hasMore()) {
                int tag = file.readTag();
                if (ProtobufReader.fieldNumber(tag) == MANIFEST_FILE_DATA
                        && ProtobufReader.wireType(tag) == ProtobufReader.LENGTH_DELIMITED) {
                    readData(file.readMessage(), resources);
                    hasData = true;
                } else {
                    file.skip(tag);
                }
            }
            if (!hasData) {
                // An empty file is valid protobuf, but bob always writes the data field: this is a cut file.
                throw new LiveUpdateException("Manifest " + origin + " is not a valid Defold manifest: it has no"
                        + " manifest data (" + bytes.length + " bytes). Use the " + ResourceNames.MANIFEST
                        + " that bob wrote with --liveupdate yes, unmodified.");
            }
            for (ResourceEntry resource : resources) {
                if (resource.excluded() && resource.hash().isEmpty()) {
                    throw new LiveUpdateException("Manifest " + origin + " is invalid: the Live update resource '"
                            + resource.url() + "' has no hash. Rebuild the content with bob.");
                }
            }
            return new Manifest(resources);
        } catch (ProtobufFormatException e) {
            throw new LiveUpdateException("Manifest " + origin + " is not a valid Defold manifest: "
                    + e.getMessage() + ". Use the " + ResourceNames.MANIFEST
                    + " that bob wrote with --liveupdate yes, unmodified.");
        }
    }

    private static void readData(ProtobufReader data, List<ResourceEntry> resources) {
        while (data.hasMore()) {
            int tag = data.readTag();
            if (ProtobufReader.fieldNumber(tag) == MANIFEST_DATA_RESOURCES
                    && ProtobufReader.wireType(tag) == ProtobufReader.LENGTH_DELIMITED) {
                resources.add(readResource(data.readMessage()));
            } else {
                data.skip(tag);
            }
        }
    }

    private static ResourceEntry readResource(ProtobufReader entry) {
        String url = "";
        String hash = "";
        int flags = 0;
        while (entry.hasMore()) {
            int tag = entry.readTag();
            int field = ProtobufReader.fieldNumber(tag);
            int wireType = ProtobufReader.wireType(tag);
            if (field == RESOURCE_URL && wireType == ProtobufReader.LENGTH_DELIMITED) {
                url = entry.readString();
            } else if (field == RESOURCE_HASH && wireType == ProtobufReader.LENGTH_DELIMITED) {
                hash = readHashDigest(entry.readMessage());
            } else if (field == RESOURCE_FLAGS && wireType == ProtobufReader.VARINT) {
                flags = (int) entry.readVarint();
            } else {
                entry.skip(tag);
            }
        }
        return new ResourceEntry(url, hash, flags);
    }

    private static String readHashDigest(ProtobufReader digest) {
        String hex = "";
        while (digest.hasMore()) {
            int tag = digest.readTag();
            if (ProtobufReader.fieldNumber(tag) == HASH_DIGEST_DATA
                    && ProtobufReader.wireType(tag) == ProtobufReader.LENGTH_DELIMITED) {
                hex = ResourceNames.hex(digest.readBytes());
            } else {
                digest.skip(tag);
            }
        }
        return hex;
    }
}

package io.github.liveupdate.defold;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format from a byte array: tags, varints, fixed-width values and length-delimited
 * fields. A nested message is read by a new reader over its range of the same array, so nothing is copied.
 * Fields the caller does not know are skipped by {@link #skip}, whatever their wire type.
 */
final class ProtobufReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int START_GROUP = 3;
    static final int END_GROUP = 4;
    static final int FIXED32 = 5;

    /** The deepest nesting of groups that {@link #skip} follows, so a hostile input cannot exhaust the stack. */
    private static final int MAX_GROUP_DEPTH = 64;

    private final byte[] buffer;
    private final int limit;
    private int position;

    ProtobufReader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    private ProtobufReader(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    boolean hasMore() {
        return position < limit;
    }

    /** Reads the next tag: the field number shifted left by three bits, or'ed with the wire type. */
    int readTag() {
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > 0xFFFF_FFFFL) {
            throw new ProtobufFormatException("invalid tag " + tag, position);
        }
        return (int) tag;
    }

    static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw new ProtobufFormatException("truncated varint", position);
            }
            byte b = buffer[position++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ProtobufFormatException("varint longer than 10 bytes", position);
    }

    byte[] readBytes() {
        int length = readLength();
        byte[] bytes = new byte[length];
        System.arraycopy(buffer, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    String readString() {
        int length = readLength();
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Reads a length-delimited field as an embedded message. */
    ProtobufReader readMessage() {
        int length = readLength();
        ProtobufReader message = new ProtobufReader(buffer, position, length);
        position += length;
        return message;
    }

    /** Skips the value of a field whose tag was just read. */
    void skip(int tag) {
        skip(tag, 0);
    }

    private void skip(int tag, int depth) {
        switch (wireType(tag)) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(readLength());
            case FIXED32 -> advance(4);
            case START_GROUP -> skipGroup(fieldNumber(tag), depth + 1);
            case END_GROUP -> throw new ProtobufFormatException("end of group without a start", position);
            default -> throw new ProtobufFormatException("unknown wire type " + wireType(tag), position);
        }
    }

    private void skipGroup(int fieldNumber, int depth) {
        if (depth > MAX_GROUP_DEPTH) {
            throw new ProtobufFormatException("groups nested deeper than " + MAX_GROUP_DEPTH, position);
        }
        while (true) {
            if (!hasMore()) {
                throw new ProtobufFormatException("group " + fieldNumber + " is not closed", position);
            }
            int tag = readTag();
            if (wireType(tag) == END_GROUP) {
                if (fieldNumber(tag) != fieldNumber) {
                    throw new ProtobufFormatException(
                            "group " + fieldNumber + " closed as group " + fieldNumber(tag), position);
                }
                return;
            }
            skip(tag, depth);
        }
    }

    private int readLength() {
        long length = readVarint();
        if (length < 0 || length > limit - position) {
            throw new ProtobufFormatException(
                    "length " + length + " runs past the end of the data (" + (limit - position) + " bytes left)",
                    position);
        }
        return (int) length;
    }

    private void advance(int count) {
        if (count > limit - position) {
            throw new ProtobufFormatException("field runs past the end of the data", position);
        }
        position += count;
    }

    /** Malformed protobuf data, with the byte offset where reading failed. */
    static final class ProtobufFormatException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ProtobufFormatException(String reason, int offset) {
            super(reason + " at byte " + offset);
        }
    }
}

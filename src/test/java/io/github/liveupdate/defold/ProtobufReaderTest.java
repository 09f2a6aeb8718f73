package io.github.liveupdate.defold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.defold.ProtobufReader.ProtobufFormatException;
import java.io.ByteArrayOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ProtobufReaderTest {

    @Property
    void readsBackAnyVarint(@ForAll long value) {
        ProtobufReader reader = new ProtobufReader(varint(value));

        assertThat(reader.readVarint()).isEqualTo(value);
        assertThat(reader.hasMore()).isFalse();
    }

    @Test
    void readsMultiByteVarint() {
        ProtobufReader reader = new ProtobufReader(new byte[] {(byte) 0xAC, 0x02});

        assertThat(reader.readVarint()).isEqualTo(300);
    }

    @Test
    void skipsEveryWireType() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, varint(tag(1, ProtobufReader.VARINT)), varint(150));
        write(out, varint(tag(2, ProtobufReader.FIXED64)), new byte[8]);
        write(out, varint(tag(3, ProtobufReader.LENGTH_DELIMITED)), varint(3), new byte[] {1, 2, 3});
        write(out, varint(tag(4, ProtobufReader.FIXED32)), new byte[4]);
        write(out, varint(tag(5, ProtobufReader.START_GROUP)));
        write(out, varint(tag(6, ProtobufReader.VARINT)), varint(7));
        write(out, varint(tag(7, ProtobufReader.START_GROUP)), varint(tag(7, ProtobufReader.END_GROUP)));
        write(out, varint(tag(5, ProtobufReader.END_GROUP)));
        write(out, varint(tag(9, ProtobufReader.VARINT)), varint(42));
        ProtobufReader reader = new ProtobufReader(out.toByteArray());

        for (int skipped = 0; skipped < 5; skipped++) {
            reader.skip(reader.readTag());
        }

        int last = reader.readTag();
        assertThat(ProtobufReader.fieldNumber(last)).isEqualTo(9);
        assertThat(reader.readVarint()).isEqualTo(42);
        assertThat(reader.hasMore()).isFalse();
    }

    @Test
    void readsNestedMessageWithinItsLength() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] inner = concat(varint(tag(1, ProtobufReader.VARINT)), varint(5));
        write(out, varint(tag(1, ProtobufReader.LENGTH_DELIMITED)), varint(inner.length), inner);
        write(out, varint(tag(2, ProtobufReader.VARINT)), varint(6));
        ProtobufReader reader = new ProtobufReader(out.toByteArray());

        reader.readTag();
        ProtobufReader message = reader.readMessage();
        message.readTag();

        assertThat(message.readVarint()).isEqualTo(5);
        assertThat(message.hasMore()).isFalse();
        assertThat(reader.hasMore()).isTrue();
    }

    @Test
    void rejectsLengthPastEnd() {
        byte[] data = concat(varint(tag(1, ProtobufReader.LENGTH_DELIMITED)), varint(10), new byte[] {1, 2});
        ProtobufReader reader = new ProtobufReader(data);
        int tag = reader.readTag();

        assertThatThrownBy(() -> reader.skip(tag))
                .isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("runs past the end");
    }

    @Test
    void rejectsTruncatedVarint() {
        ProtobufReader reader = new ProtobufReader(new byte[] {(byte) 0x80});

        assertThatThrownBy(reader::readVarint).isInstanceOf(ProtobufFormatException.class);
    }

    @Test
    void rejectsFieldNumberZero() {
        ProtobufReader reader = new ProtobufReader(new byte[] {0});

        assertThatThrownBy(reader::readTag).isInstanceOf(ProtobufFormatException.class);
    }

    @Test
    void rejectsUnclosedGroup() {
        ProtobufReader reader = new ProtobufReader(varint(tag(5, ProtobufReader.START_GROUP)));
        int tag = reader.readTag();

        assertThatThrownBy(() -> reader.skip(tag))
                .isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("not closed");
    }

    @Test
    void rejectsDeeplyNestedGroups() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int depth = 0; depth < 100_000; depth++) {
            write(out, varint(tag(1, ProtobufReader.START_GROUP)));
        }
        ProtobufReader reader = new ProtobufReader(out.toByteArray());
        int tag = reader.readTag();

        assertThatThrownBy(() -> reader.skip(tag))
                .isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void rejectsUnknownWireType() {
        ProtobufReader reader = new ProtobufReader(varint(tag(1, 6)));
        int tag = reader.readTag();

        assertThatThrownBy(() -> reader.skip(tag)).isInstanceOf(ProtobufFormatException.class);
    }

    static long tag(int field, int wireType) {
        return ((long) field << 3) | wireType;
    }

    static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, parts);
        return out.toByteArray();
    }

    static void write(ByteArrayOutputStream out, byte[]... parts) {
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
    }
}

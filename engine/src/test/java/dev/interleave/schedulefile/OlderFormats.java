package dev.interleave.schedulefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import com.esotericsoftware.kryo.kryo5.io.Output;

/** Schedule files as a given format version writes them, with that version's own codec, for the tests. */
public final class OlderFormats {

    /** The first eight bytes of every schedule file. */
    static final byte[] MAGIC = {(byte) 0x89, 'I', 'L', 'V', 0x0D, 0x0A, 0x1A, 0x0A};

    private OlderFormats() {
    }

    /** {@code record} in the file format of {@code version}, at {@code file}: what that version keeps of it. */
    public static Path write(ScheduleRecord record, int version, Path file) throws IOException {
        return Files.write(file, framed(version, body(record, version)));
    }

    /** The body that format {@code version} writes for {@code record}. */
    static byte[] body(ScheduleRecord record, int version) {
        Output body = new Output(1024, -1);
        Body.kryo(version).writeClassAndObject(body, record);
        return body.toBytes();
    }

    /** {@code body} framed as a file of format {@code version}: magic, version, length and checksum first. */
    static byte[] framed(int version, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(20 + body.length).put(MAGIC).putInt(version).putInt(body.length)
                .putInt((int) crc.getValue()).put(body).array();
    }
}

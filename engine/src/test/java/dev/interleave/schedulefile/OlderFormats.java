package dev.interleave.schedulefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import com.esotericsoftware.kryo.kryo5.io.Output;

/** Writes a record as an older format version wrote it, with that version's own codec, for tests outside this package. */
public final class OlderFormats {

    private OlderFormats() {
    }

    /** {@code record} in the file format of {@code version}, at {@code file}: what that version keeps of it. */
    public static Path write(ScheduleRecord record, int version, Path file) throws IOException {
        Output output = new Output(1024, -1);
        Body.kryo(version).writeClassAndObject(output, record);
        byte[] body = output.toBytes();
        // the magic number, as this build writes it
        ScheduleFiles.write(file, record);
        byte[] written = Files.readAllBytes(file);
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer framed = ByteBuffer.allocate(20 + body.length).put(written, 0, 8).putInt(version)
                .putInt(body.length).putInt((int) crc.getValue()).put(body);
        return Files.write(file, framed.array());
    }
}

package dev.interleave.schedulefile;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

import com.esotericsoftware.kryo.kryo5.Kryo;
import com.esotericsoftware.kryo.kryo5.KryoException;
import com.esotericsoftware.kryo.kryo5.io.Input;
import com.esotericsoftware.kryo.kryo5.io.Output;
import dev.interleave.schedulefile.ScheduleRecord.FailureSummary;

/**
 * Writes and reads schedule files.
 *
 * <p>A file is a 20-byte header and a body. The header is the 8 bytes {@code 89 'I' 'L' 'V' 0D 0A 1A 0A} (not text,
 * and mangled by any tool that treats it as text), then three big-endian ints: the format version, the body's length
 * and the body's CRC32. The body is the {@link ScheduleRecord} in Kryo, as {@link Body} writes it. Everything in the
 * header is checked before Kryo sees a byte of the body, and the body is decoded with limits on every length it
 * declares, so that a file can do nothing worse than fail to read, with a {@link ScheduleFileException} that says why.
 */
public final class ScheduleFiles {

    /**
     * The format version this build writes, and the newest it reads. Version 2 added whether waits could end
     * spuriously, at the end of the body; version 1 files are still read, as records that do not say. Version 3
     * added, after it, the values of steps and what a report page shows (thread names, the exception, what blocked
     * threads waited for, the cycle, the words of the kept steps); files of versions 1 and 2 are still read, as
     * records without them.
     */
    public static final int FORMAT_VERSION = 3;
    /** The largest file {@link #read} accepts; a million-step schedule takes well under one MiB. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** How much of a failure's headline a file keeps; the rest is cut, and the cut is noted. */
    public static final int MAX_HEADLINE_CHARS = 4_000;

    static final int HEADER_BYTES = 20;
    private static final byte[] MAGIC = {(byte) 0x89, 'I', 'L', 'V', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final int MAX_BODY_BYTES = (int) (MAX_FILE_BYTES - HEADER_BYTES);
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private static final String NOT_OURS = "not an Interleave schedule file (its first bytes are not the"
            + " schedule-file header); pass a file that Interleave wrote under target/interleave";
    private static final String RECORD_AGAIN = "run the test again to record the schedule anew";

    private ScheduleFiles() {
    }

    /**
     * Writes {@code record} to {@code file}, creating its directories and replacing any file there, atomically: the
     * bytes go to a temporary file beside it, are forced to disk, and the temporary file is then moved over
     * {@code file}, so that a crash leaves either the old file, or the new one, never a part of one. The temporary
     * file is deleted if anything fails. A headline longer than {@link #MAX_HEADLINE_CHARS} is cut, with a note that
     * says how much was.
     *
     * @throws IllegalArgumentException if the record holds more than a schedule file keeps (more than 2<sup>24</sup>
     *                                  decisions or trace steps, more than 2<sup>20</sup> events, a string of more
     *                                  than 1 MiB in UTF-8) or a trace index outside its events
     */
    public static void write(Path file, ScheduleRecord record) throws IOException {
        byte[] body = encode(record);
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put(MAGIC).putInt(FORMAT_VERSION).putInt(body.length).putInt((int) crc.getValue()).flip();

        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve(target.getFileName() + ".tmp-" + Long.toHexString(TEMP_NAMES.nextLong()));
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                writeFully(channel, header);
                writeFully(channel, ByteBuffer.wrap(body));
                channel.force(true);
            }
            try {
                Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, REPLACE_EXISTING);
            }
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        forceDirectory(directory);
    }

    /**
     * Reads the schedule record in {@code file}.
     *
     * @throws ScheduleFileException if there is no file there, it is a directory, it cannot be read, or it is not a
     *                               whole schedule file that this build can read: its one-line message names the
     *                               file, says what is wrong and what to do
     */
    public static ScheduleRecord read(Path file) {
        return decode(file, load(file));
    }

    private static byte[] encode(ScheduleRecord record) {
        Kryo kryo = Body.kryo(FORMAT_VERSION);
        Output output = new Output(8 * 1024, MAX_BODY_BYTES);
        try {
            kryo.writeClassAndObject(output, capped(record));
        } catch (KryoException e) {
            // The body's types are all known, so the only way Kryo fails here is a body past the size limit.
            throw new IllegalArgumentException("the schedule takes more than the " + MAX_BODY_BYTES
                    + " bytes a schedule file can hold (" + e.getMessage() + ")", e);
        }
        return output.toBytes();
    }

    private static ScheduleRecord capped(ScheduleRecord record) {
        FailureSummary failure = record.failure();
        String headline = failure.headline();
        if (headline.length() <= MAX_HEADLINE_CHARS) {
            return record;
        }
        int end = MAX_HEADLINE_CHARS;
        if (Character.isHighSurrogate(headline.charAt(end - 1))) {
            end--; // never keep half of a surrogate pair
        }
        String cut = headline.substring(0, end) + " [... " + (headline.length() - end) + " more characters cut]";
        return new ScheduleRecord(record.test(), record.strategy(), record.seed(), record.schedule(),
                record.frameworkVersion(), record.jdkVersion(), record.maxSteps(), record.decisions(),
                record.events(), record.trace(), new FailureSummary(failure.kind(), failure.thread(), cut),
                record.spuriousWakeups(), record.values(), record.details());
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    // The move is durable only once the directory's entry is on disk too. Not every platform can open a directory
    // (Windows cannot), and the file itself is already whole, so a failure here costs only durability.
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // best effort, see above
        }
    }

    private static byte[] load(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw missing(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (attributes.isDirectory()) {
            throw new ScheduleFileException(file, "is a directory, not a schedule file; pass one of the schedule"
                    + " files in it");
        }
        if (!attributes.isRegularFile()) {
            throw new ScheduleFileException(file, "is not a regular file, so not a schedule file; pass a file that"
                    + " Interleave wrote under target/interleave");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw tooLarge(file, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded even though the size was checked: the file may have grown since.
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw missing(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(file, bytes.length);
        }
        return bytes;
    }

    private static ScheduleRecord decode(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ScheduleFileException(file, "is empty (0 bytes), so it was cut off before anything was"
                    + " written; " + RECORD_AGAIN);
        }
        int magic = Math.min(bytes.length, MAGIC.length);
        if (!Arrays.equals(bytes, 0, magic, MAGIC, 0, magic)) {
            throw new ScheduleFileException(file, NOT_OURS);
        }
        if (bytes.length < HEADER_BYTES) {
            throw new ScheduleFileException(file, "truncated: it ends after " + bytes.length + " bytes, inside"
                    + " the " + HEADER_BYTES + "-byte schedule-file header; " + RECORD_AGAIN);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, MAGIC.length, HEADER_BYTES - MAGIC.length);
        int version = header.getInt();
        int length = header.getInt();
        int checksum = header.getInt();
        if (version > FORMAT_VERSION) {
            throw new ScheduleFileException(file, "written by a newer Interleave (format version " + version
                    + "; this one reads up to " + FORMAT_VERSION + "); upgrade Interleave or record the schedule"
                    + " again");
        }
        if (version < 1) {
            throw corrupt(file, "its header gives format version " + version + ", which no Interleave writes");
        }
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw corrupt(file, "its header declares a body of " + length + " bytes, which no schedule file has");
        }
        int present = bytes.length - HEADER_BYTES;
        if (length > present) {
            throw new ScheduleFileException(file, "truncated: its body is " + present + " of the " + length
                    + " bytes its header declares, so it was cut off while being written or copied; "
                    + RECORD_AGAIN);
        }
        if (length < present) {
            throw corrupt(file, "it has " + (present - length) + " bytes after the " + length + "-byte body its"
                    + " header declares");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER_BYTES, length);
        if ((int) crc.getValue() != checksum) {
            throw corrupt(file, String.format(Locale.ROOT, "its body's checksum (CRC32 %08x) does not match"
                    + " the %08x in its header, so it changed after Interleave wrote it", crc.getValue(),
                    checksum));
        }
        return body(file, new Input(bytes, HEADER_BYTES, length), version);
    }

    private static ScheduleRecord body(Path file, Input input, int version) {
        Kryo kryo = Body.kryo(version);
        int unknownId = Body.unknownClassId(kryo, input);
        Object object;
        try {
            object = kryo.readClassAndObject(input);
        } catch (RuntimeException e) {
            Malformed malformed = malformedIn(e);
            if (malformed != null) {
                throw corrupt(file, malformed.getMessage());
            }
            if (unknownId >= 0) {
                throw corrupt(file, "its body starts with Kryo class id " + unknownId + ", which is not one of"
                        + " the schedule file's types");
            }
            throw corrupt(file, "its body does not decode (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        if (!(object instanceof ScheduleRecord record)) {
            throw corrupt(file, "its body holds "
                    + (object == null ? "null" : "a " + object.getClass().getSimpleName())
                    + " where a schedule record belongs");
        }
        int left = input.limit() - input.position();
        if (left != 0) {
            throw corrupt(file, left + " bytes follow the schedule record in its body");
        }
        return record;
    }

    private static Malformed malformedIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Malformed malformed) {
                return malformed;
            }
        }
        return null;
    }

    private static ScheduleFileException corrupt(Path file, String problem) {
        return new ScheduleFileException(file, "corrupt: " + problem + "; " + RECORD_AGAIN);
    }

    private static ScheduleFileException missing(Path file, NoSuchFileException e) {
        return new ScheduleFileException(file, "no such file; check the path, or " + RECORD_AGAIN, e);
    }

    private static ScheduleFileException unreadable(Path file, IOException e) {
        return new ScheduleFileException(file, "could not be read (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "); check that it exists and is readable", e);
    }

    private static ScheduleFileException tooLarge(Path file, long size) {
        return new ScheduleFileException(file, "is " + size + " bytes, more than the " + MAX_FILE_BYTES
                + " a schedule file can take, so it is not one; pass a file that Interleave wrote under"
                + " target/interleave");
    }
}

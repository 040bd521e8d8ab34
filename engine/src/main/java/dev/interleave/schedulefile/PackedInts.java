package dev.interleave.schedulefile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.esotericsoftware.kryo.kryo5.io.Input;
import com.esotericsoftware.kryo.kryo5.io.Output;

/**
 * An int array as a schedule file keeps it: the element count, then each element as an unsigned varint, deflated,
 * preceded by the deflated length. Decisions and traces are small numbers that repeat in loops, so a million steps
 * take tens of kilobytes rather than four megabytes.
 *
 * <p>Reading trusts nothing it is given: the count and the compressed length are checked against the limits and
 * against what is left of the input before anything is allocated, the inflated bytes may not exceed five per element
 * (the most a varint takes), and the array grows only as elements actually decode, so a file that claims a large count
 * costs memory only in proportion to what it holds.
 */
final class PackedInts {

    /** The most elements one array may hold: sixteen times the default step bound. */
    static final int MAX_ELEMENTS = 1 << 24;

    private static final int MAX_VARINT_BYTES = 5;
    // Deflate cannot expand its input by more than about 1032 to 1, so a count beyond that is a lie.
    private static final long MAX_INFLATION = 1032;
    private static final int CHUNK = 64 * 1024;

    private PackedInts() {
    }

    /** Writes {@code values}; refuses an array longer than {@link #MAX_ELEMENTS}, which no reader would accept. */
    static void write(Output output, String name, int[] values) {
        if (values.length > MAX_ELEMENTS) {
            throw new IllegalArgumentException(name + " has " + values.length
                    + " entries, more than the " + MAX_ELEMENTS + " a schedule file keeps");
        }
        byte[] compressed = deflate(varints(values));
        output.writeVarInt(values.length, true);
        output.writeVarInt(compressed.length, true);
        output.writeBytes(compressed);
    }

    /** Reads an array written by {@link #write}; throws {@link Malformed} naming {@code name} if it does not decode. */
    static int[] read(Input input, String name) {
        int count = input.readVarInt(true);
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new Malformed(name + " claims " + Integer.toUnsignedString(count) + " entries, more than the "
                    + MAX_ELEMENTS + " a schedule file keeps");
        }
        int length = input.readVarInt(true);
        int remaining = input.limit() - input.position();
        if (length < 0 || length > remaining) {
            throw new Malformed(name + " claims " + Integer.toUnsignedString(length) + " compressed bytes where "
                    + remaining + " remain");
        }
        if (count > length * MAX_INFLATION) {
            throw new Malformed(name + " claims " + count + " entries in " + length
                    + " compressed bytes, more than deflate can hold");
        }
        int offset = input.position();
        input.setPosition(offset + length);
        return inflate(input.getBuffer(), offset, length, count, name);
    }

    private static byte[] varints(int[] values) {
        int size = 0;
        for (int value : values) {
            size += varintSize(value);
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (int value : values) {
            while ((value & ~0x7F) != 0) {
                bytes[at++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[at++] = (byte) value;
        }
        return bytes;
    }

    private static int varintSize(int value) {
        int bits = 32 - Integer.numberOfLeadingZeros(value);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, bytes.length / 8));
            byte[] chunk = new byte[CHUNK];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                compressed.write(chunk, 0, n);
            }
            return compressed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static int[] inflate(byte[] buffer, int offset, int length, int count, String name) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(buffer, offset, length);
            long limit = (long) count * MAX_VARINT_BYTES;
            long inflated = 0;
            int[] values = new int[Math.min(count, CHUNK)];
            int decoded = 0;
            int value = 0;
            int shift = 0;
            byte[] chunk = new byte[CHUNK];
            while (!inflater.finished()) {
                int n;
                try {
                    n = inflater.inflate(chunk);
                } catch (DataFormatException e) {
                    throw new Malformed(name + " does not inflate (" + e.getMessage() + ")");
                }
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Malformed("the compressed bytes of " + name + " end before its last entry");
                }
                inflated += n;
                if (inflated > limit) {
                    throw new Malformed(name + " inflates to more than the " + limit + " bytes its " + count
                            + " entries can take");
                }
                for (int i = 0; i < n; i++) {
                    int b = chunk[i];
                    if (shift == 28 && (b & 0xF0) != 0) {
                        throw new Malformed(name + " holds a number longer than 32 bits");
                    }
                    value |= (b & 0x7F) << shift;
                    if ((b & 0x80) != 0) {
                        shift += 7;
                        continue;
                    }
                    if (decoded == count) {
                        throw new Malformed(name + " holds more than the " + count + " entries it claims");
                    }
                    if (decoded == values.length) {
                        values = Arrays.copyOf(values, (int) Math.min(count, 2L * values.length));
                    }
                    values[decoded++] = value;
                    value = 0;
                    shift = 0;
                }
            }
            if (decoded != count || shift != 0) {
                throw new Malformed(name + " holds " + decoded + " entries where it claims " + count);
            }
            if (inflater.getRemaining() != 0) {
                throw new Malformed(name + " has " + inflater.getRemaining()
                        + " bytes after its compressed entries");
            }
            return values;
        } finally {
            inflater.end();
        }
    }
}

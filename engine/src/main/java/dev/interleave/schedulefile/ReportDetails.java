package dev.interleave.schedulefile;

import java.util.ArrayList;
import java.util.List;

import com.esotericsoftware.kryo.kryo5.io.Input;
import com.esotericsoftware.kryo.kryo5.io.Output;
import dev.interleave.schedulefile.ScheduleRecord.Details;
import dev.interleave.schedulefile.ScheduleRecord.StepDetail;

/**
 * The report's details at the end of a body of format version 3: a byte that says whether they are there, then the
 * thread names, the exception, the waits, the cycle and the kept steps, each list after its length. Every length is
 * checked against the bytes that remain before anything is allocated.
 */
final class ReportDetails {

    /** The most managed threads a schedule has: their ids take 16 bits in a step's key. */
    static final int MAX_THREADS = 1 << 16;
    /** The most characters of an exception's text a file keeps; the rest is cut, and the cut is noted. */
    static final int MAX_EXCEPTION_CHARS = 64_000;

    private static final int ABSENT = 0;
    private static final int PRESENT = 1;

    private ReportDetails() {
    }

    static void write(Output output, Details details) {
        if (details == null) {
            output.writeByte(ABSENT);
            return;
        }
        output.writeByte(PRESENT);
        writeStrings(output, "thread names", details.threadNames());
        String exception = details.exception();
        output.writeBoolean(exception != null);
        if (exception != null) {
            Body.writeString(output, "exception", cut(exception));
        }
        writeStrings(output, "waits", details.waits());
        PackedInts.write(output, "cycle", details.cycle());
        List<StepDetail> steps = details.steps();
        count(steps.size(), Body.MAX_EVENTS, "steps");
        output.writeVarInt(steps.size(), true);
        for (StepDetail step : steps) {
            output.writeVarInt(step.step(), true);
            Body.writeString(output, "step text", step.what());
            Body.writeString(output, "step target", step.touched());
        }
    }

    static Details read(Input input) {
        int present = input.readByte();
        if (present == ABSENT) {
            return null;
        }
        if (present != PRESENT) {
            throw new Malformed("its report details are marked " + present + ", which is neither 0 (absent) nor 1"
                    + " (present)");
        }
        List<String> threadNames = readStrings(input, "thread names", MAX_THREADS);
        String exception = input.readBoolean() ? Body.readString(input, "exception") : null;
        List<String> waits = readStrings(input, "waits", MAX_THREADS);
        int[] cycle = PackedInts.read(input, "cycle");
        for (int member : cycle) {
            if (member < 0 || member >= MAX_THREADS) {
                throw new Malformed("its cycle names thread " + member + ", which no schedule has");
            }
        }
        int count = input.readVarInt(true);
        // each step takes at least its number and two string lengths
        checkCount(input, count, Body.MAX_EVENTS, 3, "steps");
        List<StepDetail> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int step = input.readVarInt(true);
            if (step < 1) {
                throw new Malformed("its step detail " + i + " is for step " + step + ", but steps count from 1");
            }
            steps.add(new StepDetail(step, Body.readString(input, "step text"), Body.readString(input,
                    "step target")));
        }
        return new Details(threadNames, exception, waits, cycle, steps);
    }

    private static void writeStrings(Output output, String name, List<String> strings) {
        count(strings.size(), MAX_THREADS, name);
        output.writeVarInt(strings.size(), true);
        for (String string : strings) {
            Body.writeString(output, name, string);
        }
    }

    private static List<String> readStrings(Input input, String name, int max) {
        int count = input.readVarInt(true);
        checkCount(input, count, max, 1, name);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(Body.readString(input, name));
        }
        return strings;
    }

    private static void count(int size, int max, String name) {
        if (size > max) {
            throw new IllegalArgumentException(name + " has " + size + " entries, more than the " + max
                    + " a schedule file keeps");
        }
    }

    private static void checkCount(Input input, int count, int max, int minBytes, String name) {
        int remaining = input.limit() - input.position();
        if (count < 0 || count > max || count > remaining / minBytes) {
            throw new Malformed(name + " claims " + Integer.toUnsignedString(count) + " entries, more than its "
                    + remaining + " remaining bytes can hold");
        }
    }

    private static String cut(String text) {
        if (text.length() <= MAX_EXCEPTION_CHARS) {
            return text;
        }
        int end = MAX_EXCEPTION_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\n[... " + (text.length() - end) + " more characters cut]";
    }
}

package dev.interleave.schedulefile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.esotericsoftware.kryo.kryo5.Kryo;
import com.esotericsoftware.kryo.kryo5.KryoException;
import com.esotericsoftware.kryo.kryo5.Registration;
import com.esotericsoftware.kryo.kryo5.Serializer;
import com.esotericsoftware.kryo.kryo5.io.Input;
import com.esotericsoftware.kryo.kryo5.io.Output;
import com.esotericsoftware.kryo.kryo5.util.DefaultClassResolver;
import dev.interleave.schedulefile.ScheduleRecord.Details;
import dev.interleave.schedulefile.ScheduleRecord.EventKey;
import dev.interleave.schedulefile.ScheduleRecord.FailureSummary;
import dev.interleave.schedulefile.ScheduleRecord.StepValues;
import dev.interleave.schedulefile.ScheduleRecord.StepDetail;
import dev.interleave.schedulefile.ScheduleRecord.TestIdentity;

/**
 * A schedule file's body: a {@link ScheduleRecord} in Kryo, written with its class id first. The Kryo instance knows
 * exactly four classes, each under a fixed id with a hand-written serializer, and refuses every other id and every
 * class name, so that no file can make the JVM load or create any object but these.
 *
 * <p>Kryo instances are not thread-safe and are cheap next to a file's IO, so each call makes its own.
 */
final class Body {

    // Fixed ids: they are part of the format, so they never change within a format version.
    static final int RECORD_ID = 16;
    static final int TEST_ID = 17;
    static final int EVENT_ID = 18;
    static final int FAILURE_ID = 19;

    /** The most bytes one string may take; a class name or a site is far shorter. */
    static final int MAX_STRING_BYTES = 1 << 20;
    /** The most distinct events a trace may have. */
    static final int MAX_EVENTS = 1 << 20;
    // Each event takes at least its thread (4 bytes) and two string lengths.
    private static final int MIN_EVENT_BYTES = 6;

    private Body() {
    }

    // Whether a record says if waits could end spuriously: version 2 writes it as a byte after the failure.
    private static final int SPURIOUS_OFF = 0;
    private static final int SPURIOUS_ON = 1;
    private static final int SPURIOUS_UNSAID = 2;

    /** A Kryo that reads and writes schedule records of format {@code version} and nothing else. */
    static Kryo kryo(int version) {
        Kryo kryo = new Kryo(new StrictClassResolver(), null);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setMaxDepth(8);
        // Kryo registers the primitives and String under ids 0 to 9 on its own; a file may name none of them.
        for (int id = 0; id < RECORD_ID; id++) {
            kryo.getClassResolver().unregister(id);
        }
        kryo.register(ScheduleRecord.class, new RecordSerializer(version), RECORD_ID);
        kryo.register(TestIdentity.class, new TestSerializer(), TEST_ID);
        kryo.register(EventKey.class, new EventSerializer(), EVENT_ID);
        kryo.register(FailureSummary.class, new FailureSerializer(), FAILURE_ID);
        return kryo;
    }

    /**
     * Whether Kryo knows the class id that {@code input} starts with, looked at without consuming it, so that a body
     * that names an unknown class can be told apart from one that is merely cut short. Returns the id, or -1 if it is
     * known (or absent).
     */
    static int unknownClassId(Kryo kryo, Input input) {
        int start = input.position();
        try {
            int written = input.readVarInt(true);
            // Kryo writes a class id plus 2: 0 stands for null and 1 for a class given by name.
            if (written < 2) {
                return -1;
            }
            int id = written - 2;
            return kryo.getClassResolver().getRegistration(id) == null ? id : -1;
        } catch (KryoException cutShort) {
            return -1;
        } finally {
            input.setPosition(start);
        }
    }

    static void writeString(Output output, String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(name + " takes " + bytes.length + " bytes, more than the "
                    + MAX_STRING_BYTES + " a schedule file keeps");
        }
        output.writeVarInt(bytes.length, true);
        output.writeBytes(bytes);
    }

    // Not Input.readString: it sizes its buffer from the claimed length before reading a byte.
    static String readString(Input input, String name) {
        int length = input.readVarInt(true);
        int remaining = input.limit() - input.position();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new Malformed(name + " claims " + Integer.toUnsignedString(length) + " bytes, more than the "
                    + MAX_STRING_BYTES + " a schedule file keeps");
        }
        if (length > remaining) {
            throw new Malformed(name + " claims " + length + " bytes where only " + remaining + " remain");
        }
        return new String(input.readBytes(length), StandardCharsets.UTF_8);
    }

    /** Refuses classes given by name: only the registered ids may appear in a file. */
    private static final class StrictClassResolver extends DefaultClassResolver {

        @Override
        protected Registration readName(Input input) {
            throw new Malformed("its body names a class by name, which schedule files never do");
        }
    }

    private static final class RecordSerializer extends Serializer<ScheduleRecord> {

        private final int version;

        RecordSerializer(int version) {
            super(false, true);
            this.version = version;
        }

        @Override
        public void write(Kryo kryo, Output output, ScheduleRecord record) {
            kryo.writeObject(output, record.test());
            writeString(output, "strategy", record.strategy());
            writeString(output, "seed", record.seed());
            output.writeInt(record.schedule());
            writeString(output, "frameworkVersion", record.frameworkVersion());
            writeString(output, "jdkVersion", record.jdkVersion());
            output.writeInt(record.maxSteps());
            PackedInts.write(output, "decisions", record.decisions());
            List<EventKey> events = record.events();
            if (events.size() > MAX_EVENTS) {
                throw new IllegalArgumentException("events has " + events.size() + " entries, more than the "
                        + MAX_EVENTS + " a schedule file keeps");
            }
            output.writeVarInt(events.size(), true);
            for (EventKey event : events) {
                kryo.writeObject(output, event);
            }
            int[] trace = record.trace();
            int outside = outsideOf(trace, events.size());
            if (outside >= 0) {
                throw new IllegalArgumentException("trace[" + outside + "] = " + trace[outside]
                        + " is not an index into the " + events.size() + " events");
            }
            PackedInts.write(output, "trace", trace);
            kryo.writeObject(output, record.failure());
            if (version >= 2) {
                Boolean spurious = record.spuriousWakeups();
                output.writeByte(spurious == null ? SPURIOUS_UNSAID : spurious ? SPURIOUS_ON : SPURIOUS_OFF);
            }
            if (version >= 3) {
                writeValues(output, record.values(), trace.length);
                ReportDetails.write(output, record.details());
            }
        }

        // Version 3 writes the values of steps after the spurious wake-up setting: their step numbers as packed
        // ints, then each value as a string.
        private static void writeValues(Output output, StepValues values, int traceLength) {
            int wrong = outOfOrder(values.steps(), traceLength);
            if (wrong >= 0) {
                throw new IllegalArgumentException("values.steps[" + wrong + "] = " + values.steps()[wrong]
                        + " is not a step of the " + traceLength + "-step trace after the one before it");
            }
            PackedInts.write(output, "value steps", values.steps());
            for (String text : values.texts()) {
                writeString(output, "step value", text);
            }
        }

        private static StepValues readValues(Input input, int traceLength) {
            int[] steps = PackedInts.read(input, "value steps");
            int wrong = outOfOrder(steps, traceLength);
            if (wrong >= 0) {
                throw new Malformed("value steps[" + wrong + "] = " + steps[wrong] + " is not a step of its "
                        + traceLength + "-step trace after the one before it");
            }
            int remaining = input.limit() - input.position();
            if (steps.length > remaining) {
                throw new Malformed("it claims " + steps.length + " step values, more than its " + remaining
                        + " remaining bytes can hold");
            }
            List<String> texts = new ArrayList<>(steps.length);
            for (int i = 0; i < steps.length; i++) {
                texts.add(readString(input, "step value"));
            }
            return new StepValues(steps, texts);
        }

        /** The first position of {@code steps} that is not a step number above the one before it, or -1. */
        private static int outOfOrder(int[] steps, int traceLength) {
            int previous = 0;
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] <= previous || steps[i] > traceLength) {
                    return i;
                }
                previous = steps[i];
            }
            return -1;
        }

        @Override
        public ScheduleRecord read(Kryo kryo, Input input, Class<? extends ScheduleRecord> type) {
            TestIdentity test = kryo.readObject(input, TestIdentity.class);
            String strategy = readString(input, "strategy");
            String seed = readString(input, "seed");
            int schedule = input.readInt();
            String frameworkVersion = readString(input, "frameworkVersion");
            String jdkVersion = readString(input, "jdkVersion");
            int maxSteps = input.readInt();
            int[] decisions = PackedInts.read(input, "decisions");
            int count = input.readVarInt(true);
            int remaining = input.limit() - input.position();
            if (count < 0 || count > MAX_EVENTS || count > remaining / MIN_EVENT_BYTES) {
                throw new Malformed("events claims " + Integer.toUnsignedString(count)
                        + " entries, more than its " + remaining + " remaining bytes can hold");
            }
            List<EventKey> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(kryo.readObject(input, EventKey.class));
            }
            int[] trace = PackedInts.read(input, "trace");
            int outside = outsideOf(trace, count);
            if (outside >= 0) {
                throw new Malformed("trace[" + outside + "] = " + trace[outside] + " is not an index into its "
                        + count + " events");
            }
            FailureSummary failure = kryo.readObject(input, FailureSummary.class);
            Boolean spurious = null;
            if (version >= 2) {
                int said = input.readByte();
                if (said < SPURIOUS_OFF || said > SPURIOUS_UNSAID) {
                    throw new Malformed("its spurious wake-up setting is " + said + ", which is none of 0 (off),"
                            + " 1 (on) and 2 (not recorded)");
                }
                spurious = said == SPURIOUS_UNSAID ? null : said == SPURIOUS_ON;
            }
            StepValues values = version >= 3 ? readValues(input, trace.length) : StepValues.NONE;
            Details details = version >= 3 ? ReportDetails.read(input) : null;
            return new ScheduleRecord(test, strategy, seed, schedule, frameworkVersion, jdkVersion, maxSteps,
                    decisions, events, trace, failure, spurious, values, details);
        }

        /** The first position of {@code trace} that is not an index into {@code size} events, or -1. */
        private static int outsideOf(int[] trace, int size) {
            for (int i = 0; i < trace.length; i++) {
                if (trace[i] < 0 || trace[i] >= size) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final class TestSerializer extends Serializer<TestIdentity> {

        TestSerializer() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, TestIdentity test) {
            writeString(output, "test class", test.className());
            writeString(output, "test method", test.methodName());
            writeString(output, "test parameter types", test.parameterTypes());
        }

        @Override
        public TestIdentity read(Kryo kryo, Input input, Class<? extends TestIdentity> type) {
            return new TestIdentity(readString(input, "test class"), readString(input, "test method"),
                    readString(input, "test parameter types"));
        }
    }

    private static final class EventSerializer extends Serializer<EventKey> {

        EventSerializer() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, EventKey event) {
            output.writeInt(event.thread());
            writeString(output, "event kind", event.kind());
            writeString(output, "event site", event.site());
        }

        @Override
        public EventKey read(Kryo kryo, Input input, Class<? extends EventKey> type) {
            return new EventKey(input.readInt(), readString(input, "event kind"), readString(input, "event site"));
        }
    }

    private static final class FailureSerializer extends Serializer<FailureSummary> {

        FailureSerializer() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, FailureSummary failure) {
            writeString(output, "failure kind", failure.kind());
            output.writeInt(failure.thread());
            writeString(output, "failure headline", failure.headline());
        }

        @Override
        public FailureSummary read(Kryo kryo, Input input, Class<? extends FailureSummary> type) {
            return new FailureSummary(readString(input, "failure kind"), input.readInt(),
                    readString(input, "failure headline"));
        }
    }
}

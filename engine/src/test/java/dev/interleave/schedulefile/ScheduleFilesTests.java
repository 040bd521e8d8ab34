package dev.interleave.schedulefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import com.esotericsoftware.kryo.kryo5.io.Output;
import dev.interleave.schedulefile.ScheduleRecord.EventKey;
import dev.interleave.schedulefile.ScheduleRecord.FailureSummary;
import dev.interleave.schedulefile.ScheduleRecord.StepValues;
import dev.interleave.schedulefile.ScheduleRecord.TestIdentity;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedule files: what is written reads back the same, and every file that is not a whole one is refused clearly. */
class ScheduleFilesTests {

    // The header as the format documents it, spelled out here so that a change to it fails a test.

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() throws IOException {
        ScheduleRecord record = record(2_000, 17);
        Path file = dir.resolve("a/b/Counter-lostUpdate.schedule");

        ScheduleFiles.write(file, record);
        ScheduleRecord read = ScheduleFiles.read(file);

        assertSame(read, record);
        assertThat(Files.readAllBytes(file)).startsWith(OlderFormats.MAGIC);
    }

    @Test
    void readsBackEmptyArraysAndUnicode() throws IOException {
        ScheduleRecord record = new ScheduleRecord(new TestIdentity("a.Ünïcode$Inner", "métho∂", "int, java.lang.String"),
                "PCT", "nightly-7 \uD83D\uDE00", 1, "0.1.0-SNAPSHOT", "17.0.15 (Debian)", 1, new int[0], List.of(),
                new int[0], new FailureSummary("DEADLOCK", -1, "line one\nline two"));
        Path file = dir.resolve("empty.schedule");

        ScheduleFiles.write(file, record);

        assertSame(ScheduleFiles.read(file), record);
    }

    @Test
    void keepsWhetherWaitsCouldEndSpuriously() throws IOException {
        for (Boolean spurious : new Boolean[] {true, false, null}) {
            ScheduleRecord record = withSpuriousWakeups(record(100, 3), spurious);
            Path file = dir.resolve("spurious-" + spurious + ".schedule");

            ScheduleFiles.write(file, record);

            assertSame(ScheduleFiles.read(file), record);
        }
    }

    @Test
    void readsAFileOfFormatVersionOneAsOneThatDoesNotSayWhetherWaitsCouldEndSpuriously() throws IOException {
        ScheduleRecord record = withSpuriousWakeups(record(500, 9), true);
        Path written = dir.resolve("v2.schedule");
        ScheduleFiles.write(written, record);
        // version 1 wrote the same body without the setting (and the values after it)
        byte[] body = OlderFormats.body(record, 1);
        assertThat(OlderFormats.body(record, 2)).hasSize(body.length + 1).startsWith(body);
        Path versionOne = Files.write(dir.resolve("v1.schedule"), OlderFormats.framed(1, body));

        ScheduleRecord read = ScheduleFiles.read(versionOne);

        assertSame(read, withSpuriousWakeups(record, null));
    }

    @Test
    void keepsWhatAReportPageShows() throws IOException {
        ScheduleRecord record = record(40, 5).withDetails(details());
        Path file = dir.resolve("details.schedule");

        ScheduleFiles.write(file, record);

        assertSame(ScheduleFiles.read(file), record);
    }

    @Test
    void readsAFileOfFormatVersionTwoAsOneWithoutReportDetails() throws IOException {
        ScheduleRecord record = withSpuriousWakeups(record(300, 8), false);
        Path written = dir.resolve("v3.schedule");
        ScheduleFiles.write(written, record.withDetails(details()));
        byte[] body = OlderFormats.body(record, 2);
        Path versionTwo = Files.write(dir.resolve("v2.schedule"), OlderFormats.framed(2, body));

        ScheduleRecord read = ScheduleFiles.read(versionTwo);

        assertSame(read, record);
        assertThat(read.details()).isNull();
        assertThat(ScheduleFiles.read(written).details()).isNotNull();
    }

    @Test
    void refusesReportDetailsThatClaimMoreThanTheFileHolds() throws IOException {
        // version 3's body without its last byte, which says that no details follow
        byte[] withoutDetails = OlderFormats.body(record(20, 6), 3);
        byte[] plain = Arrays.copyOf(withoutDetails, withoutDetails.length - 1);
        // details present, then a thread-name count of 2^28 with no names after it
        byte[] body = Arrays.copyOf(plain, plain.length + 5);
        body[plain.length] = 1;
        body[plain.length + 1] = (byte) 0x80;
        body[plain.length + 2] = (byte) 0x80;
        body[plain.length + 3] = (byte) 0x80;
        body[plain.length + 4] = (byte) 0x01;
        Path file = Files.write(dir.resolve("huge-names.schedule"), OlderFormats.framed(3, body));

        assertRefused(file).hasMessageContaining("corrupt").hasMessageContaining("thread names claims");
    }

    private static ScheduleRecord.Details details() {
        return new ScheduleRecord.Details(List.of("main", "</script><b>x</b>", "Thread-9"),
                "java.lang.AssertionError: expected: 2 but was: 1\n\tat a.B.c(B.java:3)",
                List.of("", "thread 1 waits to lock Object#1, held by thread 2", "thread 2 waits to lock Object#2"),
                new int[] {1, 2}, List.of(new ScheduleRecord.StepDetail(1, "starts", ""),
                        new ScheduleRecord.StepDetail(2, "read Counter.count", "Counter#1.count")));
    }

    @Test
    void refusesASpuriousWakeupSettingThatIsNoneOfTheThree() throws IOException {
        byte[] body = OlderFormats.body(record(50, 4), 2);
        body[body.length - 1] = 7;
        Path file = Files.write(dir.resolve("seven.schedule"), OlderFormats.framed(2, body));

        assertRefused(file).hasMessageContaining("corrupt")
                .hasMessageContaining("its spurious wake-up setting is 7, which is none of 0 (off), 1 (on) and 2");
    }

    @Test
    void keepsTheValuesOfSteps() throws IOException {
        ScheduleRecord record = withValues(record(100, 5), new StepValues(new int[] {1, 5, 9, 100},
                List.of("0", "\"two\\nlines\"", "Node#2", "\u00fc\uD83D\uDE00")));
        Path file = dir.resolve("values.schedule");

        ScheduleFiles.write(file, record);
        ScheduleRecord read = ScheduleFiles.read(file);

        assertSame(read, record);
        assertThat(read.values().of(5)).isEqualTo("\"two\\nlines\"");
        assertThat(read.values().of(4)).isNull();
    }

    @Test
    void readsAFileOfFormatVersionTwoAsOneWithoutValues() throws IOException {
        ScheduleRecord record = withSpuriousWakeups(record(300, 8), false);
        Path versionTwo = Files.write(dir.resolve("v2.schedule"), OlderFormats.framed(2, OlderFormats.body(record, 2)));

        ScheduleRecord read = ScheduleFiles.read(versionTwo);

        assertSame(read, record);
        assertThat(read.values().steps()).isEmpty();
    }

    @Test
    void refusesValuesOfStepsTheTraceDoesNotHaveOrOutOfOrder() throws IOException {
        ScheduleRecord beyond = withValues(record(10, 5), new StepValues(new int[] {3, 11}, List.of("1", "2")));
        assertThatThrownBy(() -> ScheduleFiles.write(dir.resolve("beyond.schedule"), beyond))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values.steps[1] = 11 is not a step of the 10-step trace");
        ScheduleRecord twice = withValues(record(10, 5), new StepValues(new int[] {3, 3}, List.of("1", "2")));
        assertThatThrownBy(() -> ScheduleFiles.write(dir.resolve("twice.schedule"), twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values.steps[1] = 3 is not a step of the 10-step trace after the one before");
        // what version 3 appends to version 2's body, with a step number given twice
        Output body = new Output(1024, -1);
        body.writeBytes(OlderFormats.body(record(10, 5), 2));
        PackedInts.write(body, "value steps", new int[] {3, 3});
        Body.writeString(body, "step value", "1");
        Body.writeString(body, "step value", "2");
        Path file = Files.write(dir.resolve("twice.schedule"), OlderFormats.framed(3, body.toBytes()));
        assertRefused(file).hasMessageContaining("corrupt")
                .hasMessageContaining("value steps[1] = 3 is not a step of its 10-step trace after the one before");
    }

    @Test
    void keepsAMillionStepScheduleInWellUnderOneMegabyte() throws IOException {
        ScheduleRecord record = record(1_000_000, 42);
        Path file = dir.resolve("long.schedule");

        ScheduleFiles.write(file, record);

        assertThat(Files.size(file)).isLessThan(1_000_000);
        assertSame(ScheduleFiles.read(file), record);
    }

    @Test
    void cutsALongHeadlineAndSaysSo() throws IOException {
        ScheduleRecord record = withHeadline(record(10, 1), "x".repeat(10_000));
        Path file = dir.resolve("headline.schedule");

        ScheduleFiles.write(file, record);

        String headline = ScheduleFiles.read(file).failure().headline();
        assertThat(headline).startsWith("x".repeat(ScheduleFiles.MAX_HEADLINE_CHARS))
                .endsWith(" [... 6000 more characters cut]")
                .hasSize(ScheduleFiles.MAX_HEADLINE_CHARS + " [... 6000 more characters cut]".length());
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("replaced.schedule");

        ScheduleFiles.write(file, record(100, 1));
        ScheduleFiles.write(file, record(200, 2));

        assertThat(ScheduleFiles.read(file).trace()).hasSize(200);
        assertThat(list(dir)).containsExactly(file);
    }

    @Test
    void aWriteThatFailsLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("taken.schedule");
        Files.createDirectories(file.resolve("occupied"));

        assertThatThrownBy(() -> ScheduleFiles.write(file, record(100, 1))).isInstanceOf(IOException.class);

        assertThat(list(dir)).containsExactly(file);
        assertThat(list(file)).containsExactly(file.resolve("occupied"));
    }

    @Test
    void refusesToWriteATraceThatPointsOutsideItsEvents() {
        ScheduleRecord record = record(100, 1);
        int[] trace = record.trace().clone();
        trace[50] = record.events().size();
        ScheduleRecord bad = new ScheduleRecord(record.test(), record.strategy(), record.seed(), record.schedule(),
                record.frameworkVersion(), record.jdkVersion(), record.maxSteps(), record.decisions(),
                record.events(), trace, record.failure());

        assertThatThrownBy(() -> ScheduleFiles.write(dir.resolve("bad.schedule"), bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trace[50]");
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("nowhere.schedule");

        assertRefused(file).hasMessageContaining("no such file");
    }

    @Test
    void refusesADirectory() {
        assertRefused(dir).hasMessageContaining("is a directory");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.schedule"));

        assertRefused(file).hasMessageContaining("is empty (0 bytes)");
    }

    @Test
    void refusesAFileCutShortAnywhere() throws IOException {
        Path whole = dir.resolve("whole.schedule");
        ScheduleFiles.write(whole, record(5_000, 3));
        byte[] bytes = Files.readAllBytes(whole);

        for (int length : new int[] {1, 5, 8, 12, 19, 20, 21, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut-" + length + ".schedule");
            Files.write(cut, Arrays.copyOf(bytes, length));

            assertRefused(cut).hasMessageContaining("truncated");
        }
    }

    @Test
    void refusesAFileWithAFlippedByte() throws IOException {
        Path file = dir.resolve("flipped.schedule");
        ScheduleFiles.write(file, record(5_000, 4));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);

        assertRefused(file).hasMessageContaining("corrupt").hasMessageContaining("checksum");
    }

    @Test
    void refusesRandomBytes() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(20240611L).nextBytes(bytes);
        Path file = Files.write(dir.resolve("random.schedule"), bytes);

        assertRefused(file).hasMessageContaining("not an Interleave schedule file")
                .hasMessageContaining("pass a file that Interleave wrote under target/interleave");
    }

    @Test
    void refusesAForeignTextFile() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.schedule"), "decisions: 0 1 2\n");

        assertRefused(file).hasMessageContaining("not an Interleave schedule file");
    }

    @Test
    void refusesANewerFormatVersionSayingWhichVersions() throws IOException {
        Path file = Files.write(dir.resolve("newer.schedule"), OlderFormats.framed(99, new byte[] {1, 2, 3}));

        assertRefused(file).hasMessageContaining("written by a newer Interleave (format version 99; this one"
                + " reads up to 3); upgrade Interleave or record the schedule again");
    }

    @Test
    void refusesAFormatVersionNoInterleaveWrites() throws IOException {
        Path file = Files.write(dir.resolve("zero.schedule"), OlderFormats.framed(0, new byte[] {1, 2, 3}));

        assertRefused(file).hasMessageContaining("corrupt").hasMessageContaining("format version 0");
    }

    @Test
    void refusesADeclaredBodyLengthThatIsNegativeOrBeyondTheLimit() throws IOException {
        for (int length : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, (int) ScheduleFiles.MAX_FILE_BYTES}) {
            byte[] bytes = OlderFormats.framed(1, new byte[] {1, 2, 3});
            ByteBuffer.wrap(bytes).putInt(12, length);
            Path file = Files.write(dir.resolve("length" + length + ".schedule"), bytes);

            assertRefused(file).hasMessageContaining("corrupt")
                    .hasMessageContaining("declares a body of " + length + " bytes");
        }
    }

    @Test
    void refusesBytesAfterTheDeclaredBody() throws IOException {
        Path whole = dir.resolve("whole.schedule");
        ScheduleFiles.write(whole, record(100, 5));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("longer.schedule"), Arrays.copyOf(bytes, bytes.length + 3));

        assertRefused(file).hasMessageContaining("corrupt").hasMessageContaining("3 bytes after");
    }

    @Test
    void refusesAKryoClassIdThatIsNotRegistered() throws IOException {
        for (int id : new int[] {42, 1, Body.RECORD_ID - 1, Body.FAILURE_ID + 1}) {
            Output body = new Output(64);
            body.writeVarInt(id + 2, true); // Kryo's class ids are written plus 2
            body.writeString("whatever follows");
            Path file = Files.write(dir.resolve("class" + id + ".schedule"), OlderFormats.framed(1, body.toBytes()));

            assertRefused(file).hasMessageContaining("corrupt")
                    .hasMessageContaining("Kryo class id " + id + ", which is not one of the schedule file's types");
        }
    }

    @Test
    void refusesAClassGivenByName() throws IOException {
        Output body = new Output(64);
        body.writeVarInt(1, true); // Kryo's marker for "the class's name follows"
        body.writeVarInt(0, true);
        body.writeString("java.util.HashMap");
        Path file = Files.write(dir.resolve("named.schedule"), OlderFormats.framed(1, body.toBytes()));

        assertRefused(file).hasMessageContaining("corrupt").hasMessageContaining("names a class by name");
    }

    @Test
    void refusesABodyThatHoldsSomethingElseThanARecord() throws IOException {
        Output body = new Output(64);
        body.writeVarInt(Body.TEST_ID + 2, true);
        for (String part : new String[] {"a.B", "c", ""}) {
            Body.writeString(body, "part", part);
        }
        Path file = Files.write(dir.resolve("test.schedule"), OlderFormats.framed(1, body.toBytes()));
        Output nothing = new Output(64);
        nothing.writeVarInt(0, true);
        Path nullFile = Files.write(dir.resolve("null.schedule"), OlderFormats.framed(1, nothing.toBytes()));

        assertRefused(file).hasMessageContaining("holds a TestIdentity where a schedule record belongs");
        assertRefused(nullFile).hasMessageContaining("holds null where a schedule record belongs");
    }

    @Test
    void refusesABodyCutShortUnderAValidChecksum() throws IOException {
        Output body = recordUpToDecisions();
        Path file = Files.write(dir.resolve("short.schedule"), OlderFormats.framed(1, body.toBytes()));

        assertRefused(file).hasMessageContaining("corrupt").hasMessageContaining("does not decode");
    }

    @Test
    void refusesAStringLongerThanWhatRemains() throws IOException {
        Output body = new Output(64);
        body.writeVarInt(Body.RECORD_ID + 2, true);
        body.writeVarInt(Integer.MAX_VALUE, true);
        body.writeString("short");
        Path huge = Files.write(dir.resolve("huge.schedule"), OlderFormats.framed(1, body.toBytes()));
        Output shortBody = new Output(64);
        shortBody.writeVarInt(Body.RECORD_ID + 2, true);
        shortBody.writeVarInt(1_000, true);
        shortBody.writeBytes(new byte[] {1, 2, 3, 4, 5, 6});
        Path longer = Files.write(dir.resolve("longer.schedule"), OlderFormats.framed(1, shortBody.toBytes()));

        assertRefused(huge).hasMessageContaining("test class claims 2147483647 bytes, more than the");
        assertRefused(longer).hasMessageContaining("test class claims 1000 bytes where only 6 remain");
    }

    @Test
    void refusesArrayCountsAndLengthsThatCannotBe() throws IOException {
        Output negative = recordUpToDecisions();
        negative.writeVarInt(-1, true);
        Output beyondLimit = recordUpToDecisions();
        beyondLimit.writeVarInt(PackedInts.MAX_ELEMENTS + 1, true);
        Output beyondInput = recordUpToDecisions();
        beyondInput.writeVarInt(10, true);
        beyondInput.writeVarInt(5_000, true);
        beyondInput.writeBytes(new byte[10]);
        Output beyondDeflate = recordUpToDecisions();
        beyondDeflate.writeVarInt(1_000_000, true);
        beyondDeflate.writeVarInt(3, true);
        beyondDeflate.writeBytes(new byte[3]);

        assertRefused(write("negative", negative)).hasMessageContaining("decisions claims 4294967295 entries");
        assertRefused(write("limit", beyondLimit))
                .hasMessageContaining("decisions claims " + (PackedInts.MAX_ELEMENTS + 1) + " entries");
        assertRefused(write("input", beyondInput))
                .hasMessageContaining("decisions claims 5000 compressed bytes where 10 remain");
        assertRefused(write("deflate", beyondDeflate))
                .hasMessageContaining("decisions claims 1000000 entries in 3 compressed bytes");
    }

    @Test
    void refusesCompressedEntriesThatDoNotMatchTheirCount() throws IOException {
        Output bomb = recordUpToDecisions();
        writeDeflated(bomb, 10, new byte[100_000]);
        Output fewer = recordUpToDecisions();
        writeDeflated(fewer, 10, new byte[9]);
        Output more = recordUpToDecisions();
        writeDeflated(more, 10, new byte[11]);
        Output notDeflate = recordUpToDecisions();
        notDeflate.writeVarInt(10, true);
        notDeflate.writeVarInt(4, true);
        notDeflate.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        Output cut = recordUpToDecisions();
        byte[] compressed = deflated(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        cut.writeVarInt(10, true);
        cut.writeVarInt(compressed.length - 3, true);
        cut.writeBytes(compressed, 0, compressed.length - 3);
        Output tooWide = recordUpToDecisions();
        writeDeflated(tooWide, 1, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});

        assertRefused(write("bomb", bomb)).hasMessageContaining("decisions inflates to more than the 50 bytes");
        assertRefused(write("fewer", fewer)).hasMessageContaining("decisions holds 9 entries where it claims 10");
        assertRefused(write("more", more)).hasMessageContaining("decisions holds more than the 10 entries");
        assertRefused(write("notDeflate", notDeflate)).hasMessageContaining("decisions does not inflate");
        assertRefused(write("cut", cut))
                .hasMessageContaining("the compressed bytes of decisions end before its last entry");
        assertRefused(write("tooWide", tooWide)).hasMessageContaining("longer than 32 bits");
    }

    @Test
    void refusesATraceThatPointsOutsideItsEvents() throws IOException {
        Output body = recordUpToDecisions();
        writeDeflated(body, 0, new byte[0]);
        body.writeVarInt(1, true);
        body.writeInt(0);
        Body.writeString(body, "kind", "ACCESS");
        Body.writeString(body, "site", "Counter.java:12 count");
        writeDeflated(body, 2, new byte[] {0, 1});

        assertRefused(write("outside", body)).hasMessageContaining("trace[1] = 1 is not an index into its 1 events");
    }

    @Test
    void refusesMoreEventsThanTheBodyCanHold() throws IOException {
        Output body = recordUpToDecisions();
        writeDeflated(body, 0, new byte[0]);
        body.writeVarInt(1_000, true);

        assertRefused(write("events", body)).hasMessageContaining("events claims 1000 entries");
    }

    @Test
    void saysWhenAFileCannotBeRead() {
        // A name longer than any file system allows: an IO error other than a missing file, even for root.
        Path file = dir.resolve("x".repeat(300) + ".schedule");

        assertRefused(file).hasMessageContaining("could not be read (FileSystemException: ")
                .hasMessageEndingWith("; check that it exists and is readable");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
        return assertThatThrownBy(() -> ScheduleFiles.read(file))
                .isInstanceOf(ScheduleFileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((ScheduleFileException) e).file()).isEqualTo(file));
    }

    private static void assertSame(ScheduleRecord read, ScheduleRecord written) {
        assertThat(read.test()).isEqualTo(written.test());
        assertThat(read.strategy()).isEqualTo(written.strategy());
        assertThat(read.seed()).isEqualTo(written.seed());
        assertThat(read.schedule()).isEqualTo(written.schedule());
        assertThat(read.frameworkVersion()).isEqualTo(written.frameworkVersion());
        assertThat(read.jdkVersion()).isEqualTo(written.jdkVersion());
        assertThat(read.maxSteps()).isEqualTo(written.maxSteps());
        assertSameInts(read.decisions(), written.decisions());
        assertThat(read.events()).containsExactlyElementsOf(written.events());
        assertSameInts(read.trace(), written.trace());
        assertThat(read.failure()).isEqualTo(written.failure());
        assertThat(read.spuriousWakeups()).isEqualTo(written.spuriousWakeups());
        assertThat(read.values().steps()).containsExactly(written.values().steps());
        assertThat(read.values().texts()).containsExactlyElementsOf(written.values().texts());
        assertThat(read.details() == null).isEqualTo(written.details() == null);
        if (read.details() != null) {
            assertThat(read.details().threadNames()).isEqualTo(written.details().threadNames());
            assertThat(read.details().exception()).isEqualTo(written.details().exception());
            assertThat(read.details().waits()).isEqualTo(written.details().waits());
            assertThat(read.details().cycle()).containsExactly(written.details().cycle());
            assertThat(read.details().steps()).isEqualTo(written.details().steps());
        }
    }


    private static ScheduleRecord withValues(ScheduleRecord record, StepValues values) {
        return new ScheduleRecord(record.test(), record.strategy(), record.seed(), record.schedule(),
                record.frameworkVersion(), record.jdkVersion(), record.maxSteps(), record.decisions(),
                record.events(), record.trace(), record.failure(), record.spuriousWakeups(), values,
                record.details());
    }

    private static void assertSameInts(int[] read, int[] written) {
        if (read.length <= 10_000) {
            assertThat(read).containsExactly(written);
        } else {
            // containsExactly builds a diff that is quadratic in the length, even when the arrays are equal
            assertThat(read).hasSameSizeAs(written).isEqualTo(written);
        }
    }

    /**
     * A schedule like the scheduler's: three threads, each running a loop of a few events over and over, with a
     * random choice of the next thread at about half of the steps.
     */
    static ScheduleRecord record(int steps, long seed) {
        Random random = new Random(seed);
        int threads = 3;
        int perThread = 12;
        List<EventKey> events = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            for (int i = 0; i < perThread; i++) {
                events.add(new EventKey(thread, i % 3 == 0 ? "LOCK" : "ACCESS",
                        "dev.interleave.samples.CounterSample.increment(CounterSample.java:" + (40 + i) + ") count"));
            }
        }
        int[] position = new int[threads];
        int[] trace = new int[steps];
        int[] decisions = new int[steps];
        int decided = 0;
        int current = 0;
        for (int step = 0; step < steps; step++) {
            if (random.nextBoolean()) {
                current = random.nextInt(threads);
                decisions[decided++] = current;
            }
            trace[step] = current * perThread + position[current];
            position[current] = (position[current] + 1) % perThread;
        }
        return new ScheduleRecord(
                new TestIdentity("dev.interleave.samples.CounterSample", "lostUpdate", ""), "RANDOM",
                Long.toString(seed), 57, "0.1.0-SNAPSHOT", "17.0.15 (Debian)", 1_000_000,
                Arrays.copyOf(decisions, decided), events, trace,
                new FailureSummary("ASSERTION", 0, "expected: 2 but was: 1"));
    }

    private static ScheduleRecord withSpuriousWakeups(ScheduleRecord record, Boolean spurious) {
        return new ScheduleRecord(record.test(), record.strategy(), record.seed(), record.schedule(),
                record.frameworkVersion(), record.jdkVersion(), record.maxSteps(), record.decisions(),
                record.events(), record.trace(), record.failure(), spurious);
    }

    private static ScheduleRecord withHeadline(ScheduleRecord record, String headline) {
        return new ScheduleRecord(record.test(), record.strategy(), record.seed(), record.schedule(),
                record.frameworkVersion(), record.jdkVersion(), record.maxSteps(), record.decisions(),
                record.events(), record.trace(), new FailureSummary("ASSERTION", 0, headline));
    }

    /** A body that is valid up to where the decisions begin. */
    private static Output recordUpToDecisions() {
        Output body = new Output(256, -1);
        body.writeVarInt(Body.RECORD_ID + 2, true);
        for (String part : new String[] {"a.B", "c", "", "RANDOM", "1"}) {
            Body.writeString(body, "part", part);
        }
        body.writeInt(1);
        Body.writeString(body, "frameworkVersion", "0.1.0");
        Body.writeString(body, "jdkVersion", "17");
        body.writeInt(100);
        return body;
    }

    private static void writeDeflated(Output body, int count, byte[] bytes) {
        byte[] compressed = deflated(bytes);
        body.writeVarInt(count, true);
        body.writeVarInt(compressed.length, true);
        body.writeBytes(compressed);
    }

    private static byte[] deflated(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return compressed.toByteArray();
    }

    private Path write(String name, Output body) throws IOException {
        return Files.write(dir.resolve(name + ".schedule"), OlderFormats.framed(1, body.toBytes()));
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

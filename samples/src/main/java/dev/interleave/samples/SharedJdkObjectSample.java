package dev.interleave.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;

/**
 * JDK objects that are not thread-safe, shared anyway. The bugs live inside the JDK's own code: two {@code put}s on
 * an empty {@code HashMap} both create its table, and one table wins; two {@code add}s on an {@code ArrayList} write
 * the same slot; two {@code SimpleDateFormat.parse} calls share one {@code Calendar}. Each is next to its fix.
 */
public class SharedJdkObjectSample {

    private static final String[] DATES = {"2024-02-29", "2025-12-31"};

    private static void bothThreads(Runnable first, Runnable second) throws InterruptedException {
        Thread other = new Thread(second);
        other.start();
        first.run();
        other.join();
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void hashMapLosesAnEntry() throws InterruptedException {
        Map<String, Integer> map = new HashMap<>();
        bothThreads(() -> map.put("alice", 1), () -> map.put("bob", 2));
        assertEquals(2, map.size(), "entries in " + map);
    }

    @ConcurrencyTest
    void concurrentHashMapKeepsEveryEntry() throws InterruptedException {
        Map<String, Integer> map = new ConcurrentHashMap<>();
        bothThreads(() -> map.put("alice", 1), () -> map.put("bob", 2));
        assertEquals(2, map.size(), "entries in " + map);
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void arrayListLosesAnElement() throws InterruptedException {
        List<String> list = new ArrayList<>();
        bothThreads(() -> list.add("alice"), () -> list.add("bob"));
        assertEquals(2, list.size(), "elements in " + list);
    }

    @ConcurrencyTest
    void synchronizedListKeepsEveryElement() throws InterruptedException {
        List<String> list = Collections.synchronizedList(new ArrayList<>());
        bothThreads(() -> list.add("alice"), () -> list.add("bob"));
        assertEquals(2, list.size(), "elements in " + list);
    }

    private static String reformat(SimpleDateFormat format, String date) {
        try {
            return format.format(format.parse(date));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both threads parse with one format, whose Calendar holds the fields of one date at a time. */
    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void simpleDateFormatMixesUpDates() throws InterruptedException {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        String[] results = new String[2];
        bothThreads(() -> results[0] = reformat(format, DATES[0]), () -> results[1] = reformat(format, DATES[1]));
        assertEquals(DATES[0], results[0]);
        assertEquals(DATES[1], results[1]);
    }

    @ConcurrencyTest
    void dateTimeFormatterIsImmutable() throws InterruptedException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        String[] results = new String[2];
        bothThreads(() -> results[0] = LocalDate.parse(DATES[0], format).format(format),
                () -> results[1] = LocalDate.parse(DATES[1], format).format(format));
        assertEquals(DATES[0], results[0]);
        assertEquals(DATES[1], results[1]);
    }
}

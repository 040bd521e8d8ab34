package dev.interleave.engine.hunt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The machine-readable summary of a hunt. Each shard writes its own file, {@code hunt-2-of-8.json}, so that shards
 * that share a folder (or whose CI artifacts are downloaded into one) never overwrite each other; then
 * {@code hunt.json} is rebuilt from every shard file of the same split found beside it, in an order that depends on
 * nothing but their contents. {@code java -cp interleave-engine.jar dev.interleave.engine.hunt.HuntSummary <folder>}
 * rebuilds it, for a CI job that gathers the shards' artifacts.
 */
public final class HuntSummary {

    static final String MERGED = "hunt.json";
    private static final Pattern SHARD_FILE = Pattern.compile("hunt-(\\d+)-of-(\\d+)\\.json");
    /** Worst first: what a test's merged verdict is when shards disagree. */
    private static final List<String> SEVERITY = List.of("finding", "failed", "error", "not huntable", "not run",
            "passed");

    /** What the hunt of one test did. */
    record Entry(String test, long schedules, long interleavings, long millis, String verdict, String reason,
            List<String> files) {
    }

    private final Path folder;
    private final int shard;
    private final int shards;
    private final String seed;
    private final Map<String, Entry> entries = new TreeMap<>();

    HuntSummary(Path folder, int shard, int shards, String seed) {
        this.folder = folder;
        this.shard = shard;
        this.shards = shards;
        this.seed = seed;
    }

    void add(Entry entry) {
        entries.put(entry.test(), entry);
    }

    /** Writes this shard's file, then rebuilds {@code hunt.json} from every shard of the same split. */
    void write() {
        try {
            Files.createDirectories(folder);
            StringBuilder out = new StringBuilder("{\n  \"shard\": ").append(Json.quote(shard + "/" + shards))
                    .append(",\n  \"seed\": ").append(Json.quote(seed)).append(",\n  \"tests\": [");
            String separator = "\n";
            for (Entry entry : entries.values()) {
                out.append(separator).append("    ").append(json(entry, null));
                separator = ",\n";
            }
            out.append("\n  ]\n}\n");
            writeAtomically(folder.resolve("hunt-" + shard + "-of-" + shards + ".json"), out.toString());
            merge(folder, shards);
        } catch (IOException e) {
            System.out.println("[interleave] hunt: could not write the summary in " + folder + ": " + e);
        }
    }

    /** Rebuilds {@code hunt.json} in {@code folder} from its shard files of {@code shards}; returns its path. */
    static Path merge(Path folder, int shards) throws IOException {
        Map<String, List<Entry>> byTest = new TreeMap<>();
        Map<String, Map<String, String>> verdictsByShard = new TreeMap<>();
        List<String> merged = new ArrayList<>();
        TreeSet<String> seeds = new TreeSet<>();
        for (Path file : shardFiles(folder, shards)) {
            Map<?, ?> summary = (Map<?, ?>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            String name = String.valueOf(summary.get("shard"));
            merged.add(name);
            seeds.add(String.valueOf(summary.get("seed")));
            for (Object each : (List<?>) summary.get("tests")) {
                Map<?, ?> test = (Map<?, ?>) each;
                Entry entry = new Entry((String) test.get("test"), (Long) test.get("schedules"),
                        (Long) test.get("interleavings"), (Long) test.get("millis"), (String) test.get("verdict"),
                        (String) test.get("reason"), ((List<?>) test.get("files")).stream().map(String::valueOf)
                        .collect(Collectors.toList()));
                byTest.computeIfAbsent(entry.test(), key -> new ArrayList<>()).add(entry);
                verdictsByShard.computeIfAbsent(entry.test(), key -> new TreeMap<>()).put(name, entry.verdict());
            }
        }
        StringBuilder out = new StringBuilder("{\n  \"shards\": [").append(merged.stream().map(Json::quote)
                .collect(Collectors.joining(", "))).append("],\n  \"seeds\": [").append(seeds.stream()
                .map(Json::quote).collect(Collectors.joining(", "))).append("],\n  \"tests\": [");
        long schedules = 0;
        int findings = 0;
        String separator = "\n";
        for (Map.Entry<String, List<Entry>> test : byTest.entrySet()) {
            Entry entry = combined(test.getValue());
            schedules += entry.schedules();
            findings += entry.verdict().equals("finding") ? 1 : 0;
            out.append(separator).append("    ").append(json(entry, verdictsByShard.get(test.getKey())));
            separator = ",\n";
        }
        out.append("\n  ],\n  \"totals\": {\"tests\": ").append(byTest.size()).append(", \"schedules\": ")
                .append(schedules).append(", \"findings\": ").append(findings).append("}\n}\n");
        Path target = folder.resolve(MERGED);
        writeAtomically(target, out.toString());
        return target;
    }

    /** The shard files of a split into {@code shards}, in shard order. */
    private static List<Path> shardFiles(Path folder, int shards) throws IOException {
        TreeMap<Integer, Path> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                Matcher matcher = SHARD_FILE.matcher(file.getFileName().toString());
                if (matcher.matches() && Integer.parseInt(matcher.group(2)) == shards) {
                    files.put(Integer.parseInt(matcher.group(1)), file);
                }
            }
        }
        return new ArrayList<>(files.values());
    }

    /** A test's shards together: their work adds up; the worst verdict, with its reason, stands for them all. */
    private static Entry combined(List<Entry> shards) {
        Entry worst = shards.get(0);
        long schedules = 0;
        long interleavings = 0;
        long millis = 0;
        TreeSet<String> files = new TreeSet<>();
        for (Entry entry : shards) {
            schedules += entry.schedules();
            interleavings += entry.interleavings();
            millis += entry.millis();
            files.addAll(entry.files());
            if (severity(entry.verdict()) < severity(worst.verdict())) {
                worst = entry;
            }
        }
        return new Entry(worst.test(), schedules, interleavings, millis, worst.verdict(), worst.reason(),
                new ArrayList<>(files));
    }

    private static int severity(String verdict) {
        int index = SEVERITY.indexOf(verdict);
        return index < 0 ? SEVERITY.size() : index;
    }

    private static String json(Entry entry, Map<String, String> byShard) {
        StringBuilder out = new StringBuilder("{\"test\": ").append(Json.quote(entry.test()))
                .append(", \"schedules\": ").append(entry.schedules())
                .append(", \"interleavings\": ").append(entry.interleavings())
                .append(", \"millis\": ").append(entry.millis())
                .append(", \"verdict\": ").append(Json.quote(entry.verdict()))
                .append(", \"reason\": ").append(Json.quote(entry.reason() == null ? "" : entry.reason()))
                .append(", \"files\": [").append(entry.files().stream().map(Json::quote)
                        .collect(Collectors.joining(", "))).append("]");
        if (byShard != null) {
            out.append(", \"shards\": {").append(byShard.entrySet().stream()
                    .map(each -> Json.quote(each.getKey()) + ": " + Json.quote(each.getValue()))
                    .collect(Collectors.joining(", "))).append("}");
        }
        return out.append("}").toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Rebuilds {@code hunt.json} in a folder that holds the shard files of one split, gathered from CI artifacts:
     * {@code HuntSummary target/interleave}.
     */
    public static void main(String[] arguments) throws IOException {
        if (arguments.length != 1) {
            System.err.println("usage: java -cp interleave-engine.jar " + HuntSummary.class.getName()
                    + " <folder with hunt-i-of-n.json files>");
            System.exit(2);
        }
        Path folder = Paths.get(arguments[0]);
        TreeSet<Integer> splits = new TreeSet<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.map(file -> SHARD_FILE.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .forEach(matcher -> splits.add(Integer.parseInt(matcher.group(2))));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (splits.size() != 1) {
            System.err.println(folder + " holds " + (splits.isEmpty() ? "no shard files (hunt-i-of-n.json)"
                    : "shard files of several splits " + splits + "; keep those of one run only"));
            System.exit(1);
        }
        System.out.println(merge(folder, splits.first()));
    }
}

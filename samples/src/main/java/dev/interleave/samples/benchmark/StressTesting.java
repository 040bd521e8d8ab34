package dev.interleave.samples.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain stress testing, the baseline every strategy is measured against: each sample run on real threads, over
 * and over, in a JVM that Interleave's agent is not attached to, until its first failing run or the end of its
 * budget (100,000 runs or 10 s by default, 2 s per run).
 *
 * <p>From Java, in a JVM where the agent is attached (the strategy benchmark's): {@link #inChildJvm}, which gives
 * back a {@link StressResult} per sample.
 *
 * <p>From the command line: {@code java -cp <class path> dev.interleave.samples.benchmark.StressTesting [--runs N]
 * [--time-ms MS] [--run-bound-ms MS] [--fork] [Class#method | Class ...]}, samples named below
 * {@code dev.interleave.samples} ({@code CounterSample#lostUpdate}, {@code sctbench.SomeSample#method}, or a class
 * for all its {@code @ConcurrencyTest} methods); without names, every {@code @ConcurrencyTest} of the package. With
 * Maven: {@code mvn -q -Pstress verify -DskipTests [-Dsample=...]}. It prints the {@link StressResult#HEADER}, one
 * {@link StressResult} line per sample as it finishes, then a table for people. {@code --fork} runs each sample in
 * a JVM of its own, as {@link #inChildJvm} does; without it, all run in this JVM, which must not have the agent.
 */
public final class StressTesting {

    /** What a child JVM may take beyond its samples' budget: starting, loading classes, on a busy machine. */
    private static final Duration CHILD_START = Duration.ofSeconds(60);

    private StressTesting() {
    }

    /**
     * Runs plain stress testing of each of {@code samples} with {@code budget}, each in a child JVM of its own, one
     * after the other, and reads back its results. One JVM per sample, because a run given up as a hang leaves its
     * thread spinning for good, which would slow every sample after it; and so each sample starts in a JVM as cold
     * as the others'.
     *
     * @return one result per sample, in the order given
     * @throws IllegalStateException when a child fails (an unknown sample, say) or takes longer than its budget
     *     allows; the message says why
     */
    static List<StressResult> inChildJvm(List<String> samples, StressBudget budget)
            throws IOException, InterruptedException {
        List<StressResult> results = new ArrayList<>();
        for (String sample : samples) {
            List<String> arguments = new ArrayList<>(arguments(budget));
            arguments.add(sample);
            List<String> output = ChildJvm.run(StressTesting.class, arguments, budget.worstCase().plus(CHILD_START));
            List<StressResult> parsed = parse(output);
            if (parsed.size() != 1 || !parsed.get(0).sample().equals(sample)) {
                throw new IllegalStateException("the child JVM for " + sample + " printed no result for it, but: "
                        + String.join(System.lineSeparator(), output));
            }
            results.add(parsed.get(0));
        }
        return results;
    }

    /** The results in what {@link #main} printed, in their order; the header and the table are skipped. */
    static List<StressResult> parse(List<String> output) {
        List<StressResult> results = new ArrayList<>();
        for (String line : output) {
            if (StressResult.isResultLine(line)) {
                results.add(StressResult.parse(line));
            }
        }
        return results;
    }

    public static void main(String[] args) throws Exception {
        Command command;
        try {
            command = Command.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("StressTesting: " + e.getMessage());
            System.exit(2);
            return;
        }
        StressBudget budget = command.budget();
        System.out.println(StressResult.HEADER);
        List<StressResult> results = new ArrayList<>();
        for (String sample : command.samples()) {
            StressResult result = command.fork() ? inChildJvm(List.of(sample), budget).get(0)
                    : StressRun.run(SampleMethod.resolve(sample), budget);
            System.out.println(result.toLine());
            System.out.flush();
            results.add(result);
        }
        System.out.println();
        System.out.println("Plain stress testing, real threads, no framework (JDK " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores; at most " + budget.maxRuns()
                + " runs or " + budget.maxTime().toMillis() / 1000.0 + " s per sample, "
                + budget.runBound().toMillis() / 1000.0 + " s per run)");
        System.out.print(StressTable.format(results));
        System.out.flush();
        // The threads of a run given up as stuck never end, and are not daemons: only exit stops them.
        System.exit(0);
    }

    /** What the command line asks for. */
    private record Command(StressBudget budget, boolean fork, List<String> samples) {

        /**
         * Reads the options and sample names.
         *
         * @throws IllegalArgumentException naming what is wrong with them
         */
        static Command parse(String[] args) throws IOException {
            long runs = StressBudget.DEFAULT.maxRuns();
            Duration time = StressBudget.DEFAULT.maxTime();
            Duration runBound = StressBudget.DEFAULT.runBound();
            boolean fork = false;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = Long.parseLong(value(args, ++i));
                    case "--time-ms" -> time = Duration.ofMillis(Long.parseLong(value(args, ++i)));
                    case "--run-bound-ms" -> runBound = Duration.ofMillis(Long.parseLong(value(args, ++i)));
                    case "--fork" -> fork = true;
                    default -> names.add(args[i]);
                }
            }
            if (!fork && agentAttached()) {
                throw new IllegalArgumentException("this JVM runs with Interleave's agent, so these would not be plain"
                        + " runs; use --fork, or StressTesting.inChildJvm");
            }
            List<String> samples = expand(names);
            // Every name checked before the first sample runs, not after minutes of the others.
            samples.forEach(SampleMethod::resolve);
            return new Command(new StressBudget(runs, time, runBound), fork, samples);
        }
    }

    /** Every sample for no names; a class stands for its {@code @ConcurrencyTest} methods. */
    private static List<String> expand(List<String> names) throws IOException {
        // An empty name is the pom's -Dsample left unset.
        List<String> given = names.stream().filter(name -> !name.isEmpty()).toList();
        if (given.isEmpty()) {
            return AllSamples.names();
        }
        List<String> samples = new ArrayList<>();
        for (String name : given) {
            List<String> methods = name.contains("#") ? List.of(name) : AllSamples.inClass(name);
            if (methods.isEmpty()) {
                throw new IllegalArgumentException(name + " has no @ConcurrencyTest method; name one as " + name
                        + "#method");
            }
            samples.addAll(methods);
        }
        return samples;
    }

    private static List<String> arguments(StressBudget budget) {
        return List.of("--runs", Long.toString(budget.maxRuns()), "--time-ms", Long.toString(budget.maxTime()
                .toMillis()), "--run-bound-ms", Long.toString(budget.runBound().toMillis()));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Whether this JVM was started with Interleave's agent, on its command line or in JAVA_TOOL_OPTIONS. */
    private static boolean agentAttached() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent") && argument.contains("interleave"));
    }
}

package dev.interleave.usertests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What one run of the user's project reported: its JUnit XML reports ({@code TEST-*.xml}, written by Surefire or by
 * the Console Launcher's {@code --reports-dir}) and the engine's console lines in the run's captured output.
 */
final class ProjectRun {

    private final String name;
    private final Path reports;
    private final Map<String, TestOutcome> outcomes;
    private final Counts counts;
    private final List<List<ConsoleLine>> consoleLines;

    private ProjectRun(String name, Path reports, Map<String, TestOutcome> outcomes, Counts counts,
            List<List<ConsoleLine>> consoleLines) {
        this.name = name;
        this.reports = reports;
        this.outcomes = outcomes;
        this.counts = counts;
        this.consoleLines = consoleLines;
    }

    /**
     * The counts of the run's XML reports, added up over its test classes: what Surefire prints as
     * {@code Tests run: 36, Failures: 15, Errors: 0, Skipped: 0}.
     */
    record Counts(int tests, int failures, int errors, int skipped) {

        Counts plus(Counts other) {
            return new Counts(tests + other.tests, failures + other.failures, errors + other.errors,
                    skipped + other.skipped);
        }

        @Override
        public String toString() {
            return "Tests run: " + tests + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
        }
    }

    /**
     * Reads the reports in {@code reports} and the console lines in {@code output}s; throws naming what is missing
     * when the run left no report.
     */
    static ProjectRun read(String name, Path reports, List<Path> outputs) throws IOException {
        List<Path> xml = files(reports, "TEST-", ".xml");
        if (xml.isEmpty()) {
            throw new IllegalStateException("the run " + name + " left no TEST-*.xml report in " + reports
                    + "; it runs in this module's integration-test phase (mvn verify)");
        }
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        Counts counts = new Counts(0, 0, 0, 0);
        for (Path file : xml) {
            counts = counts.plus(counts(file));
            for (TestOutcome outcome : testCases(file)) {
                if (outcomes.put(outcome.test(), outcome) != null) {
                    throw new IllegalStateException(name + " reports " + outcome.test() + " twice (" + file
                            + "): the tests of the user's project must have distinct class and method names");
                }
            }
        }
        List<List<ConsoleLine>> consoleLines = new ArrayList<>();
        for (Path output : outputs) {
            List<ConsoleLine> inOrder = new ArrayList<>();
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                ConsoleLine.parse(line).ifPresent(console -> {
                    inOrder.add(console);
                    outcomes.computeIfPresent(console.test(), (test, outcome) -> outcome.withConsoleLine(console));
                });
            }
            consoleLines.add(List.copyOf(inOrder));
        }
        return new ProjectRun(name, reports, outcomes, counts, List.copyOf(consoleLines));
    }

    /** The files in {@code folder} whose names start and end so, sorted by name. */
    static List<Path> files(Path folder, String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    String name() {
        return name;
    }

    /** The folder of the run's reports. */
    Path reports() {
        return reports;
    }

    Counts counts() {
        return counts;
    }

    /**
     * The engine's console lines in the order it printed them, one list per output file: one per test class for
     * Surefire (which redirects each class's output to a file of its own), one for the whole run for the Console
     * Launcher.
     */
    List<List<ConsoleLine>> consoleLines() {
        return consoleLines;
    }

    Optional<TestOutcome> outcome(String test) {
        return Optional.ofNullable(outcomes.get(test));
    }

    /** Every test the run reported, as {@code SimpleClassName.method}. */
    List<String> tests() {
        return List.copyOf(outcomes.keySet());
    }

    private static Element document(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the JUnit XML report " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The report's test cases, each counted by its outcome as Surefire counts them for its summary line. (The
     * {@code testsuite} element's own attributes are not used: Surefire's undercount a class whose tests two engines
     * ran, such as one with {@code @Test} and {@code @ConcurrencyTest} methods.)
     */
    private static Counts counts(Path file) throws IOException {
        NodeList cases = document(file).getElementsByTagName("testcase");
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            failures += testCase.getElementsByTagName("failure").getLength() > 0 ? 1 : 0;
            errors += testCase.getElementsByTagName("error").getLength() > 0 ? 1 : 0;
            skipped += testCase.getElementsByTagName("skipped").getLength() > 0 ? 1 : 0;
        }
        return new Counts(cases.getLength(), failures, errors, skipped);
    }

    static List<TestOutcome> testCases(Path file) throws IOException {
        NodeList cases = document(file).getElementsByTagName("testcase");
        List<TestOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String failure = Stream.of("failure", "error", "skipped")
                    .map(tag -> testCase.getElementsByTagName(tag))
                    .filter(found -> found.getLength() > 0)
                    .map(found -> (Element) found.item(0))
                    .map(ProjectRun::failureText)
                    .findFirst().orElse(null);
            outcomes.add(new TestOutcome(testName(testCase), failure == null, failure == null ? "" : failure,
                    Optional.empty()));
        }
        return outcomes;
    }

    private static String failureText(Element failure) {
        String text = failure.getTextContent();
        if (text.isBlank()) {
            text = failure.getAttribute("message");
        }
        return failure.getTagName() + ": " + (text.isBlank() ? "(no message)" : text);
    }

    /**
     * {@code SimpleClassName.method}: Surefire names an Interleave test's class by its simple name and a Jupiter
     * test's by its binary name, the Console Launcher both by their binary names and methods with their parentheses.
     */
    private static String testName(Element testCase) {
        String className = testCase.getAttribute("classname");
        String simpleName = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        String method = testCase.getAttribute("name");
        int parenthesis = method.indexOf('(');
        return simpleName + "." + (parenthesis < 0 ? method : method.substring(0, parenthesis));
    }
}

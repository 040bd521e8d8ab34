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
    private final Map<String, TestOutcome> outcomes;

    private ProjectRun(String name, Map<String, TestOutcome> outcomes) {
        this.name = name;
        this.outcomes = outcomes;
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
        for (Path file : xml) {
            for (TestOutcome outcome : testCases(file)) {
                if (outcomes.put(outcome.test(), outcome) != null) {
                    throw new IllegalStateException(name + " reports " + outcome.test() + " twice (" + file
                            + "): the tests of the user's project must have distinct class and method names");
                }
            }
        }
        for (Path output : outputs) {
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                ConsoleLine.parse(line).ifPresent(console -> outcomes.computeIfPresent(console.test(),
                        (test, outcome) -> outcome.withConsoleLine(console)));
            }
        }
        return new ProjectRun(name, outcomes);
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

    Optional<TestOutcome> outcome(String test) {
        return Optional.ofNullable(outcomes.get(test));
    }

    /** Every test the run reported, as {@code SimpleClassName.method}. */
    List<String> tests() {
        return List.copyOf(outcomes.keySet());
    }

    private static List<TestOutcome> testCases(Path file) throws IOException {
        NodeList cases;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            cases = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the JUnit XML report " + file + ": " + e.getMessage(), e);
        }
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

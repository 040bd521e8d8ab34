package dev.interleave.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command lines a report prints to run a test again: for Maven, or for the JUnit Console Launcher when that is
 * what runs the tests. Every value a shell would split or expand is quoted, so that a line can be pasted as it is.
 */
public final class CommandLines {

    /** What a POSIX shell passes through unchanged, outside quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%#-]+");

    /** The launcher that runs the tests, which the printed lines are for. */
    public enum Launcher {
        MAVEN,
        CONSOLE
    }

    private final Launcher launcher;
    private final String javaCommand;

    /**
     * @param javaCommand the main class or jar and the arguments the JVM was started with, as the
     *                    {@code sun.java.command} property gives them (empty when unknown)
     */
    public CommandLines(Launcher launcher, String javaCommand) {
        this.launcher = launcher;
        this.javaCommand = javaCommand == null ? "" : javaCommand.trim();
    }

    /** The lines for the launcher of this JVM. */
    public static CommandLines forThisJvm() {
        String command = System.getProperty("sun.java.command", "");
        boolean console = command.contains("org.junit.platform.console")
                || command.contains("junit-platform-console-standalone");
        return new CommandLines(console ? Launcher.CONSOLE : Launcher.MAVEN, command);
    }

    /**
     * The line that runs one test with {@code parameters} (configuration parameters, in order).
     *
     * @param simpleTarget    the test as Surefire's {@code -Dtest} names it, {@code CounterTest#lostUpdate}
     * @param qualifiedTarget the test as a method selector names it, {@code com.example.CounterTest#lostUpdate}
     */
    public String run(String simpleTarget, String qualifiedTarget, Map<String, String> parameters) {
        List<String> words = new ArrayList<>();
        if (launcher == Launcher.MAVEN) {
            words.add("mvn");
            words.add("test");
            words.add(quote("-Dtest=" + simpleTarget));
            parameters.forEach((key, value) -> words.add(quote("-D" + key + "=" + value)));
        } else {
            words.addAll(consoleLauncher());
            words.add("--select-method");
            words.add(quote(qualifiedTarget));
            parameters.forEach((key, value) -> {
                words.add("--config");
                words.add(quote(key + "=" + value));
            });
        }
        return String.join(" ", words);
    }

    /** The Console Launcher as this JVM started it, with its class path, without its selectors and options. */
    private List<String> consoleLauncher() {
        String[] arguments = javaCommand.isEmpty() ? new String[0] : javaCommand.split(" ");
        List<String> words = new ArrayList<>();
        words.add("java");
        if (arguments.length > 0 && arguments[0].endsWith(".jar")) {
            words.add("-jar");
            words.add(quote(arguments[0]));
        } else {
            words.add("-cp");
            words.add(quote(System.getProperty("java.class.path", "")));
            words.add("org.junit.platform.console.ConsoleLauncher");
        }
        words.add("execute");
        for (int i = 1; i < arguments.length - 1; i++) {
            String option = arguments[i];
            if (option.equals("-cp") || option.equals("--cp") || option.equals("--class-path")
                    || option.equals("--classpath")) {
                words.add("--class-path");
                words.add(quote(arguments[i + 1]));
                break;
            }
        }
        for (String argument : arguments) {
            for (String prefix : new String[] {"--class-path=", "--classpath=", "--cp="}) {
                if (argument.startsWith(prefix)) {
                    words.add("--class-path");
                    words.add(quote(argument.substring(prefix.length())));
                }
            }
        }
        return words;
    }

    /** {@code word} as a POSIX shell reads it back: unchanged when nothing in it is special, else single-quoted. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches() && !word.startsWith("#")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

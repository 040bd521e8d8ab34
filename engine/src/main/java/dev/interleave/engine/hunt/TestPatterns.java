package dev.interleave.engine.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.platform.commons.JUnitException;

/**
 * The tests a hunt takes, as {@code interleave.hunt.include} and {@code .exclude} name them: comma-separated
 * patterns of qualified class names, each optionally followed by {@code #method}. In a class name {@code **} matches
 * anything, {@code *} anything within one package or class name, {@code ?} one character; in a method name {@code *}
 * matches anything. {@code com.acme.**}, {@code **.*CacheTest}, {@code com.acme.PoolTest#borrow*}.
 */
final class TestPatterns {

    private final List<Pattern> classes;
    private final List<Pattern> methods;

    private TestPatterns(List<Pattern> classes, List<Pattern> methods) {
        this.classes = classes;
        this.methods = methods;
    }

    static TestPatterns parse(String key, String text) {
        List<Pattern> classes = new ArrayList<>();
        List<Pattern> methods = new ArrayList<>();
        for (String each : text.split(",")) {
            String pattern = each.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            int hash = pattern.indexOf('#');
            String type = hash < 0 ? pattern : pattern.substring(0, hash);
            String method = hash < 0 ? "*" : pattern.substring(hash + 1);
            if (type.isEmpty() || method.isEmpty() || method.indexOf('#') >= 0
                    || !type.matches("[\\w.$*?]+") || !method.matches("[\\w$*?]+")) {
                throw new JUnitException("-D" + key + "=" + text + ": '" + pattern + "' is not a test pattern; give"
                        + " qualified class names with * and ** (com.acme.**, **.*CacheTest), each optionally"
                        + " followed by #method (com.acme.PoolTest#borrow*), separated by commas");
            }
            classes.add(Pattern.compile(glob(type, true)));
            methods.add(Pattern.compile(glob(method, false)));
        }
        return new TestPatterns(classes, methods);
    }

    boolean isEmpty() {
        return classes.isEmpty();
    }

    /** Whether {@code className#methodName} matches one of the patterns; nested classes count as their outer class too. */
    boolean matches(String className, String methodName) {
        for (int i = 0; i < classes.size(); i++) {
            if (methods.get(i).matcher(methodName).matches() && (classes.get(i).matcher(className).matches()
                    || classes.get(i).matcher(outermost(className)).matches())) {
                return true;
            }
        }
        return false;
    }

    private static String outermost(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    private static String glob(String pattern, boolean qualified) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append(qualified ? "[^.]*" : ".*");
            } else if (c == '?') {
                regex.append(qualified ? "[^.]" : ".");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}

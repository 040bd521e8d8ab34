package dev.interleave.bridge;

/**
 * A place in the code where a scheduling point was inserted: the class, method and line, and what happens
 * there ("read Counter.value"). Sites are registered once, when a class is instrumented.
 */
public final class Site {

    private final String className;
    private final String methodName;
    private final String fileName;
    private final int line;
    private final String description;
    private final int field;

    Site(String className, String methodName, String fileName, int line, String description, int field) {
        this.className = className;
        this.methodName = methodName;
        this.fileName = fileName;
        this.line = line;
        this.description = description;
        this.field = field;
    }

    public String className() {
        return className;
    }

    public String methodName() {
        return methodName;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }

    /** What happens at this site, e.g. {@code "read Counter.value"}. */
    public String description() {
        return description;
    }

    /** The field this site accesses (see {@link Fields}), or 0 when it accesses none. */
    public int field() {
        return field;
    }

    /** Where this site is, in the form of a stack trace element: {@code Counter.increment(Counter.java:12)}. */
    public String location() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String file = fileName == null ? "Unknown Source" : line > 0 ? fileName + ":" + line : fileName;
        return simple + "." + methodName + "(" + file + ")";
    }

    @Override
    public String toString() {
        return description + " at " + location();
    }
}

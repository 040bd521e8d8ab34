package dev.interleave.bridge;

import java.util.Arrays;

/**
 * The registry of instrumented sites. Instrumented code passes a site's number to the bridge, a constant
 * in its bytecode, so that a scheduling point costs no lookup; the report turns numbers back into places.
 */
public final class Sites {

    /** The number of a site that is not in the registry (a hook called from JDK code). */
    public static final int UNKNOWN = 0;

    private static final Site UNKNOWN_SITE = new Site("?", "?", null, 0, "?", 0);
    private static Site[] sites = {UNKNOWN_SITE};
    private static int count = 1;

    private Sites() {
    }

    public static int register(String className, String methodName, String fileName, int line,
            String description) {
        return register(className, methodName, fileName, line, description, 0);
    }

    /** Registers a site that accesses the field numbered {@code field} (see {@link Fields}), or none for 0. */
    public static synchronized int register(String className, String methodName, String fileName, int line,
            String description, int field) {
        if (count == sites.length) {
            sites = Arrays.copyOf(sites, count * 2);
        }
        sites[count] = new Site(className, methodName, fileName, line, description, field);
        return count++;
    }

    /**
     * Gives a registered site the line it is on, for sites registered before the rewriter saw their line (the
     * lock a {@code synchronized} method takes before its first instruction).
     */
    public static synchronized void placeOnLine(int number, int line) {
        if (number > 0 && number < count && sites[number].line() == 0) {
            Site site = sites[number];
            sites[number] = new Site(site.className(), site.methodName(), site.fileName(), line, site.description(),
                    site.field());
        }
    }

    public static synchronized Site get(int number) {
        return number > 0 && number < count ? sites[number] : UNKNOWN_SITE;
    }
}

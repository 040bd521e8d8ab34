package dev.interleave.bridge;

import java.util.Arrays;

/**
 * The registry of instrumented sites. Instrumented code passes a site's number to the bridge, a constant
 * in its bytecode, so that a scheduling point costs no lookup; the report turns numbers back into places.
 */
public final class Sites {

    /** The number of a site that is not in the registry (a hook called from JDK code). */
    public static final int UNKNOWN = 0;

    private static final Site UNKNOWN_SITE = new Site("?", "?", null, 0, "?");
    private static Site[] sites = {UNKNOWN_SITE};
    private static int count = 1;

    private Sites() {
    }

    public static synchronized int register(String className, String methodName, String fileName, int line,
            String description) {
        if (count == sites.length) {
            sites = Arrays.copyOf(sites, count * 2);
        }
        sites[count] = new Site(className, methodName, fileName, line, description);
        return count++;
    }

    public static synchronized Site get(int number) {
        return number > 0 && number < count ? sites[number] : UNKNOWN_SITE;
    }
}

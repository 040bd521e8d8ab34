package dev.interleave.scheduler;

import java.util.Arrays;

import dev.interleave.instrumentation.CodeOrigin;

/**
 * The failure of a test whose managed thread called {@code System.exit}, {@code Runtime.exit} or
 * {@code Runtime.halt}: the call is refused, as it would end the JVM and every test after this one. Its stack trace
 * starts at the call.
 */
public final class JvmExitRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JvmExitRefused(String thread, String call) {
        super(thread + " called " + call + ", which would end the JVM and every test still to run in it; Interleave "
                + "refused the call and fails this test instead. Let the code under test report its outcome another "
                + "way (return a status, throw an exception) so that a test can check it.");
        StackTraceElement[] frames = getStackTrace();
        int first = 0;
        while (first < frames.length && CodeOrigin.isHookFrame(frames[first].getClassName())) {
            first++;
        }
        setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
    }
}

package dev.interleave.scheduler;

import java.util.Iterator;

import dev.interleave.bridge.Bridge;
import dev.interleave.bridge.Site;
import dev.interleave.bridge.Sites;
import dev.interleave.instrumentation.CodeOrigin;
import dev.interleave.instrumentation.JdkScope;

/**
 * Where one managed thread is, as far as switching it away goes. A thread may be switched away at a scheduling point
 * of test code unless it is inside a call into code the scheduler cannot see: the JDK's concurrent classes, code
 * that holds a monitor while it calls back, a class initializer. Those calls run as one step, callbacks included,
 * because the code they run may hold a lock of its own, and another thread waiting for it would block in the JVM.
 *
 * <p>The JDK's explored classes ({@link JdkScope}) are the exception: an operation of theirs that test code called
 * directly, a {@code HashMap.put} say, has scheduling points inside, as on a real JVM, where a map shared without a
 * lock loses entries. The same classes used by the JDK itself, or by the framework, stay one step. Whether an explored
 * frame was called directly is told by a mark the call site leaves ({@link #call}), and, where the call site named
 * an interface, by the thread's stack: the frame below the explored ones must be the call site's.
 *
 * <p>Only the thread itself touches its context.
 */
final class CallContext {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private static final int PREVIOUSLY_LIVE = 4;
    private static final int DEPTH_BITS = 13;
    private static final int MAX_DEPTH = (1 << DEPTH_BITS) - 1;
    private static final int PREVIOUS_DEPTH_SHIFT = 3;
    private static final int FRAME_DEPTH_SHIFT = PREVIOUS_DEPTH_SHIFT + DEPTH_BITS;

    private static final int NONE = -1;

    /** Calls in progress whose code must run as one step. */
    private int depth;
    /** Whether the innermost explored frame's hooks are scheduling points. */
    private boolean exploredLive;
    /** The depth at which a mark waits for the explored frame it may lead to, or NONE. */
    private int pendingDepth = NONE;
    private int pendingSite;
    /** Whether the mark's target is an explored class for sure, so that the stack need not tell. */
    private boolean pendingCertain;
    /** Whether the mark counted into {@link #depth}, which a directly called explored frame takes back. */
    private boolean pendingCounted;

    /** Whether a scheduling point here may switch the thread away. */
    boolean preemptible() {
        return depth == 0;
    }

    /**
     * Application code calls into the JDK at {@code site}. The call runs as one step unless it reaches an explored
     * frame directly ({@code explorable}); {@code certain} when the call site named a concrete explored class.
     */
    void call(int site, boolean explorable, boolean certain) {
        depth = Math.min(depth + 1, MAX_DEPTH);
        if (explorable) {
            await(site, certain, true);
        } else {
            pendingDepth = NONE;
        }
    }

    /** The call {@link #call} announced returned. */
    void callReturned() {
        if (depth > 0) {
            depth--;
        }
        pendingDepth = NONE;
    }

    void enterInitializer() {
        depth = Math.min(depth + 1, MAX_DEPTH);
        pendingDepth = NONE;
    }

    void exitInitializer() {
        callReturned();
    }

    /** What {@link #restoreFrame} restores: the state on entry to an application method with handlers. */
    int frameState() {
        return depth << 1 | (exploredLive ? 1 : 0);
    }

    /** An exception handler of an application method starts: no call the method made is in progress. */
    void restoreFrame(int state) {
        depth = state >>> 1;
        exploredLive = (state & 1) != 0;
        pendingDepth = NONE;
    }

    /** Test code starts afresh (a lifecycle method or the test method, called by the framework). */
    void reset() {
        depth = 0;
        exploredLive = false;
        pendingDepth = NONE;
    }

    /** An explored method was entered; returns the frame's state (see {@link Bridge#FRAME_LIVE}). */
    int enterExplored() {
        int previousDepth = depth;
        boolean previouslyLive = exploredLive;
        boolean direct = pendingDepth != NONE && pendingDepth == depth
                && (pendingCertain || calledFrom(pendingSite));
        boolean counted = pendingCounted;
        pendingDepth = NONE;
        boolean live;
        if (direct) {
            depth = counted ? depth - 1 : depth;
            live = depth == 0;
        } else {
            // Called by explored code, which it is explored with, or by code that is not the test's
            live = exploredLive && depth == 0;
            if (!live) {
                depth = Math.min(depth + 1, MAX_DEPTH); // what it calls back runs as one step too
            }
        }
        exploredLive = live;
        return Bridge.FRAME_MANAGED | (live ? Bridge.FRAME_LIVE : 0) | (previouslyLive ? PREVIOUSLY_LIVE : 0)
                | Math.min(previousDepth, MAX_DEPTH) << PREVIOUS_DEPTH_SHIFT | depth << FRAME_DEPTH_SHIFT;
    }

    /** A frame that {@link #enterExplored} returned {@code frame} for is left. */
    void exitExplored(int frame) {
        depth = frame >>> PREVIOUS_DEPTH_SHIFT & MAX_DEPTH;
        exploredLive = (frame & PREVIOUSLY_LIVE) != 0;
        pendingDepth = NONE;
    }

    /** An exception handler of the explored frame starts: no call the frame made is in progress. */
    void restoreExplored(int frame) {
        depth = frameDepth(frame);
        exploredLive = isLive(frame);
        pendingDepth = NONE;
    }

    /** A live explored frame calls an opaque JDK class. */
    void opaqueCall(int frame) {
        depth = frameDepth(frame) + 1;
        pendingDepth = NONE;
    }

    void opaqueReturned(int frame) {
        restoreExplored(frame);
    }

    /**
     * A live explored frame calls through an interface or {@code Object}'s methods at {@code site}: test code it
     * reaches is test code again; an explored frame it reaches is live if the call reached it directly.
     */
    void callback(int site, int frame) {
        depth = frameDepth(frame);
        exploredLive = false;
        await(site, false, false);
    }

    void callbackReturned(int frame) {
        restoreExplored(frame);
    }

    private void await(int site, boolean certain, boolean counted) {
        pendingDepth = depth;
        pendingSite = site;
        pendingCertain = certain;
        pendingCounted = counted;
    }

    private static int frameDepth(int frame) {
        return frame >>> FRAME_DEPTH_SHIFT & MAX_DEPTH;
    }

    private static boolean isLive(int frame) {
        return (frame & Bridge.FRAME_LIVE) != 0;
    }

    /**
     * Whether the explored frame being entered was called from {@code site}'s method, through explored frames only:
     * no code of another kind, which might hold a lock, stands between them.
     */
    private static boolean calledFrom(int site) {
        Site caller = Sites.get(site);
        return WALKER.walk(frames -> {
            Iterator<StackWalker.StackFrame> stack = frames.iterator();
            while (stack.hasNext() && CodeOrigin.isHookFrame(stack.next().getClassName())) {
                // the framework's own frames, down to the explored frame being entered
            }
            while (stack.hasNext()) {
                StackWalker.StackFrame frame = stack.next();
                if (frame.getClassName().equals(caller.className()) && frame.getMethodName().equals(caller.methodName())) {
                    return true;
                }
                if (!JdkScope.isExploredClass(frame.getClassName())) {
                    return false;
                }
            }
            return false;
        });
    }
}

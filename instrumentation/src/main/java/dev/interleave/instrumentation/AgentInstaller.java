package dev.interleave.instrumentation;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.interleave.bridge.Bridge;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

/**
 * Installs the agent once per JVM: the bridge onto the bootstrap class path, then the transformations. Prefers the
 * instrumentation of {@code -javaagent}; otherwise attaches to the running JVM.
 */
public final class AgentInstaller {

    /** How to start the test JVM with the agent, for messages that tell a user how to fix a JVM. */
    public static final String SUREFIRE_ARG_LINE =
            "the prepare-agent goal of dev.interleave:interleave-maven-plugin, or Surefire's"
                    + " <argLine>-javaagent:${dev.interleave:interleave-instrumentation:jar}</argLine>"
                    + " (with maven-dependency-plugin's 'properties' goal)";

    private static Installation installation;
    private static AgentUnavailableException failure;

    private AgentInstaller() {
    }

    /** The installed agent; attaches it on the first call. Throws {@link AgentUnavailableException} if it cannot. */
    public static synchronized Installation install() {
        if (installation != null) {
            return installation;
        }
        if (failure != null) {
            throw failure;
        }
        Instrumentation instrumentation = InterleaveAgent.instrumentation();
        if (instrumentation == null) {
            try {
                instrumentation = ByteBuddyAgent.install();
            } catch (RuntimeException | LinkageError e) {
                failure = new AgentUnavailableException("Interleave could not attach its agent to this JVM ("
                        + e + "). Start the test JVM with the agent instead: " + SUREFIRE_ARG_LINE, e);
                throw failure;
            }
        }
        return install(instrumentation);
    }

    /**
     * The agent the JVM was started with ({@code -javaagent}), if it was; never attaches. Throws {@link
     * AgentUnavailableException} if that agent could not install itself.
     */
    public static synchronized Optional<Installation> installedAtStartup() {
        return InterleaveAgent.instrumentation() == null ? Optional.empty() : Optional.of(install());
    }

    static synchronized Installation install(Instrumentation instrumentation) {
        if (installation != null) {
            return installation;
        }
        if (!instrumentation.isRetransformClassesSupported()) {
            failure = new AgentUnavailableException("this JVM does not support class retransformation, which "
                    + "Interleave needs. Start the test JVM with the agent instead: " + SUREFIRE_ARG_LINE, null);
            throw failure;
        }
        try {
            instrumentation.appendToBootstrapClassLoaderSearch(BootstrapJar.write());
        } catch (IOException e) {
            failure = new AgentUnavailableException("Interleave could not put its bridge on the bootstrap class path: "
                    + e.getMessage(), e);
            throw failure;
        }
        if (Bridge.class.getClassLoader() != null) {
            failure = new AgentUnavailableException("the class dev.interleave.bridge.Bridge was loaded by "
                    + Bridge.class.getClassLoader() + " before the agent put it on the bootstrap class path; "
                    + "start the test JVM with the agent: " + SUREFIRE_ARG_LINE, null);
            throw failure;
        }
        loadBridge();
        // The scheduler reads which synchronizer a lock, a read or write lock or a condition belongs to, so that
        // calls on one lock are independent of calls on another (see the engine's LibraryCalls)
        // ClassInitialization asks the JVM whether a class is initialized, without initializing it
        instrumentation.redefineModule(Object.class.getModule(), Set.of(),
                Map.of("jdk.internal.misc", Set.of(AgentInstaller.class.getModule())),
                Map.of("java.util.concurrent.locks", Set.of(AgentInstaller.class.getModule())), Set.of(), Map.of());
        TransformationLog log = new TransformationLog();
        loadSocketClasses();
        new AgentBuilder.Default()
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.BatchAllocator.ForFixedSize.ofSize(1))
                .with(AgentBuilder.RedefinitionStrategy.Listener.ErrorEscalating.FAIL_LAST)
                .with(new AgentBuilder.RedefinitionStrategy.Listener.Adapter() {
                    @Override
                    public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch,
                            Throwable throwable, List<Class<?>> types) {
                        batch.forEach(type -> log.recordFailure(type, throwable));
                        return List.of();
                    }
                })
                .with(log)
                .with(TransformationOnTestThreads.decorator())
                .ignore(isSynthetic().or(nameStartsWith("net.bytebuddy.")))
                .type(named("java.lang.Thread"))
                .transform((builder, type, loader, module, domain) -> builder
                        // JDK 21+ starts pool threads through start(ThreadContainer); the advice is idempotent
                        .visit(Advice.to(ThreadAdvice.Start.class, advice()).on(named("start")))
                        .visit(Advice.to(ThreadAdvice.Run.class, advice())
                                .on(named("run").and(takesNoArguments())))
                        // application code's calls are rewritten; this sees the JDK's, such as a pool's shutdown()
                        .visit(Advice.to(ThreadAdvice.Interrupt.class, advice())
                                .on(named("interrupt").and(takesNoArguments())))
                        .visit(Advice.to(ThreadAdvice.IsInterrupted.class, advice())
                                .on(named("isInterrupted").and(takesNoArguments()))))
                .type(named("java.util.concurrent.locks.LockSupport"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(parkAdvice(LockSupportAdvice.Park.class, "park"))
                        .visit(parkAdvice(LockSupportAdvice.ParkBlocker.class, "park", Object.class))
                        .visit(parkAdvice(LockSupportAdvice.ParkNanos.class, "parkNanos", long.class))
                        .visit(parkAdvice(LockSupportAdvice.ParkNanosBlocker.class, "parkNanos", Object.class,
                                long.class))
                        .visit(parkAdvice(LockSupportAdvice.ParkUntil.class, "parkUntil", long.class))
                        .visit(parkAdvice(LockSupportAdvice.ParkUntilBlocker.class, "parkUntil", Object.class,
                                long.class))
                        .visit(parkAdvice(LockSupportAdvice.Unpark.class, "unpark", Thread.class)))
                .type(named("java.util.concurrent.locks.ReentrantLock")
                        .or(named("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock")))
                .transform((builder, type, loader, module, domain) -> lockAdvice(builder, false))
                .type(named("java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock"))
                .transform((builder, type, loader, module, domain) -> lockAdvice(builder, true))
                .type(nameStartsWith("java.util.concurrent."))
                .transform((builder, type, loader, module, domain) -> builder.visit(new ClockCalls()))
                // Pipes wait in their monitors, a second at a time: modelled, those waits cost no wall time, and a
                // pipe both of whose ends wait can be told from one that is only slow
                .type(namedOneOf("java.io.PipedInputStream", "java.io.PipedOutputStream", "java.io.PipedReader",
                        "java.io.PipedWriter"))
                .transform((builder, type, loader, module, domain) -> builder.visit(new SchedulingPoints(
                        RewriteMode.JDK_MONITORS)))
                // The JDK's collections and formats: explored inside the operations application code calls
                .type(InstrumentationScope.exploredJdkTypes())
                .transform((builder, type, loader, module, domain) -> builder.visit(new SchedulingPoints(
                        RewriteMode.JDK_EXPLORED)))
                .type(named("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(LockAdvice.Await.class, advice()).on(nameStartsWith("await"))))
                // Its threads are the JDK's and outlive any test: a task handed to it would escape the schedule
                .type(named("java.util.concurrent.ForkJoinPool"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(ThreadAdvice.HandOff.class, advice()).on(isPublic().and(not(isStatic()))
                                .and(namedOneOf("execute", "submit", "invoke", "invokeAll", "schedule",
                                        "scheduleAtFixedRate", "scheduleWithFixedDelay", "submitWithTimeout"))
                                .and(not(named("execute").and(takesArguments(Runnable.class))))))
                        // CompletableFuture's tasks without an executor: a thread of the schedule's runs each
                        .visit(Advice.to(ThreadAdvice.HandOffRunnable.class, advice()).on(isPublic()
                                .and(named("execute")).and(takesArguments(Runnable.class)))))
                .type(named("java.util.concurrent.CompletableFuture"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(ThreadAdvice.OrTimeout.class, advice()).on(named("orTimeout")
                                .and(takesArguments(long.class, TimeUnit.class))))
                        .visit(Advice.to(ThreadAdvice.CompleteOnTimeout.class, advice()).on(named("completeOnTimeout")
                                .and(takesArguments(Object.class, long.class, TimeUnit.class)))))
                // Its delays would run on a thread the JVM keeps for every caller: a thread of the schedule's
                // waits them out on the schedule's clock instead
                .type(named("java.util.concurrent.CompletableFuture$DelayedExecutor"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(type.getDeclaredFields().filter(named("nanoDelay")).isEmpty()
                                ? ThreadAdvice.DelayWithUnit.class : ThreadAdvice.DelayInNanos.class, advice())
                                .on(named("execute").and(takesArguments(Runnable.class)))))
                .type(named("java.util.concurrent.ForkJoinTask"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(ThreadAdvice.HandOff.class, advice())
                                .on(namedOneOf("fork", "invoke").and(takesNoArguments()).and(not(isStatic())))))
                // Blocking socket, channel and selector calls: hooked at their public entry points, which every JDK
                // since 13 shares whatever implements them below
                .type(named("java.net.Socket"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.Connect.class, advice())
                                .on(named("connect").and(takesArguments(java.net.SocketAddress.class, int.class))))
                        .visit(Advice.to(SocketAdvice.Input.class, advice())
                                .on(named("getInputStream").and(takesNoArguments())))
                        .visit(Advice.to(SocketAdvice.Output.class, advice())
                                .on(named("getOutputStream").and(takesNoArguments())))
                        .visit(Advice.to(SocketAdvice.Close.class, advice())
                                .on(named("close").and(takesNoArguments()))))
                .type(named("java.net.ServerSocket"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.Bind.class, advice())
                                .on(named("bind").and(takesArguments(java.net.SocketAddress.class, int.class))))
                        .visit(Advice.to(SocketAdvice.Accept.class, advice())
                                .on(named("accept").and(takesNoArguments())))
                        .visit(Advice.to(SocketAdvice.Close.class, advice())
                                .on(named("close").and(takesNoArguments()))))
                .type(named("sun.security.ssl.SSLServerSocketImpl")) // overrides accept()
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.Accept.class, advice())
                                .on(named("accept").and(takesNoArguments()))))
                .type(named("java.net.DatagramSocket"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.DatagramSend.class, advice())
                                .on(named("send").and(takesArguments(java.net.DatagramPacket.class))))
                        .visit(Advice.to(SocketAdvice.DatagramReceive.class, advice())
                                .on(named("receive").and(takesArguments(java.net.DatagramPacket.class))))
                        .visit(Advice.to(SocketAdvice.Close.class, advice())
                                .on(named("close").and(takesNoArguments()))))
                .type(named("sun.nio.ch.DatagramChannelImpl"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.ChannelSend.class, advice()).on(named("send").and(isPublic())
                                .and(takesArguments(java.nio.ByteBuffer.class, java.net.SocketAddress.class))))
                        .visit(Advice.to(SocketAdvice.ChannelReceive.class, advice()).on(named("receive")
                                .and(isPublic()).and(takesArguments(java.nio.ByteBuffer.class)))))
                .type(namedOneOf("java.nio.channels.spi.AbstractInterruptibleChannel",
                        "java.nio.channels.spi.AbstractSelector"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.Close.class, advice())
                                .on(named("close").and(takesNoArguments()))))
                .type(named("sun.nio.ch.ServerSocketChannelImpl"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.Bind.class, advice())
                                .on(named("bind").and(takesArguments(java.net.SocketAddress.class, int.class))))
                        .visit(Advice.to(SocketAdvice.ChannelAccept.class, advice())
                                .on(named("accept").and(takesNoArguments()))))
                .type(named("sun.nio.ch.SocketChannelImpl"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.ChannelReadBuffer.class, advice()).on(named("read")
                                .and(isPublic()).and(takesArguments(java.nio.ByteBuffer.class))))
                        .visit(Advice.to(SocketAdvice.ChannelRead.class, advice()).on(named("read").and(isPublic())
                                .and(takesArguments(java.nio.ByteBuffer[].class, int.class, int.class))))
                        .visit(Advice.to(SocketAdvice.ChannelWriteBuffer.class, advice()).on(named("write")
                                .and(isPublic()).and(takesArguments(java.nio.ByteBuffer.class))))
                        .visit(Advice.to(SocketAdvice.ChannelWrite.class, advice()).on(named("write").and(isPublic())
                                .and(takesArguments(java.nio.ByteBuffer[].class, int.class, int.class))))
                        .visit(Advice.to(SocketAdvice.ChannelConnect.class, advice())
                                .on(named("connect").and(takesArguments(java.net.SocketAddress.class))
                                        .or(named("finishConnect").and(takesNoArguments())))))
                .type(named("sun.nio.ch.SelectorImpl"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.Select.class, advice()).on(named("select")
                                .and(takesNoArguments().or(takesArguments(java.util.function.Consumer.class)))))
                        .visit(Advice.to(SocketAdvice.TimedSelect.class, advice())
                                .on(named("select").and(takesArguments(long.class))))
                        .visit(Advice.to(SocketAdvice.TimedSelectAction.class, advice())
                                .on(named("select").and(takesArguments(java.util.function.Consumer.class,
                                        long.class))))
                        .visit(Advice.to(SocketAdvice.SelectNow.class, advice()).on(named("selectNow")
                                .and(takesNoArguments().or(takesArguments(java.util.function.Consumer.class)))))
                        .visit(Advice.to(SocketAdvice.Register.class, advice()).on(named("register")
                                .and(takesArguments(3)).and(returns(java.nio.channels.SelectionKey.class))))
                        .visit(Advice.to(SocketAdvice.Keys.class, advice())
                                .on(namedOneOf("selectedKeys", "keys").and(takesNoArguments()))))
                .type(nameStartsWith("sun.nio.ch.").and(nameEndsWith("SelectorImpl"))
                        .and(not(named("sun.nio.ch.SelectorImpl"))))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(SocketAdvice.Wakeup.class, advice())
                                .on(named("wakeup").and(takesNoArguments()).and(not(isAbstract())))))
                .type(named("java.lang.VirtualThread")) // JDK 21+: overrides start(), so it needs its own advice
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(ThreadAdvice.Start.class, advice()).on(named("start"))))
                // Loaded or retransformed, an application class is rewritten the same way: the same schedules
                .type(InstrumentationScope.applicationTypes())
                .transform((builder, type, loader, module, domain) -> withRunHooks(
                        builder.visit(new SchedulingPoints()), type))
                .installOn(instrumentation);
        log.recordNeverOffered(instrumentation);
        if (!log.isInstrumented(Thread.class) || !log.isInstrumented(java.util.concurrent.locks.LockSupport.class)) {
            failure = new AgentUnavailableException("Interleave could not instrument java.lang.Thread and "
                    + "java.util.concurrent.locks.LockSupport"
                    + log.failure(Thread.class).or(() -> log.failure(java.util.concurrent.locks.LockSupport.class))
                            .map(e -> " (" + e + ")").orElse(""), null);
            throw failure;
        }
        installation = new Installation(log, instrumentation);
        return installation;
    }

    /**
     * Loads every bridge class before any hook can run: a hook whose class would first load in the middle of a
     * transformation (a test thread loading a JDK class) would ask for itself again.
     */
    private static void loadBridge() {
        for (String name : BootstrapJar.BRIDGE_CLASSES) {
            try {
                Class.forName(name, true, null);
            } catch (ClassNotFoundException e) {
                failure = new AgentUnavailableException("the bridge class " + name + " is not on the bootstrap class path"
                        + " after the agent put it there", e);
                throw failure;
            }
        }
    }

    /**
     * Loads the socket, channel and selector classes whose entry points are hooked, so that the agent retransforms
     * them: a class that first loads while the agent transforms another (as JDK 25 loads {@code java.net.Socket})
     * is never offered to it.
     */
    private static void loadSocketClasses() {
        for (String name : List.of("java.net.Socket", "java.net.ServerSocket",
                "java.nio.channels.spi.AbstractInterruptibleChannel", "java.nio.channels.spi.AbstractSelector",
                "java.net.DatagramSocket", "sun.nio.ch.DatagramChannelImpl", "sun.security.ssl.SSLServerSocketImpl",
                "sun.nio.ch.SocketChannelImpl", "sun.nio.ch.ServerSocketChannelImpl", "sun.nio.ch.SelectorImpl",
                "sun.nio.ch.EPollSelectorImpl", "sun.nio.ch.KQueueSelectorImpl", "sun.nio.ch.PollSelectorImpl",
                "sun.nio.ch.WindowsSelectorImpl")) {
            try {
                Class.forName(name, false, null);
            } catch (ClassNotFoundException | LinkageError notOnThisPlatform) {
                // each platform has its own selectors
            }
        }
    }

    private static net.bytebuddy.dynamic.DynamicType.Builder<?> lockAdvice(
            net.bytebuddy.dynamic.DynamicType.Builder<?> builder, boolean shared) {
        return builder
                .visit(Advice.to(shared ? LockAdvice.Shared.class : LockAdvice.Exclusive.class, advice())
                        .on(namedOneOf("lock", "lockInterruptibly").and(takesNoArguments())))
                .visit(Advice.to(shared ? LockAdvice.SharedTry.class : LockAdvice.ExclusiveTry.class, advice())
                        .on(named("tryLock")))
                .visit(Advice.to(shared ? LockAdvice.SharedRelease.class : LockAdvice.ExclusiveRelease.class,
                        advice()).on(named("unlock").and(takesNoArguments())));
    }

    private static AsmVisitorWrapper parkAdvice(Class<?> advice, String method, Class<?>... parameters) {
        return Advice.to(advice, advice()).on(named(method).and(takesArguments(parameters)));
    }

    private static ClassFileLocator advice() {
        return ClassFileLocator.ForClassLoader.of(AgentInstaller.class.getClassLoader());
    }

    private static net.bytebuddy.dynamic.DynamicType.Builder<?> withRunHooks(
            net.bytebuddy.dynamic.DynamicType.Builder<?> builder, TypeDescription type) {
        if (!TypeFacts.isThread(type)) {
            return builder;
        }
        return builder.visit(Advice.to(ThreadAdvice.Run.class, advice())
                .on(named("run").and(takesNoArguments()).and(not(isAbstract()))));
    }

    /** The agent as installed: which classes it instrumented. */
    public static final class Installation {

        private final TransformationLog log;
        private final Instrumentation instrumentation;

        Installation(TransformationLog log, Instrumentation instrumentation) {
            this.log = log;
            this.instrumentation = instrumentation;
        }

        /** Tests start to execute: the explored JDK classes get their hooks; see {@link JdkExploration}. */
        public void beginJdkExploration() {
            JdkExploration.begin(instrumentation);
        }

        /** The tests that {@link #beginJdkExploration()} announced are done. */
        public void endJdkExploration() {
            JdkExploration.end();
        }

        /** The explored JDK classes run the JDK's bytecode again at once, if no test executes. */
        public void restoreJdkNow() {
            JdkExploration.restoreIfIdle();
        }

        public TransformationLog log() {
            return log;
        }

        /**
         * The application classes (not the JDK's, not the framework's) that the agent instrumented and the JVM has
         * loaded now, initialized or not, in no particular order.
         */
        public List<Class<?>> loadedApplicationClasses() {
            List<Class<?>> result = new ArrayList<>();
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (!type.isArray() && !type.isPrimitive()
                        && InstrumentationScope.isApplicationLoader(type.getClassLoader())
                        && InstrumentationScope.isApplicationType(type.getName()) && log.isInstrumented(type)) {
                    result.add(type);
                }
            }
            return result;
        }
    }
}

package io.aio4j.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@link Carrier#loopThread()}: a fiber is a {@code jdk.internal.vm.Continuation} run by the loop's
 * own thread and yielded back to it, so an await that suspends is a switch in place, with no other
 * thread involved.
 *
 * <p>Only the loop's driver starts or resumes a strand, and a strand that parks yields straight back
 * to it: strands never run one another, so a parked strand's stack holds its task's frames and
 * nothing of the scheduler. The JDK API is reached through
 * method handles, so nothing is compiled against it; it needs
 * {@code --add-exports java.base/jdk.internal.vm=...}, and without it this carrier reports that
 * flag instead of working.
 */
/* Why Continuation rather than virtual threads with the loop thread as their scheduler (both were
 * prototyped here): 0.32 µs vs 0.40 µs per queue ping-pong round trip and 373 B vs 789 B per parked
 * task; a virtual thread's scheduler also needs --add-opens java.base/java.lang and the package-private
 * ThreadBuilders constructor, and a pinned virtual thread would park the loop thread itself (a
 * deadlock), where a pinned Continuation refuses to yield and says why. */
final class LoopThread implements Carrier {
    static final LoopThread INSTANCE = new LoopThread();

    private static final Object SCOPE;
    private static final MethodHandle NEW; // (Object scope, Runnable) Object
    private static final MethodHandle RUN; // (Object) void
    private static final MethodHandle YIELD; // (Object scope) boolean
    private static final MethodHandle STACK; // (Object) StackTraceElement[]
    private static final MethodHandle IS_PINNED; // (Object scope) boolean
    /** Why the carrier cannot be used in this JVM, or null. */
    private static final String UNAVAILABLE;

    static {
        Object scope = null;
        MethodHandle make = null, run = null, yield = null, stack = null, pinned = null;
        String why = null;
        try {
            if (!Object.class.getModule().isExported("jdk.internal.vm", LoopThread.class.getModule())) {
                why = "the JVM does not export jdk.internal.vm to " + moduleName();
            } else {
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
                MethodHandles.Lookup l = MethodHandles.lookup(); // publicLookup sees only unqualified exports
                scope = l.findConstructor(scopeClass, MethodType.methodType(void.class, String.class)).invoke("aio4j");
                make = l.findConstructor(contClass, MethodType.methodType(void.class, scopeClass, Runnable.class))
                        .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                run = l.findVirtual(contClass, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                yield = l.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                        .asType(MethodType.methodType(boolean.class, Object.class));
                stack = l.findVirtual(contClass, "getStackTrace", MethodType.methodType(StackTraceElement[].class))
                        .asType(MethodType.methodType(StackTraceElement[].class, Object.class));
                pinned = l.findStatic(contClass, "isPinned", MethodType.methodType(boolean.class, scopeClass))
                        .asType(MethodType.methodType(boolean.class, Object.class));
            }
        } catch (Throwable t) {
            why = "jdk.internal.vm.Continuation is not usable here (" + t + ")";
        }
        SCOPE = scope;
        NEW = make;
        RUN = run;
        YIELD = yield;
        STACK = stack;
        IS_PINNED = pinned;
        UNAVAILABLE = why;
    }

    private LoopThread() {
    }

    private static String moduleName() {
        Module m = LoopThread.class.getModule();
        return m.isNamed() ? m.getName() : "ALL-UNNAMED";
    }

    /** The JVM option that grants what this carrier needs, for the code as it is loaded now. */
    static String flag() {
        return "--add-exports java.base/jdk.internal.vm=" + moduleName();
    }

    static boolean available() {
        return UNAVAILABLE == null;
    }

    @Override
    public void checkUsable(int permits) {
        if (UNAVAILABLE != null) {
            throw new IllegalStateException("The loop-thread carrier (-Daio4j.carrier=loop-thread) needs the JVM option "
                    + flag() + ": " + UNAVAILABLE + ". Add it to the java command line (or JDK_JAVA_OPTIONS, "
                    + "Surefire's argLine, or an Add-Exports: java.base/jdk.internal.vm manifest attribute for java -jar), "
                    + "or choose -Daio4j.carrier=virtual-threads");
        }
        if (permits > 1) {
            throw new IllegalArgumentException("Config.parallel(" + permits + ") runs bodies on several threads at once, "
                    + "which the loop-thread carrier cannot (it runs them on the loop's one thread): use "
                    + "Carrier.virtualThreads() with parallel(n), or leave the carrier unset");
        }
    }

    @Override
    public boolean inPlace() {
        return true;
    }

    @Override
    public Strand newStrand(Runnable body) {
        Object cont;
        try {
            cont = (Object) NEW.invokeExact(SCOPE, body);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a continuation for a task", t);
        }
        return new Strand() {
            @Override
            public void start(String name) {
                run(cont);
            }

            @Override
            public void unpark() {
                run(cont);
            }

            @Override
            public StackTraceElement[] stackTrace() {
                try {
                    return (StackTraceElement[]) STACK.invokeExact(cont);
                } catch (Throwable t) {
                    return new StackTraceElement[0];
                }
            }
        };
    }

    /**
     * Runs {@code cont} on the calling thread until it yields or ends. Only the loop's driver calls
     * this (a strand never starts another: it yields back to the driver), so there is no nesting.
     */
    private static void run(Object cont) {
        try {
            RUN.invokeExact(cont);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The innermost frame outside aio4j's engine, its primitives and the JDK: where the user's await is. */
    private static String callSite() {
        return StackWalker.getInstance().walk(s -> s
                .filter(f -> !f.getClassName().startsWith("io.aio4j.bridge.") && !f.getClassName().startsWith("io.aio4j.Aio")
                        && !f.getClassName().startsWith("io.aio4j.internal.") && !f.getClassName().startsWith("io.aio4j.sync.")
                        && !f.getClassName().startsWith("io.aio4j.queue.") && !f.getClassName().startsWith("java.")
                        && !f.getClassName().startsWith("jdk.") && !f.getClassName().startsWith("kotlin"))
                .findFirst().map(Object::toString).orElse("an unknown frame"));
    }

    @Override
    public void park() {
        boolean yielded;
        try {
            yielded = (boolean) YIELD.invokeExact(SCOPE);
        } catch (IllegalStateException e) { // Continuation.onPinned: "Pinned: NATIVE", "Pinned: MONITOR", ...
            throw pinned(String.valueOf(e.getMessage()), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (!yielded) {
            throw pinned("the continuation did not yield", null);
        }
    }

    private static IllegalStateException pinned(String reason, Throwable cause) {
        return new IllegalStateException("An await cannot suspend here on the loop-thread carrier (" + reason
                + "): the task is inside a native frame"
                + (Runtime.version().feature() < 24 ? ", or holds a monitor (synchronized cannot switch on JDK "
                        + Runtime.version().feature() + ")" : "")
                + ", at " + callSite() + ". Move the await out of it, or run with -Daio4j.carrier=virtual-threads", cause);
    }

    @Override
    public String toString() {
        return "Carrier.loopThread()";
    }
}

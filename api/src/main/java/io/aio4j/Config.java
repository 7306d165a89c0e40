package io.aio4j;

import io.aio4j.bridge.Carrier;
import java.time.Duration;
import java.util.Objects;

/**
 * How an event loop runs: an immutable value, changed with {@code with...} methods.
 *
 * {@snippet :
 * Aio.run(Config.parallel(4), () -> crunch());     // up to 4 task bodies at once
 * }
 *
 * @apiNote asyncio: the arguments of {@code asyncio.run(main, debug=..., loop_factory=...)} and
 *     {@code asyncio.Runner}
 */
public final class Config {
    private static final Duration DEFAULT_SLOW = Duration.ofMillis(100);
    private static final Config DEFAULTS = new Config(1, null, null, debugFromEnvironment(),
            DEFAULT_SLOW, null);

    private final int parallelism;
    /** The carrier chosen with {@link #withCarrier}, or null for the default. */
    private final Carrier carrier;
    private final ExceptionHandler exceptionHandler;
    private final boolean debug;
    private final Duration slowCallbackDuration;
    /** The clock chosen with {@link #withClock}, or null for the system's. */
    private final io.aio4j.bridge.lowlevel.Clock clock;

    private Config(int parallelism, Carrier carrier, ExceptionHandler exceptionHandler, boolean debug,
            Duration slowCallbackDuration, io.aio4j.bridge.lowlevel.Clock clock) {
        this.clock = clock;
        this.parallelism = parallelism;
        this.carrier = carrier;
        this.exceptionHandler = exceptionHandler;
        this.debug = debug;
        this.slowCallbackDuration = slowCallbackDuration;
    }

    /** {@code -Daio4j.debug=true} or the environment variable {@code AIO4J_DEBUG=1} (asyncio: PYTHONASYNCIODEBUG). */
    private static boolean debugFromEnvironment() {
        return debugFrom(System.getProperty("aio4j.debug"), System.getenv("AIO4J_DEBUG"));
    }

    /** The system property wins; either is on unless empty, "0" or "false". */
    static boolean debugFrom(String property, String environment) {
        String v = property != null ? property : environment;
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /**
     * asyncio's model: one task body runs at a time, on virtual threads.
     *
     * @apiNote asyncio: {@code asyncio.run(main())}'s defaults
     */
    public static Config defaults() {
        return DEFAULTS;
    }

    /**
     * Lifts the baton for up to {@code n} task bodies at once, for all cores. Code between awaits then
     * runs concurrently with other tasks' code, under Java's memory model: share state through
     * aio4j's primitives or java.util.concurrent. {@code parallel(1)} is {@link #defaults()}.
     *
     * @apiNote asyncio: none; asyncio always runs one
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static Config parallel(int n) {
        return DEFAULTS.withParallelism(n);
    }

    /**
     * This configuration with up to {@code n} task bodies at once; see {@link #parallel(int)}.
     *
     * @apiNote asyncio: none; asyncio always runs one
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Config withParallelism(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(
                    "parallelism is the number of task bodies that may run at once and must be >= 1: " + n);
        }
        return new Config(n, carrier, exceptionHandler, debug, slowCallbackDuration, clock);
    }

    /**
     * The carrier that task bodies run on. Unset, it is {@link Carrier#byDefault()} (the
     * {@code aio4j.carrier} system property, else the loop-thread carrier where the JVM grants it, else
     * virtual threads) for one body at a time, and {@link Carrier#virtualThreads()} with
     * {@link #parallel(int)}. {@link Carrier#loopThread()} with {@code parallel(n > 1)} fails at
     * {@code Aio.run}: it runs bodies on the loop's one thread.
     *
     * @apiNote asyncio: none (asyncio runs coroutines, not threads)
     */
    public Config withCarrier(Carrier carrier) {
        return new Config(parallelism, Objects.requireNonNull(carrier, "carrier"), exceptionHandler, debug,
                slowCallbackDuration, clock);
    }

    /**
     * Where errors with nobody to go to are reported; default: logged.
     *
     * @apiNote asyncio: {@code loop.set_exception_handler(handler)}
     */
    public Config withExceptionHandler(ExceptionHandler handler) {
        return new Config(parallelism, carrier, Objects.requireNonNull(handler, "handler"), debug,
                slowCallbackDuration, clock);
    }

    /**
     * Debug mode: a step that holds the loop longer than {@link #slowCallbackDuration()} is logged with
     * the task and the stack where it was; calling the loop's non-thread-safe methods from another
     * thread, or awaiting a task of another loop, raises; tasks record where they were created, and a
     * task still pending when its loop closes is logged with that place, as is a task exception
     * nobody retrieved. Off by default, and then free on the await path; {@code -Daio4j.debug=true}
     * or {@code AIO4J_DEBUG=1} turn it on for every loop.
     *
     * {@snippet :
     * Aio.run(Config.defaults().debug(true), Main::asyncMain);   // asyncio.run(main(), debug=True)
     * }
     *
     * @apiNote asyncio: {@code asyncio.run(main(), debug=True)}, {@code PYTHONASYNCIODEBUG=1}
     */
    public Config debug(boolean on) {
        return new Config(parallelism, carrier, exceptionHandler, on, slowCallbackDuration, clock);
    }

    /**
     * The threshold of debug mode's slow-step log; default 100 ms.
     *
     * @apiNote asyncio: {@code loop.slow_callback_duration = 0.1}
     * @throws IllegalArgumentException if {@code d} is not positive
     */
    public Config withSlowCallbackDuration(Duration d) {
        Objects.requireNonNull(d, "slowCallbackDuration");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("slowCallbackDuration must be > 0: " + d);
        }
        return new Config(parallelism, carrier, exceptionHandler, debug, d, clock);
    }

    /**
     * Whether debug mode is on.
     *
     * @apiNote asyncio: {@code loop.get_debug()}
     */
    public boolean debug() {
        return debug;
    }

    /**
     * The threshold of debug mode's slow-step log.
     *
     * @apiNote asyncio: {@code loop.slow_callback_duration}
     */
    /**
     * The loop's clock: the test kit's {@code VirtualClock}, or one of a program's own (Trio's
     * {@code trio.run(clock=...)}); the system's monotonic clock when not set.
     *
     * @apiNote asyncio: none (Trio's {@code clock=} argument)
     */
    public Config withClock(io.aio4j.bridge.lowlevel.Clock c) {
        return new Config(parallelism, carrier, exceptionHandler, debug, slowCallbackDuration,
                Objects.requireNonNull(c, "clock"));
    }

    /** The clock set with {@link #withClock}, or null for the system's. */
    public io.aio4j.bridge.lowlevel.Clock clock() {
        return clock;
    }

    public Duration slowCallbackDuration() {
        return slowCallbackDuration;
    }

    /**
     * How many task bodies may run at once.
     *
     * @apiNote asyncio: none
     */
    public int parallelism() {
        return parallelism;
    }

    /**
     * The carrier task bodies run on: the one chosen, or the default (see {@link #withCarrier}).
     *
     * @apiNote asyncio: none
     */
    public Carrier carrier() {
        if (carrier != null) {
            return carrier;
        }
        return parallelism > 1 ? Carrier.virtualThreads() : Carrier.byDefault();
    }

    /**
     * The configured handler, or null for the default (logging).
     *
     * @apiNote asyncio: {@code loop.get_exception_handler()}
     */
    public ExceptionHandler exceptionHandler() {
        return exceptionHandler;
    }

    @Override
    public String toString() {
        return "Config[parallelism=" + parallelism + ", carrier=" + carrier()
                + (exceptionHandler != null ? ", exceptionHandler=" + exceptionHandler : "")
                + (debug ? ", debug, slowCallbackDuration=" + slowCallbackDuration : "") + "]";
    }
}

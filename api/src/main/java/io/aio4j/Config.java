package io.aio4j;

import io.aio4j.bridge.Carrier;
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
    private static final Config DEFAULTS = new Config(1, Carrier.virtualThreads(), null);

    private final int parallelism;
    private final Carrier carrier;
    private final ExceptionHandler exceptionHandler;

    private Config(int parallelism, Carrier carrier, ExceptionHandler exceptionHandler) {
        this.parallelism = parallelism;
        this.carrier = carrier;
        this.exceptionHandler = exceptionHandler;
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
        return new Config(n, carrier, exceptionHandler);
    }

    /**
     * The carrier that task bodies run on; default {@link Carrier#virtualThreads()}.
     *
     * @apiNote asyncio: none (asyncio runs coroutines, not threads)
     */
    public Config withCarrier(Carrier carrier) {
        return new Config(parallelism, Objects.requireNonNull(carrier, "carrier"), exceptionHandler);
    }

    /**
     * Where errors with nobody to go to are reported; default: logged.
     *
     * @apiNote asyncio: {@code loop.set_exception_handler(handler)}
     */
    public Config withExceptionHandler(ExceptionHandler handler) {
        return new Config(parallelism, carrier, Objects.requireNonNull(handler, "handler"));
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
     * The carrier task bodies run on.
     *
     * @apiNote asyncio: none
     */
    public Carrier carrier() {
        return carrier;
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
        return "Config[parallelism=" + parallelism + ", carrier=" + carrier
                + (exceptionHandler != null ? ", exceptionHandler=" + exceptionHandler : "") + "]";
    }
}

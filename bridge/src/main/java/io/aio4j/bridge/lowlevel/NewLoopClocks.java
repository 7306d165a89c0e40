package io.aio4j.bridge.lowlevel;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** The per-thread setting behind {@link Clock#withNewLoopClocks}: which clock a new loop takes. */
final class NewLoopClocks {
    private static final ThreadLocal<Supplier<? extends Clock>> CLOCKS = new ThreadLocal<>();

    private NewLoopClocks() {
    }

    static <T> T with(Supplier<? extends Clock> clocks, Callable<T> body) throws Exception {
        Supplier<? extends Clock> previous = CLOCKS.get();
        CLOCKS.set(Objects.requireNonNull(clocks, "clocks"));
        try {
            return body.call();
        } finally {
            if (previous == null) {
                CLOCKS.remove();
            } else {
                CLOCKS.set(previous);
            }
        }
    }

    static Clock current() {
        Supplier<? extends Clock> s = CLOCKS.get();
        return s == null ? Clock.SYSTEM : s.get();
    }
}

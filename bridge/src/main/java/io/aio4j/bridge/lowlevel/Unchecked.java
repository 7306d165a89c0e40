package io.aio4j.bridge.lowlevel;

/**
 * Rethrowing a body's exception as it is: aio4j bodies and Kotlin suspend functions throw checked
 * exceptions that reach whoever awaits them unwrapped, as in asyncio.
 */
public final class Unchecked {
    private Unchecked() {
    }

    /** Throws {@code t} without declaring it; {@code throw Unchecked.rethrow(e);} keeps the compiler's flow analysis. */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
        throw (E) t;
    }
}

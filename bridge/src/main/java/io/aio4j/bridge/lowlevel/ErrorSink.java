package io.aio4j.bridge.lowlevel;

/** Where a loop reports errors nobody else can receive (asyncio's exception handler). */
@FunctionalInterface
public interface ErrorSink {
    void report(String message, Throwable error);

    /** Logs through {@code System.Logger} "io.aio4j" at ERROR. */
    ErrorSink LOG = (message, error) ->
            System.getLogger("io.aio4j").log(System.Logger.Level.ERROR, message, error);
}

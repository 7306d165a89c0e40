package io.aio4j;

/**
 * Receives the errors that have nobody to go to: a callback that threw, a task exception that was
 * never retrieved, a task that failed while {@code Aio.run} was shutting down.
 *
 * <p>The default logs through {@code System.Logger} {@code "io.aio4j"} at {@code ERROR}.
 *
 * @apiNote asyncio: {@code loop.set_exception_handler(handler)} with {@code context["message"]} and
 *     {@code context["exception"]}
 */
@FunctionalInterface
public interface ExceptionHandler {
    /**
     * @param message what happened, naming the task or callback
     * @param error the exception, or null when there is none
     */
    void handle(String message, Throwable error);
}

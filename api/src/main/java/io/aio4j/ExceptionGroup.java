package io.aio4j;

import java.util.List;

/**
 * Several exceptions raised together: what {@link Aio#taskGroup} throws when tasks of the group (or
 * its body) failed. Each exception is also attached as suppressed, so that a stack trace shows them.
 *
 * {@snippet :
 * try {
 *     Aio.taskGroup(tg -> {
 *         tg.createTask(() -> fetch(a));
 *         tg.createTask(() -> fetch(b));
 *     });
 * } catch (ExceptionGroup eg) {
 *     for (Throwable e : eg.exceptions()) log(e);
 * }
 * }
 *
 * @apiNote asyncio: {@code ExceptionGroup} / {@code BaseExceptionGroup}; {@code except*} becomes a
 *     loop over {@link #exceptions()}
 */
public final class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String baseMessage;
    private final List<Throwable> exceptions;

    /**
     * @param message what the exceptions have in common, without the count
     * @param exceptions at least one exception, in the order they happened
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + count(exceptions) + ")", exceptions.isEmpty() ? null : exceptions.get(0));
        this.baseMessage = message;
        this.exceptions = List.copyOf(exceptions);
        for (Throwable e : this.exceptions) {
            addSuppressed(e);
        }
    }

    private static String count(List<? extends Throwable> exceptions) {
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an ExceptionGroup needs at least one exception: the list is empty");
        }
        return exceptions.size() + (exceptions.size() == 1 ? " sub-exception" : " sub-exceptions");
    }

    /**
     * The exceptions, in the order they happened.
     *
     * @apiNote asyncio: {@code eg.exceptions}
     */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /**
     * The message without the count ("unhandled errors in a TaskGroup").
     *
     * @apiNote asyncio: {@code eg.message}
     */
    public String baseMessage() {
        return baseMessage;
    }
}

package io.aio4j.queue;

/**
 * The queue was shut down: {@code put} fails at once, {@code get} once the queue is empty.
 *
 * @apiNote asyncio: {@code asyncio.QueueShutDown (3.13)}
 */
public final class QueueShutDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueShutDown(String message) {
        super(message);
    }
}

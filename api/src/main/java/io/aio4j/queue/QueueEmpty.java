package io.aio4j.queue;

/**
 * {@link Queue#getNowait()} found the queue empty.
 *
 * @apiNote asyncio: {@code asyncio.QueueEmpty}
 */
public final class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueEmpty(String message) {
        super(message);
    }
}

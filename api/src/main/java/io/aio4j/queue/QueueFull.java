package io.aio4j.queue;

/**
 * {@link Queue#putNowait(Object)} found the queue full.
 *
 * @apiNote asyncio: {@code asyncio.QueueFull}
 */
public final class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFull(String message) {
        super(message);
    }
}

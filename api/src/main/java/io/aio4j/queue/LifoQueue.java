package io.aio4j.queue;

/**
 * A {@link Queue} that returns the most recently put item first.
 *
 * @param <T> the item type
 * @apiNote asyncio: {@code asyncio.LifoQueue}
 */
public final class LifoQueue<T> extends Queue<T> {
    /** An unbounded LIFO queue. */
    public LifoQueue() {
        this(0);
    }

    /**
     * @param maxsize the most items it holds; zero or less means unbounded
     * @apiNote asyncio: {@code asyncio.LifoQueue(maxsize)}
     */
    public LifoQueue(int maxsize) {
        super(maxsize, Storage.lifo());
    }
}

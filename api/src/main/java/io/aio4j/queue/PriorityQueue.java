package io.aio4j.queue;

import java.util.Comparator;
import java.util.Objects;

/**
 * A {@link Queue} that returns the smallest item first: natural order, or a {@link Comparator}.
 * Items that compare equal come out in no particular order (as with asyncio's heap).
 *
 * {@snippet :
 * PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
 * }
 *
 * @param <T> the item type
 * @apiNote asyncio: {@code asyncio.PriorityQueue}; Python puts {@code (priority, item)} tuples, Java
 *     gives a comparator
 */
public final class PriorityQueue<T> extends Queue<T> {
    /** An unbounded queue in natural order (items must be {@link Comparable}). */
    public PriorityQueue() {
        this(0);
    }

    /**
     * A queue in natural order holding at most {@code maxsize} items (zero or less: unbounded).
     *
     * @apiNote asyncio: {@code asyncio.PriorityQueue(maxsize)}
     */
    @SuppressWarnings("unchecked")
    public PriorityQueue(int maxsize) {
        this(maxsize, (Comparator<? super T>) Comparator.naturalOrder());
    }

    /** An unbounded queue in {@code order}. */
    public PriorityQueue(Comparator<? super T> order) {
        this(0, order);
    }

    /**
     * A queue in {@code order} holding at most {@code maxsize} items (zero or less: unbounded).
     *
     * @apiNote asyncio: {@code asyncio.PriorityQueue(maxsize)}
     */
    public PriorityQueue(int maxsize, Comparator<? super T> order) {
        super(maxsize, Storage.priority(Objects.requireNonNull(order, "order")));
    }
}

package io.aio4j;

import java.util.Set;

/**
 * What {@link Aio#wait} returns: the tasks that are done and those still pending, each in the order
 * they were given.
 *
 * @param done the tasks that are done (with a result, an exception, or cancelled)
 * @param pending the tasks still running
 * @param <T> the tasks' result type
 * @apiNote asyncio: the {@code (done, pending)} pair of {@code asyncio.wait}
 */
public record Done<T>(Set<Task<T>> done, Set<Task<T>> pending) {
    public Done {
        done = java.util.Collections.unmodifiableSet(done);
        pending = java.util.Collections.unmodifiableSet(pending);
    }
}

package io.aio4j.internal;

import io.aio4j.Task;
import io.aio4j.TimeoutError;
import io.aio4j.bridge.lowlevel.Handle;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * asyncio 3.13's {@code as_completed}: the tasks in the order they finish; with a timeout, the
 * iteration throws {@link TimeoutError} once it passes. Iterated once.
 */
public final class AsCompleted<T> implements Iterable<Task<T>>, Iterator<Task<T>>, Consumer<Task<T>> {
    private final Set<Task<T>> todo;
    private final ArrayDeque<Task<T>> finished = new ArrayDeque<>();
    private final Handle timer;
    private final String label;
    private int remaining;
    private boolean timedOut;
    private Waiter waiter;

    public AsCompleted(Collection<? extends Task<T>> tasks, long timeoutNanos, String label) {
        Objects.requireNonNull(tasks, "tasks");
        this.label = label;
        this.todo = new LinkedHashSet<>(tasks);
        if (todo.contains(null)) {
            throw new NullPointerException("Aio.asCompleted's tasks contain null");
        }
        EventLoopImpl loop = EventLoopImpl.current("Aio.asCompleted");
        this.remaining = todo.size();
        for (Task<T> t : todo) {
            t.addDoneCallback(this);
        }
        timer = timeoutNanos < Time.FOREVER_NANOS && remaining > 0
                ? loop.loop.callLater(timeoutNanos, this::onTimeout) : null;
    }

    @Override
    public Iterator<Task<T>> iterator() {
        return this;
    }

    @Override
    public synchronized boolean hasNext() {
        return remaining > 0;
    }

    @Override
    public Task<T> next() {
        TaskImpl.current("Aio.asCompleted's iterator");
        synchronized (this) {
            if (remaining == 0) {
                throw new NoSuchElementException("every task was already returned");
            }
        }
        for (;;) {
            synchronized (this) {
                Task<T> t = finished.poll();
                if (t != null) {
                    if (--remaining == 0 && timer != null) {
                        timer.cancel();
                    }
                    return t;
                }
                if (timedOut) {
                    remaining--;
                    throw new TimeoutError(label + " expired with " + (remaining + 1) + " task(s) not done");
                }
            }
            Waiter w;
            synchronized (this) {
                if (!finished.isEmpty() || timedOut) {
                    continue;
                }
                w = waiter = new Waiter();
            }
            try {
                w.await("Aio.asCompleted's iterator");
            } finally {
                synchronized (this) {
                    if (waiter == w) {
                        waiter = null;
                    }
                }
            }
        }
    }

    @Override
    public void accept(Task<T> t) {
        Waiter w;
        synchronized (this) {
            if (timedOut) {
                return;
            }
            finished.add(t);
            w = waiter;
            waiter = null;
        }
        if (w != null) {
            w.wake();
        }
    }

    private void onTimeout() {
        Waiter w;
        synchronized (this) {
            timedOut = true;
            w = waiter;
            waiter = null;
        }
        for (Task<T> t : todo) {
            t.removeDoneCallback(this);
        }
        if (w != null) {
            w.wake();
        }
    }
}

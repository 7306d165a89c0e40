package io.aio4j.internal;

import io.aio4j.Done;
import io.aio4j.ReturnWhen;
import io.aio4j.Task;
import io.aio4j.bridge.lowlevel.Handle;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** asyncio's {@code wait}: never raises on timeout and never cancels the tasks. */
public final class Wait<T> implements Consumer<Task<T>> {
    private final ReturnWhen when;
    private int left;
    private final Waiter waiter = new Waiter();

    private Wait(ReturnWhen when, int count) {
        this.when = when;
        this.left = count;
    }

    public static <T> Done<T> await(Collection<? extends Task<T>> tasks, ReturnWhen when, long timeoutNanos) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(when, "when");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("Aio.wait needs at least one task: the collection of tasks is empty");
        }
        Set<Task<T>> fs = new LinkedHashSet<>(tasks);
        if (fs.contains(null)) {
            throw new NullPointerException("Aio.wait's tasks contain null");
        }
        TaskImpl<?> me = TaskImpl.current("Aio.wait");
        Wait<T> w = new Wait<>(when, fs.size());
        Handle[] timer = new Handle[1];
        try {
            if (timeoutNanos < Time.FOREVER_NANOS) {
                timer[0] = me.bridgeLoop().callLater(timeoutNanos, w.waiter);
            }
            for (Task<T> f : fs) {
                f.addDoneCallback(w);
            }
            w.waiter.await("Aio.wait");
        } finally {
            if (timer[0] != null) {
                timer[0].cancel();
            }
            for (Task<T> f : fs) {
                f.removeDoneCallback(w);
            }
        }
        Set<Task<T>> done = new LinkedHashSet<>();
        Set<Task<T>> pending = new LinkedHashSet<>();
        for (Task<T> f : fs) {
            (f.done() ? done : pending).add(f);
        }
        return new Done<>(done, pending);
    }

    @Override
    public void accept(Task<T> f) {
        boolean release;
        synchronized (this) {
            left--;
            release = left <= 0 || when == ReturnWhen.FIRST_COMPLETED
                    || (when == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null);
        }
        if (release) {
            waiter.wake();
        }
    }
}

package io.aio4j.internal;

import io.aio4j.CancelledError;
import io.aio4j.Settled;
import io.aio4j.Task;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * asyncio's {@code gather}: waits for every task, or (unless settled) for the first failure;
 * cancelling the waiting task cancels the children.
 */
public final class Gather<T> {
    private final List<Task<? extends T>> tasks;
    private final boolean settled;
    private final AtomicInteger left;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicReference<Task<? extends T>> firstFailure = new AtomicReference<>();
    private volatile boolean cancelRequested;
    private volatile String cancelMessage;

    private Gather(List<? extends Task<? extends T>> tasks, boolean settled) {
        this.tasks = List.copyOf(tasks);
        this.settled = settled;
        this.left = new AtomicInteger(this.tasks.size());
    }

    /** {@code gather(*tasks)}: the results in input order, or the first failure rethrown. */
    public static <T> List<T> all(List<? extends Task<? extends T>> tasks) {
        Gather<T> g = new Gather<>(checked(tasks), false);
        g.await();
        List<T> results = new ArrayList<>(g.tasks.size());
        for (Task<? extends T> t : g.tasks) {
            results.add(t.result());
        }
        return results;
    }

    /** {@code gather(*tasks, return_exceptions=True)}. */
    public static <T> List<Settled<T>> settled(List<? extends Task<? extends T>> tasks) {
        Gather<T> g = new Gather<>(checked(tasks), true);
        g.await();
        List<Settled<T>> results = new ArrayList<>(g.tasks.size());
        for (Task<? extends T> t : g.tasks) {
            if (t.cancelled()) {
                results.add(new Settled.Failed<>(cancelledErrorOf(t)));
            } else if (t.exception() != null) {
                results.add(new Settled.Failed<>(t.exception()));
            } else {
                results.add(new Settled.Value<>(t.result()));
            }
        }
        return results;
    }

    private static <T> List<? extends Task<? extends T>> checked(List<? extends Task<? extends T>> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) == null) {
                throw new NullPointerException("gather's task " + i + " is null");
            }
        }
        return tasks;
    }

    private static CancelledError cancelledErrorOf(Task<?> t) {
        try {
            t.result();
            throw new IllegalStateException("not cancelled: " + t);
        } catch (CancelledError e) {
            return e;
        }
    }

    private void await() {
        TaskImpl.current("Aio.gather"); // also with nothing to wait for: only a task may gather
        if (!tasks.isEmpty()) {
            Waiter w = new Waiter();
            for (Task<? extends T> t : tasks) {
                t.addDoneCallback(x -> childDone(x, w));
            }
            w.await("Aio.gather", this::cancelChildren);
        }
        if (cancelRequested) {
            throw new CancelledError(cancelMessage);
        }
        Task<? extends T> failed = firstFailure.get();
        if (failed != null) {
            failed.result(); // rethrows its exception, or its CancelledError
        }
    }

    private void childDone(Task<? extends T> t, Waiter k) {
        boolean failure = t.cancelled() || t.exception() != null; // exception() also marks it retrieved
        if (!settled && failure) { // asyncio: the first failure (or cancelled child) ends the wait
            firstFailure.compareAndSet(null, t);
            finish(k);
        }
        if (left.decrementAndGet() == 0) {
            finish(k);
        }
    }

    private void finish(Waiter k) {
        if (finished.compareAndSet(false, true)) {
            k.wake();
        }
    }

    /** asyncio's {@code _GatheringFuture.cancel}: cancels the children; took if any was still running. */
    private boolean cancelChildren(String message) {
        boolean any = false;
        for (Task<? extends T> t : tasks) {
            any |= t.cancel(message);
        }
        if (any) {
            cancelMessage = message;
            cancelRequested = true;
        }
        return any;
    }
}

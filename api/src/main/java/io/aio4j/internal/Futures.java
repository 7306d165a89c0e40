package io.aio4j.internal;

import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.CancelledError;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import io.aio4j.bridge.lowlevel.Waiter;

/** Awaiting Java futures, and running blocking work off the loop. */
public final class Futures {
    private Futures() {
    }

    /**
     * Awaits {@code stage} in the current task. Cancelling the task cancels the future (if it can be)
     * and returns at once with {@link CancelledError}.
     */
    public static <T> T await(CompletionStage<T> stage, String what) {
        Objects.requireNonNull(stage, "stage");
        CompletableFuture<T> f = toFuture(stage);
        TaskImpl<?> me = TaskImpl.current(what);
        if (!f.isDone()) {
            Waiter w = new Waiter();
            f.whenComplete((v, e) -> w.wake());
            try {
                w.awaitForeign(what); // another thread completes it: virtual time must wait for it
            } finally {
                if (!w.woken()) {
                    f.cancel(false);
                }
            }
        }
        return outcome(f);
    }

    /**
     * Waits until {@code f} is done, whatever its outcome, and through any cancellation of the current
     * task: for cleanup that must not return before an operation already under way has ended (a disk
     * write that a cancelled task started). Returns the cancellation that arrived meanwhile, or null;
     * the caller rethrows it (or the one it is already handling).
     */
    public static CancelledError awaitThroughCancellation(CompletableFuture<?> f, String what) {
        CancelledError arrived = null;
        while (!f.isDone()) {
            try {
                await(f.handle((v, e) -> null), what); // a copy: cancelling the wait leaves f alone
            } catch (CancelledError c) {
                arrived = c;
            }
        }
        return arrived;
    }

    private static <T> CompletableFuture<T> toFuture(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) { // a minimal stage: follow it instead
            CompletableFuture<T> f = new CompletableFuture<>();
            stage.whenComplete((v, x) -> {
                if (x == null) {
                    f.complete(v);
                } else {
                    f.completeExceptionally(x);
                }
            });
            return f;
        }
    }

    private static <T> T outcome(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CancellationException e) {
            throw new CancelledError("the awaited future was cancelled", e);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CancellationException c) {
                throw new CancelledError("the awaited future was cancelled", c);
            }
            throw Unchecked.rethrow(cause);
        }
    }

    /** {@code run_in_executor}: runs {@code f} on {@code executor} (null: the loop's default) and awaits it. */
    public static <T> T runInExecutor(Executor executor, Callable<T> f, String what) {
        Objects.requireNonNull(f, "f");
        EventLoopImpl loop = EventLoopImpl.current(what);
        Executor ex = executor != null ? executor : loop.defaultExecutor();
        CompletableFuture<T> cf = new CompletableFuture<>();
        ex.execute(() -> {
            if (cf.isDone()) {
                return; // cancelled before it started
            }
            try {
                cf.complete(f.call());
            } catch (Throwable t) {
                cf.completeExceptionally(t);
            }
        });
        return await(cf, what);
    }

    /** {@code to_thread}: {@link #runInExecutor} on the default executor, with the caller's TaskLocals. */
    public static <T> T toThread(Callable<T> f) {
        Objects.requireNonNull(f, "f");
        Map<io.aio4j.TaskLocal<?>, Object> values = TaskContext.current();
        return runInExecutor(null, () -> TaskContext.callWith(values, f), "Aio.toThread");
    }
}

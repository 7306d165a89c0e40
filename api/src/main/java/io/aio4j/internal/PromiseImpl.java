package io.aio4j.internal;

import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.InvalidStateError;
import io.aio4j.Promise;
import io.aio4j.Task;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * asyncio's {@code Future} as aio4j's one awaitable type: a task whose body waits until the promise is
 * settled, so every combinator takes it; the settled state itself is kept here, so that
 * {@code done()}, {@code result()} and {@code cancelled()} answer at once, as asyncio's do.
 * Loop-confined, as asyncio's futures are.
 */
public final class PromiseImpl<T> implements Promise<T> {
    private static final int PENDING = 0, RESULT = 1, EXCEPTION = 2, CANCELLED = 3;

    private final TaskImpl<T> task;
    private final Waiter settled = new Waiter();
    private final Map<Consumer<? super Task<T>>, Consumer<? super Task<T>>> callbacks = new IdentityHashMap<>();
    private int state = PENDING;
    private T value;
    private Throwable error;

    public PromiseImpl(EventLoopImpl loop) {
        this.task = TaskImpl.create(loop, null, this::body);
        task.setName("Future-" + task.name().substring("Task-".length()));
        task.addDoneCallback(t -> {
            if (state == PENDING) {
                state = CANCELLED; // a task awaiting it was cancelled, and so it was
            }
        });
    }

    private T body() {
        settled.await("Future.await");
        if (state == EXCEPTION) {
            throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(error);
        }
        return value;
    }

    /** The task that stands for this promise in the engine (shield, waitFor). */
    TaskImpl<T> task() {
        return task;
    }

    @Override
    public void setResult(T v) {
        settle(RESULT, v, null, "set_result");
    }

    @Override
    public void setException(Throwable e) {
        java.util.Objects.requireNonNull(e, "error");
        if (e instanceof CancelledError) {
            throw new IllegalArgumentException("a CancelledError cannot be set as a future's exception: cancel() it");
        }
        settle(EXCEPTION, null, e, "set_exception");
    }

    private void settle(int how, T v, Throwable e, String what) {
        if (state != PENDING) {
            throw new InvalidStateError("invalid state: " + what + "() on a future that is " + describe());
        }
        state = how;
        value = v;
        error = e;
        settled.wake();
    }

    private String describe() {
        return switch (state) {
            case RESULT -> "finished";
            case EXCEPTION -> "finished with an exception";
            case CANCELLED -> "cancelled";
            default -> "pending";
        };
    }

    @Override
    public T await() {
        if (state == PENDING || !task.done()) {
            return task.await();
        }
        return result();
    }

    @Override
    public T result() {
        return switch (state) {
            case RESULT -> value;
            case EXCEPTION -> {
                if (task.done()) {
                    task.exception(); // retrieved: no "exception was never retrieved" report
                }
                throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(error);
            }
            case CANCELLED -> task.done() ? task.result() : throwCancelled();
            default -> throw new InvalidStateError("Result is not set.");
        };
    }

    private static <R> R throwCancelled() {
        throw new CancelledError(null);
    }

    @Override
    public Throwable exception() {
        return switch (state) {
            case RESULT -> null;
            case EXCEPTION -> task.done() ? task.exception() : error;
            case CANCELLED -> task.done() ? task.exception() : throwCancelled();
            default -> throw new InvalidStateError("Exception is not set.");
        };
    }

    @Override
    public boolean done() {
        return state != PENDING;
    }

    @Override
    public boolean cancel() {
        return cancel((String) null);
    }

    @Override
    public boolean cancel(String message) {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        task.cancel(message);
        return true;
    }

    @Override
    public boolean cancelled() {
        return state == CANCELLED;
    }

    @Override
    public int cancelling() {
        return task.cancelling();
    }

    @Override
    public int uncancel() {
        return task.uncancel();
    }

    @Override
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        java.util.Objects.requireNonNull(callback, "callback");
        Consumer<? super Task<T>> wrapped = t -> callback.accept(this);
        callbacks.put(callback, wrapped);
        task.addDoneCallback(wrapped);
    }

    @Override
    public int removeDoneCallback(Consumer<? super Task<T>> callback) {
        Consumer<? super Task<T>> wrapped = callbacks.remove(callback);
        return wrapped == null ? 0 : task.removeDoneCallback(wrapped);
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public void setName(String name) {
        task.setName(name);
    }

    @Override
    public EventLoop loop() {
        return task.loop();
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return task.toCompletableFuture();
    }

    // java.util.concurrent.Future, as Task has it

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel();
    }

    @Override
    public boolean isCancelled() {
        return cancelled();
    }

    @Override
    public boolean isDone() {
        return done();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return task.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(timeout, unit);
    }

    @Override
    public T resultNow() {
        if (state != RESULT) {
            throw new IllegalStateException("Future " + name() + " has no result: it is " + describe());
        }
        return value;
    }

    @Override
    public Throwable exceptionNow() {
        if (state != EXCEPTION) {
            throw new IllegalStateException("Future " + name() + " has no exception: it is " + describe());
        }
        return exception();
    }

    @Override
    public State state() {
        return switch (state) {
            case RESULT -> State.SUCCESS;
            case EXCEPTION -> State.FAILED;
            case CANCELLED -> State.CANCELLED;
            default -> State.RUNNING;
        };
    }

    @Override
    public String toString() {
        String s = "<Future " + switch (state) {
            case RESULT -> "finished result=" + Repr.of(value);
            case EXCEPTION -> "finished exception=" + error;
            case CANCELLED -> "cancelled";
            default -> "pending";
        };
        return s + ">";
    }
}

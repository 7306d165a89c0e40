package io.aio4j.internal;

import io.aio4j.AsyncCallable;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.InvalidStateError;
import io.aio4j.Task;
import io.aio4j.TaskLocal;
import io.aio4j.bridge.internal.Fiber;
import io.aio4j.bridge.internal.Loop;
import io.aio4j.bridge.internal.Suspensions;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The one implementation of {@link Task}: a fiber plus asyncio's future state. */
public final class TaskImpl<T> extends Fiber implements Task<T> {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final int PENDING = 0, RESULT = 1, EXCEPTION = 2, CANCELLED = 3;

    private final EventLoopImpl eventLoop;
    private final AsyncCallable<T> body;
    private volatile String name;
    /** This task's TaskLocal values; read and replaced on its own fiber only. */
    Map<TaskLocal<?>, Object> context;
    /** Where the task was created, when the loop tracks it (tests, debug). */
    private final Throwable createdAt;
    /** The task that created this one (for task dumps), or null. */
    final TaskImpl<?> parent;
    /** The task group this task belongs to, or null. */
    final TaskGroupImpl group;

    // written under loop.lock; outcome is volatile so that done() and await() need no lock
    private volatile int outcome = PENDING;
    private T value;
    private Throwable error;
    private CancelledError cancelledError;
    private ArrayList<Object> callbacks; // Consumers (done callbacks) and Waiters (awaiting tasks)
    private CompletableFuture<T> future;
    private Unretrieved unretrieved;

    private TaskImpl(EventLoopImpl eventLoop, String name, AsyncCallable<T> body, TaskGroupImpl group) {
        super(eventLoop.loop, name);
        this.eventLoop = eventLoop;
        this.name = name;
        this.body = body;
        this.createdAt = eventLoop.loop.resources.tracking() || eventLoop.loop.debug()
                ? new Throwable("task " + name + " was created here") : null;
        this.parent = Loop.currentFiber() instanceof TaskImpl<?> p && p.eventLoop == eventLoop ? p : null;
        this.group = group;
    }

    /** Creates and schedules a task (asyncio: {@code loop.create_task}). */
    public static <T> TaskImpl<T> create(EventLoopImpl loop, String name, AsyncCallable<T> body) {
        return create(loop, name, body, null);
    }

    /** Creates and schedules a task of a task group. */
    static <T> TaskImpl<T> create(EventLoopImpl loop, String name, AsyncCallable<T> body, TaskGroupImpl group) {
        Objects.requireNonNull(body, "body");
        String n = name != null ? name : "Task-" + COUNTER.incrementAndGet();
        TaskImpl<T> t = new TaskImpl<>(loop, n, body, group);
        t.context = TaskContext.current(); // contextvars: a copy of the creator's values
        t.start();
        return t;
    }

    /** The task running on this thread, or an error saying that {@code what} needs one. */
    public static TaskImpl<?> current(String what) {
        return (TaskImpl<?>) Suspensions.currentFiber(what);
    }

    /** Where the task was created, or null when the loop does not track it. */
    public Throwable createdAt() {
        return createdAt;
    }

    // ---- running ---------------------------------------------------------------------------------

    @Override
    protected void runBody() {
        T v;
        try {
            v = body.call();
        } catch (CancelledError e) {
            complete(CANCELLED, null, null, e);
            return;
        } catch (Throwable e) {
            complete(EXCEPTION, null, e, null);
            return;
        }
        String message = null;
        boolean cancel;
        loop.lock.lock();
        try {
            cancel = takeMustCancelLocked();
            if (cancel) {
                message = cancelMessageLocked();
            }
        } finally {
            loop.lock.unlock();
        }
        if (cancel) { // cancelled right before the body returned: asyncio ends it cancelled
            complete(CANCELLED, null, null, new CancelledError(message));
        } else {
            complete(RESULT, v, null, null);
        }
    }

    @Override
    protected void completeCancelledBeforeStart(String message) {
        complete(CANCELLED, null, null, new CancelledError(message));
    }

    @Override
    protected Error newCancelledError(String message, Throwable cause) {
        return new CancelledError(message, cause);
    }

    @SuppressWarnings("unchecked")
    private void complete(int how, T v, Throwable e, CancelledError c) {
        ArrayList<Object> cbs;
        CompletableFuture<T> f;
        Unretrieved report = how == EXCEPTION ? new Unretrieved(eventLoop, name, e, createdAt) : null;
        loop.lock.lock();
        try {
            if (outcome != PENDING) {
                return;
            }
            unretrieved = report;
            value = v;
            error = e;
            cancelledError = c;
            outcome = how;
            cbs = callbacks;
            callbacks = null;
            f = future;
        } finally {
            loop.lock.unlock();
        }
        if (report != null) {
            eventLoop.track(this, report);
        }
        if (cbs != null) {
            for (Object cb : cbs) {
                if (cb instanceof Waiter w) {
                    w.wake();
                } else {
                    scheduleCallback((Consumer<? super Task<T>>) cb);
                }
            }
        }
        if (f != null) {
            completeFuture(f);
        }
    }

    private void scheduleCallback(Consumer<? super Task<T>> cb) {
        eventLoop.loop.callSoon(() -> cb.accept(this));
    }

    private void completeFuture(CompletableFuture<T> f) {
        switch (outcome) {
            case RESULT -> f.complete(value);
            case EXCEPTION -> { // the future's holder now owns the exception
                markRetrieved();
                f.completeExceptionally(error);
            }
            default -> f.cancel(false);
        }
    }

    // ---- awaiting --------------------------------------------------------------------------------

    @Override
    public T await() {
        Fiber me = Suspensions.currentFiber("Task.await()");
        if (me == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (me.bridgeLoop() != loop && me.bridgeLoop().debug()) {
            throw new IllegalStateException("Task " + this + " belongs to another event loop than the task awaiting it ("
                    + me + "); hand results between loops with submit() or a CompletableFuture");
        }
        if (outcome == PENDING) {
            // asyncio: cancelling the awaiting task cancels this one and keeps waiting for it
            join(me, this::cancel, "Task.await()");
        }
        return outcomeForAwaiter();
    }

    /**
     * Waits until this task is done, whatever its outcome, without forwarding a cancellation of the
     * waiting task to it (asyncio: awaiting a waiter future, or {@code shield}).
     */
    public void waitDone(String what) {
        Fiber me = Suspensions.currentFiber(what);
        if (me == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (outcome == PENDING) {
            join(me, null, what);
        }
    }

    /** {@code await shield(task)}: the outcome, but a cancellation of the waiter stays with the waiter. */
    public T awaitShielded() {
        waitDone("Aio.shield");
        return outcomeForAwaiter();
    }

    /** Parks {@code me} until this task is done; {@code onCancel} as in {@link Waiter#await(String, Waiter.OnCancel)}. */
    private void join(Fiber me, Waiter.OnCancel onCancel, String what) {
        Waiter w = new Waiter();
        loop.lock.lock();
        try {
            if (outcome != PENDING) {
                return;
            }
            addCallbackLocked(w);
        } finally {
            loop.lock.unlock();
        }
        try {
            me.awaitWaiter(w, onCancel, false);
        } finally {
            if (!w.woken()) {
                removeCallback(w);
            }
        }
    }

    private T outcomeForAwaiter() {
        return switch (outcome) {
            case RESULT -> value;
            case EXCEPTION -> {
                markRetrieved();
                throw Suspensions.sneakyThrow(error);
            }
            case CANCELLED -> throw cancelledErrorForCaller();
            default -> throw new InvalidStateError("Result is not set.");
        };
    }

    private CancelledError cancelledErrorForCaller() {
        CancelledError c = cancelledError;
        return new CancelledError(c.getMessage(), c);
    }

    private void markRetrieved() {
        Unretrieved u = unretrieved;
        if (u != null) {
            u.retrieved();
        }
    }

    // ---- future state ----------------------------------------------------------------------------

    @Override
    public T result() {
        return outcomeForAwaiter();
    }

    @Override
    public Throwable exception() {
        return switch (outcome) {
            case RESULT -> null;
            case EXCEPTION -> {
                markRetrieved();
                yield error;
            }
            case CANCELLED -> throw cancelledErrorForCaller();
            default -> throw new InvalidStateError("Exception is not set.");
        };
    }

    @Override
    public boolean done() {
        return outcome != PENDING;
    }

    @Override
    public boolean cancel() {
        return cancel((String) null);
    }

    @Override
    public boolean cancel(String message) {
        Object target;
        loop.lock.lock();
        try {
            if (outcome != PENDING) {
                return false;
            }
            target = requestCancelLocked(message);
        } finally {
            loop.lock.unlock();
        }
        deliverCancel(target, message);
        return true;
    }

    @Override
    public boolean cancelled() {
        return outcome == CANCELLED;
    }

    @Override
    public int cancelling() {
        loop.lock.lock();
        try {
            return cancellingLocked();
        } finally {
            loop.lock.unlock();
        }
    }

    /** See {@code Fiber.cancellingDeliveredLocked}: where a timeout scope counts its own request from. */
    int cancellingDelivered() {
        loop.lock.lock();
        try {
            return cancellingDeliveredLocked();
        } finally {
            loop.lock.unlock();
        }
    }

    @Override
    public int uncancel() {
        loop.lock.lock();
        try {
            return uncancelLocked();
        } finally {
            loop.lock.unlock();
        }
    }

    @Override
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        loop.lock.lock();
        try {
            if (outcome == PENDING) {
                addCallbackLocked(callback);
                return;
            }
        } finally {
            loop.lock.unlock();
        }
        scheduleCallback(callback);
    }

    @Override
    public int removeDoneCallback(Consumer<? super Task<T>> callback) {
        loop.lock.lock();
        try {
            if (callbacks == null) {
                return 0;
            }
            int before = callbacks.size();
            callbacks.removeIf(cb -> cb.equals(callback));
            return before - callbacks.size();
        } finally {
            loop.lock.unlock();
        }
    }

    private void addCallbackLocked(Object cb) {
        if (callbacks == null) {
            callbacks = new ArrayList<>(2);
        }
        callbacks.add(cb);
    }

    private void removeCallback(Object cb) {
        loop.lock.lock();
        try {
            if (callbacks != null) {
                callbacks.remove(cb);
            }
        } finally {
            loop.lock.unlock();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public EventLoop loop() {
        return eventLoop;
    }

    // ---- java.util.concurrent.Future -------------------------------------------------------------

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> f;
        boolean done;
        loop.lock.lock();
        try {
            if (future != null) {
                return future;
            }
            f = future = new CompletableFuture<>();
            done = outcome != PENDING;
        } finally {
            loop.lock.unlock();
        }
        f.whenComplete((v, e) -> {
            if (e instanceof CancellationException) {
                cancel();
            }
        });
        if (done) {
            completeFuture(f);
        }
        return f;
    }

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
        checkNotOwnLoop();
        return unwrap(() -> toCompletableFuture().get());
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        checkNotOwnLoop();
        try {
            return toCompletableFuture().get(timeout, unit);
        } finally {
            markRetrievedIfDone();
        }
    }

    @Override
    public T resultNow() {
        if (outcome != RESULT) {
            throw new IllegalStateException("Task " + name + " has no result: " + stateName());
        }
        return value;
    }

    @Override
    public Throwable exceptionNow() {
        if (outcome != EXCEPTION) {
            throw new IllegalStateException("Task " + name + " has no exception: " + stateName());
        }
        markRetrieved();
        return error;
    }

    private interface Get<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    private T unwrap(Get<T> get) throws InterruptedException, ExecutionException {
        try {
            return get.get();
        } finally {
            markRetrievedIfDone();
        }
    }

    private void markRetrievedIfDone() {
        if (outcome == EXCEPTION) {
            markRetrieved();
        }
    }

    private void checkNotOwnLoop() {
        if (Loop.currentLoop() == loop) {
            throw new IllegalStateException("Task.get() blocks the thread, which would stall the event loop that "
                    + name + " runs on; inside a task use task.await()");
        }
    }

    private String stateName() {
        return switch (outcome) {
            case RESULT -> "finished";
            case EXCEPTION -> "finished with an exception";
            case CANCELLED -> "cancelled";
            default -> "pending";
        };
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case RESULT -> "<Task finished name='" + name + "' result=" + value + ">";
            case EXCEPTION -> "<Task finished name='" + name + "' exception=" + error + ">";
            case CANCELLED -> "<Task cancelled name='" + name + "'>";
            default -> "<Task pending name='" + name + "'>";
        };
    }
}

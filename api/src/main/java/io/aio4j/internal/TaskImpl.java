package io.aio4j.internal;

import static io.aio4j.bridge.lowlevel.TaskCore.CANCELLED;
import static io.aio4j.bridge.lowlevel.TaskCore.EXCEPTION;
import static io.aio4j.bridge.lowlevel.TaskCore.PENDING;
import static io.aio4j.bridge.lowlevel.TaskCore.RESULT;

import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.InvalidStateError;
import io.aio4j.Task;
import io.aio4j.TaskLocal;
import io.aio4j.bridge.lowlevel.LoopCore;
import io.aio4j.bridge.lowlevel.TaskCore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The one implementation of {@link Task}: the engine's task core with asyncio's vocabulary on top. */
public final class TaskImpl<T> implements Task<T>, TaskCore.Host<T> {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final EventLoopImpl eventLoop;
    /** The engine's side: the fiber, the outcome, the callbacks, the cancellation requests. */
    private final TaskCore<T> core;
    /** An AsyncCallable, or an AsyncRunnable for a task without a result (no wrapper per task). */
    private final Object body;
    /** The name given, or null for {@code Task-<number>} (made when first asked for). */
    private volatile String name;
    private final long number;
    /** This task's TaskLocal values; read and replaced on its own fiber only. */
    Map<TaskLocal<?>, Object> context;
    /** Where the task was created, when the loop tracks it (tests, debug). */
    private final Throwable createdAt;
    /** The task that created this one (for task dumps), or null. */
    final TaskImpl<?> parent;
    /** The task group this task belongs to, or null. */
    final TaskGroupImpl group;
    /** Guarded by this. */
    private CompletableFuture<T> future;
    private volatile Unretrieved unretrieved;

    private TaskImpl(EventLoopImpl eventLoop, String name, Object body, TaskGroupImpl group) {
        this.eventLoop = eventLoop;
        this.core = eventLoop.loop.newTask(this);
        this.number = COUNTER.incrementAndGet();
        this.name = name;
        this.body = body;
        this.createdAt = eventLoop.loop.tracksResources() || eventLoop.loop.debug()
                ? new Throwable("task " + name() + " was created here") : null;
        this.parent = currentOrNull() instanceof TaskImpl<?> p && p.eventLoop == eventLoop ? p : null;
        this.group = group;
    }

    /** Creates and schedules a task (asyncio: {@code loop.create_task}). */
    public static <T> TaskImpl<T> create(EventLoopImpl loop, String name, AsyncCallable<T> body) {
        return create(loop, name, body, null);
    }

    /** {@link #create(EventLoopImpl, String, AsyncCallable)} for a body without a result. */
    public static TaskImpl<Void> createVoid(EventLoopImpl loop, String name, AsyncRunnable body, TaskGroupImpl group) {
        return start(new TaskImpl<>(loop, name, Objects.requireNonNull(body, "body"), group));
    }

    /** Creates and schedules a task of a task group. */
    static <T> TaskImpl<T> create(EventLoopImpl loop, String name, AsyncCallable<T> body, TaskGroupImpl group) {
        return start(new TaskImpl<>(loop, name, Objects.requireNonNull(body, "body"), group));
    }

    private static <T> TaskImpl<T> start(TaskImpl<T> t) {
        t.context = TaskContext.current(); // contextvars: a copy of the creator's values
        t.core.start();
        return t;
    }

    /** The task whose body runs on this thread, or null (a loop callback, or no loop at all). */
    public static TaskImpl<?> currentOrNull() {
        return TaskCore.current() instanceof TaskCore<?> c && c.host() instanceof TaskImpl<?> t ? t : null;
    }

    /** The task running on this thread, or an error saying that {@code what} needs one. */
    public static TaskImpl<?> current(String what) {
        TaskImpl<?> t = currentOrNull();
        if (t == null) {
            throw TaskCore.notInTask(what);
        }
        return t;
    }

    /** The engine's side of this task. */
    public TaskCore<T> core() {
        return core;
    }

    /** The event loop this task runs on. */
    EventLoopImpl eventLoop() {
        return eventLoop;
    }

    /** The engine's loop this task runs on. */
    LoopCore bridgeLoop() {
        return eventLoop.loop;
    }

    /** Where the task was created, or null when the loop does not track it. */
    @Override
    public Throwable createdAt() {
        return createdAt;
    }

    // ---- running ---------------------------------------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public T call() throws Exception {
        if (body instanceof AsyncCallable<?> c) {
            return (T) c.call();
        }
        ((AsyncRunnable) body).run();
        return null;
    }

    @Override
    public boolean isCancellation(Throwable t) {
        return t instanceof CancelledError;
    }

    @Override
    public Error newCancelledError(String message, Throwable cause) {
        return new CancelledError(message, cause);
    }

    @Override
    public void beforeOutcome(int how, Throwable e) {
        if (how == EXCEPTION) {
            Unretrieved report = new Unretrieved(eventLoop, name(), e, createdAt);
            unretrieved = report;
            eventLoop.track(this, report);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void runDoneCallback(Object cb) {
        Consumer<? super Task<T>> c = (Consumer<? super Task<T>>) cb;
        eventLoop.loop.callSoon(() -> c.accept(this));
    }

    @Override
    public void afterOutcome() {
        CompletableFuture<T> f;
        synchronized (this) {
            f = future;
        }
        if (f != null) {
            completeFuture(f);
        }
    }

    private void completeFuture(CompletableFuture<T> f) {
        switch (outcome()) {
            case RESULT -> f.complete(value());
            case EXCEPTION -> { // the future's holder now owns the exception
                markRetrieved();
                f.completeExceptionally(error());
            }
            default -> f.cancel(false);
        }
    }

    // ---- awaiting --------------------------------------------------------------------------------

    @Override
    public T await() {
        TaskImpl<?> me = current("Task.await()");
        if (me == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (me.eventLoop != eventLoop && me.eventLoop.loop.debug()) {
            throw new IllegalStateException("Task " + this + " belongs to another event loop than the task awaiting it ("
                    + me + "); hand results between loops with submit() or a CompletableFuture");
        }
        if (outcome() == PENDING) {
            // asyncio: cancelling the awaiting task cancels this one and keeps waiting for it
            core.awaitDone("Task.await()", this::cancel);
        }
        return outcomeForAwaiter();
    }

    /**
     * Waits until this task is done, whatever its outcome, without forwarding a cancellation of the
     * waiting task to it (asyncio: awaiting a waiter future, or {@code shield}).
     */
    public void waitDone(String what) {
        if (current(what) == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (outcome() == PENDING) {
            core.awaitDone(what, null);
        }
    }

    /** {@code await shield(task)}: the outcome, but a cancellation of the waiter stays with the waiter. */
    public static <T> T shield(Task<T> task) {
        Objects.requireNonNull(task, "task");
        return of(task).awaitShielded();
    }

    /** The engine's task behind {@code task}: itself, or the one a promise stands on. */
    @SuppressWarnings("unchecked")
    static <T> TaskImpl<T> of(Task<T> task) {
        return task instanceof PromiseImpl<T> p ? p.task() : (TaskImpl<T>) task;
    }

    private T awaitShielded() {
        waitDone("Aio.shield");
        return outcomeForAwaiter();
    }

    private T outcomeForAwaiter() {
        return switch (outcome()) {
            case RESULT -> value();
            case EXCEPTION -> {
                markRetrieved();
                throw Unchecked.rethrow(error());
            }
            case CANCELLED -> throw cancelledErrorForCaller();
            default -> throw new InvalidStateError("Result is not set.");
        };
    }

    private CancelledError cancelledErrorForCaller() {
        Throwable c = error();
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
        return switch (outcome()) {
            case RESULT -> null;
            case EXCEPTION -> {
                markRetrieved();
                yield error();
            }
            case CANCELLED -> throw cancelledErrorForCaller();
            default -> throw new InvalidStateError("Exception is not set.");
        };
    }

    @Override
    public boolean cancel() {
        return cancel((String) null);
    }

    @Override
    public boolean cancel(String message) {
        if (outcome() == EXCEPTION) {
            markRetrieved(); // asyncio: cancel() clears _log_traceback first, so a failed task cancelled in cleanup is quiet
        }
        return core.cancel(message);
    }

    @Override
    public boolean done() {
        return core.done();
    }

    @Override
    public boolean cancelled() {
        return core.cancelled();
    }

    @Override
    public int cancelling() {
        return core.cancelling();
    }

    @Override
    public int uncancel() {
        return core.uncancel();
    }

    /** See {@link TaskCore#cancellingDelivered()}. */
    int cancellingDelivered() {
        return core.cancellingDelivered();
    }

    /** The task's stack now (see {@link TaskCore#stack()}). */
    StackTraceElement[] stack() {
        return core.stack();
    }

    /** Where the task is in its steps (see {@link TaskCore#stepState()}). */
    String stepState() {
        return core.stepState();
    }

    private int outcome() {
        return core.outcome();
    }

    private T value() {
        return core.value();
    }

    private Throwable error() {
        return core.error();
    }

    @Override
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        if (!core.addDoneCallback(callback)) {
            runDoneCallback(callback);
        }
    }

    @Override
    public int removeDoneCallback(Consumer<? super Task<T>> callback) {
        return core.removeDoneCallback(callback);
    }

    @Override
    public String name() {
        String n = name;
        if (n == null) {
            n = name = "Task-" + number;
        }
        return n;
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
        synchronized (this) {
            if (future != null) {
                return future;
            }
            f = future = new CompletableFuture<>();
            done = outcome() != PENDING;
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
        return core.cancelled();
    }

    @Override
    public boolean isDone() {
        return core.done();
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
        if (outcome() != RESULT) {
            throw new IllegalStateException("Task " + name() + " has no result: " + stateName());
        }
        return value();
    }

    @Override
    public Throwable exceptionNow() {
        if (outcome() != EXCEPTION) {
            throw new IllegalStateException("Task " + name() + " has no exception: " + stateName());
        }
        markRetrieved();
        return error();
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
        if (outcome() == EXCEPTION) {
            markRetrieved();
        }
    }

    private void checkNotOwnLoop() {
        if (LoopCore.current() == eventLoop.loop) {
            throw new IllegalStateException("Task.get() blocks the thread, which would stall the event loop that "
                    + name() + " runs on; inside a task use task.await()");
        }
    }

    private String stateName() {
        return switch (outcome()) {
            case RESULT -> "finished";
            case EXCEPTION -> "finished with an exception";
            case CANCELLED -> "cancelled";
            default -> "pending";
        };
    }

    @Override
    public String toString() {
        return switch (outcome()) {
            case RESULT -> "<Task finished name='" + name() + "' result=" + Repr.of(value()) + ">";
            case EXCEPTION -> "<Task finished name='" + name() + "' exception=" + error() + ">";
            case CANCELLED -> "<Task cancelled name='" + name() + "'>";
            default -> "<Task " + (cancelling() > 0 ? "cancelling" : "pending") + " name='" + name() + "'>";
        };
    }
}

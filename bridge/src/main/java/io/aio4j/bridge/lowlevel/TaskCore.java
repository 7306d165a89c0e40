package io.aio4j.bridge.lowlevel;

import io.aio4j.bridge.internal.Loop;

/**
 * A task as the engine sees it: its fiber (the body's steps, parked stack and cancellation state) and
 * its future state (asyncio's {@code Future} under the {@code Task}: the outcome, the done callbacks,
 * the awaiting tasks). The api's {@code Task} is a {@link Host} over one of these.
 *
 * <p>The outcome is written once, on the task's own fiber; reading it takes no lock. Callbacks may be
 * added from any thread. Cancellation follows asyncio: {@link #cancel(String)} records a request that
 * is delivered at the task's next await that suspends (at once if it is parked), and a task
 * cancelled before its first step never runs.
 *
 * <p>Made by {@link LoopCore#newTask(Host)}; aio4j has the one implementation.
 */
public interface TaskCore<T> {
    /** {@link #outcome()}: not done yet. */
    int PENDING = 0;
    /** {@link #outcome()}: the body returned {@link #value()}. */
    int RESULT = 1;
    /** {@link #outcome()}: the body threw {@link #error()}. */
    int EXCEPTION = 2;
    /** {@link #outcome()}: the task was cancelled; {@link #error()} is the cancellation error. */
    int CANCELLED = 3;

    /** What a task core calls back into: the api's task, which gives the body and the error types. */
    interface Host<T> {
        /** The task's body; runs on the task's fiber. */
        T call() throws Exception;

        /** Whether {@code t} is the cancellation error (the body ends cancelled, not failed). */
        boolean isCancellation(Throwable t);

        /** The error a cancelled await throws. */
        Error newCancelledError(String message, Throwable cause);

        /** The task's name (asyncio's {@code get_name()}), asked for dumps and messages only. */
        String name();

        /**
         * Where the task was created (a stack), when its loop records it (resource tracking, debug
         * mode); null otherwise. For leak reports ({@link CallSite#createdAt}).
         */
        default Throwable createdAt() {
            return null;
        }

        /** Called on the task's fiber just before the outcome is published (to track an exception). */
        default void beforeOutcome(int how, Throwable error) {
        }

        /** Called once the outcome is published, for each done callback that is not a {@link Waiter}. */
        void runDoneCallback(Object callback);

        /** Called once the outcome is published and the callbacks were run or scheduled. */
        default void afterOutcome() {
        }
    }

    /** The task whose body runs on the calling thread, or null (a loop callback, or no loop at all). */
    static TaskCore<?> current() {
        return Loop.currentTask();
    }

    /**
     * The task whose body runs on the calling thread.
     *
     * @throws IllegalStateException outside a task, saying that {@code what} needs one and how to get
     *     one ({@code Aio.run}, or a task for a loop callback)
     */
    static TaskCore<?> current(String what) {
        TaskCore<?> t = Loop.currentTask();
        if (t == null) {
            throw notInTask(what);
        }
        return t;
    }

    /** The error {@link #current(String)} throws outside a task. */
    static IllegalStateException notInTask(String what) {
        return Loop.notInTask(what);
    }

    /** The task this core runs (what {@link LoopCore#newTask(Host)} was given). */
    Host<T> host();

    /** The loop the task runs on. */
    LoopCore loop();

    /** Queues the task's first step (asyncio: {@code create_task} schedules the task at once). */
    void start();

    // ---- future state

    /** {@link #PENDING}, {@link #RESULT}, {@link #EXCEPTION} or {@link #CANCELLED}. */
    int outcome();

    /** The result; meaningful once the outcome is {@link #RESULT}. */
    T value();

    /** The exception ({@link #EXCEPTION}) or the cancellation error ({@link #CANCELLED}); else null. */
    Throwable error();

    /** Whether the outcome is set. */
    boolean done();

    /** Whether the outcome is {@link #CANCELLED}. */
    boolean cancelled();

    /**
     * Adds {@code callback} to run when the task is done: a {@link Waiter} is woken, anything else goes
     * to {@link Host#runDoneCallback}. False (nothing added) if the task is already done.
     */
    boolean addDoneCallback(Object callback);

    /** Removes every callback equal to {@code callback}; returns how many. */
    int removeDoneCallback(Object callback);

    /**
     * Parks the calling task until this one is done; a cancellation of the caller goes to
     * {@code onCancel} as {@link Waiter#await(String, Waiter.OnCancel)} says, or ends the wait if null.
     */
    void awaitDone(String what, Waiter.OnCancel onCancel);

    // ---- cancellation

    /**
     * asyncio's {@code Task.cancel(msg)}: records a request, delivered at the task's next await that
     * suspends (at once if it is parked). False if the task is done. From another thread than an
     * owned loop's own, the request is posted to the loop.
     */
    boolean cancel(String message);

    /** asyncio's {@code Task.cancelling()}: requests not yet taken back. */
    int cancelling();

    /**
     * The requests already delivered as a cancellation error (where a timeout scope counts its own
     * request from).
     */
    int cancellingDelivered();

    /** asyncio 3.13's {@code Task.uncancel()}. */
    int uncancel();

    // ---- the calling task's own steps (call these on the task's own fiber)

    /**
     * asyncio's {@code sleep(delay)}: parks on a waiter that a loop timer wakes; a delay ≤ 0 only
     * yields. A cancelled sleep cancels its timer.
     */
    void sleep(long nanos);

    // ---- for dumps

    /**
     * The task's stack as it is now (parked at an await, or running), or an empty array if it has not
     * started or is done.
     */
    StackTraceElement[] stack();

    /** "scheduled", "running", "waiting", "ready" or "done": where the task is in its steps. */
    String stepState();
}

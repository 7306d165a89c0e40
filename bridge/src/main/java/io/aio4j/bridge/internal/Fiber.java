package io.aio4j.bridge.internal;

import io.aio4j.bridge.Carrier;
import io.aio4j.bridge.SuspendFunction;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.concurrent.CancellationException;
import kotlin.Result;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlinx.coroutines.CompletableJob;
import kotlinx.coroutines.JobKt;

/**
 * A task's execution: its body runs on a {@link Carrier.Strand}, and every await is one call of a
 * Kotlin suspend function with this fiber as the {@link Continuation}.
 *
 * <p>Subclasses (the task) supply the body and the error type for cancellation; this class owns the
 * baton protocol and asyncio's cancellation rules: a request is one-shot, it is delivered at the next
 * await that suspends, and a fiber cancelled before its first step never runs.
 */
/* Cancellation. cancelRequests counts requests (asyncio's cancelling()); mustCancel is the one-shot
 * flag (asyncio's _must_cancel) consumed when a CancelledError is thrown. A parked fiber's pending
 * suspension listens to awaitJob; a request cancels that job (never the task for good) and forgets
 * it, so that the next await gets a fresh one. */
public abstract non-sealed class Fiber implements Continuation<Object>, Ready {
    static final int QUEUED = 0, RUNNING = 1, PARKED = 2, READY = 3, DONE = 4;
    private static final Object SUSPENDED = IntrinsicsKt.getCOROUTINE_SUSPENDED();

    protected final Loop loop;
    private final Carrier.Strand strand;
    /** Whether the body has started and not finished (for stack dumps). */
    private volatile boolean onStrand;
    private boolean started;
    /** How the strand waits for the baton on a thread of its own; null when the loop runs it in place. */
    private final BatonWait turn;

    // guarded by loop.lock
    int state = QUEUED;
    /** The loop's list of live fibers. */
    Fiber livePrev;
    Fiber liveNext;
    boolean isLive;
    private Object resumeValue;
    private boolean earlyResume;
    private boolean mustCancel;
    private String cancelMessage;
    private int cancelRequests;
    private CompletableJob awaitJob;
    private volatile CoroutineContext context;
    private Waiter.OnCancel parkHook;
    /** The waiter this fiber is parked on; a cancellation ends it directly. */
    private Waiter pending;
    /** The current await will be ended by another thread (see {@link #markForeign()}). */
    private boolean foreign;

    @SuppressWarnings("this-escape") // the strand only runs this::main after start()
    protected Fiber(Loop loop) {
        this.loop = loop;
        this.strand = loop.carrier.newStrand(this::main);
        this.turn = loop.inPlace ? null : new BatonWait();
    }

    /** Queues the first step (asyncio: create_task schedules the task at once). */
    public final void start() {
        loop.register(this);
    }

    /**
     * The fiber's stack as it is now (parked at an await, or running), or an empty array if it has
     * not started or is done.
     */
    public final StackTraceElement[] stack() {
        return onStrand ? strand.stackTrace() : new StackTraceElement[0];
    }

    /** "scheduled", "running", "waiting", "ready" or "done": where the fiber is in its steps. */
    public final String stepState() {
        return switch (state) { // a plain read: a task dump from another thread sees a recent state
            case QUEUED -> "scheduled";
            case RUNNING -> "running";
            case PARKED -> "waiting";
            case READY -> "ready";
            default -> "done";
        };
    }

    /** The task's name (asyncio's {@code get_name()}). */
    public abstract String name();

    /** Runs the body and completes the task; called on the fiber's own strand, holding the baton. */
    protected abstract void runBody();

    /** Completes the task as cancelled without running its body (cancelled before its first step). */
    protected abstract void completeCancelledBeforeStart(String message);

    /** The error a cancelled await throws (the api's CancelledError). */
    protected abstract Error newCancelledError(String message, Throwable cause);

    // ---- the await primitive ----------------------------------------------------------------------

    /**
     * The one await primitive: calls {@code fn} with this fiber as its continuation; a result that is
     * not {@code COROUTINE_SUSPENDED} comes back at once, with no switch. Otherwise the fiber gives up
     * the baton until it is resumed. Must be called on this fiber's strand.
     */
    @SuppressWarnings("unchecked")
    public final <T> T await(SuspendFunction<T> fn) {
        Object r;
        try {
            r = fn.invoke((Continuation<T>) (Continuation<?>) this);
        } catch (CancellationException e) {
            throw newCancelledError(e.getMessage(), e);
        } catch (Exception e) {
            throw Suspensions.sneakyThrow(e);
        }
        if (r != SUSPENDED) {
            foreign = false;
            return (T) r;
        }
        return (T) parkInAwait();
    }

    /**
     * Parks on {@code w} until it is woken (at once if it already is: no switch). A cancellation while
     * parked goes to {@code onCancel} if there is one, else it ends the wait; see {@link Waiter}.
     * {@code foreign}: another thread ends the wait, so virtual time must not jump past it.
     */
    public final void awaitWaiter(Waiter w, Waiter.OnCancel onCancel, boolean foreign) {
        if (!WaiterAccess.get().park(w, this)) {
            return; // already woken: asyncio's await of a done future does not yield
        }
        if (foreign) {
            loop.foreignWait(1);
        }
        try {
            parkAndResume(w, onCancel);
        } finally {
            if (foreign) {
                loop.foreignWait(-1);
            }
        }
    }

    /** {@link Waiter#wake} reached this fiber parked on it. */
    public final void resumeFromWaiter() {
        resumeWith(null);
    }

    /**
     * asyncio's {@code sleep(delay)}: parks on a waiter that a loop timer wakes; a delay ≤ 0 only
     * yields ({@link #yieldNow}). A cancelled sleep cancels its timer.
     */
    public final void sleep(long nanos) {
        if (nanos <= 0) {
            yieldNow();
            return;
        }
        Waiter w = new Waiter();
        Timer timer = loop.callLater(nanos, w);
        try {
            awaitWaiter(w, null, false);
        } finally {
            if (!w.woken()) {
                timer.cancel();
            }
        }
    }

    /** {@code sleep(0)}: goes to the back of the ready queue and waits for its turn. */
    public final void yieldNow() {
        loop.lock();
        try {
            state = READY;
            loop.scheduleLocked(this);
        } finally {
            loop.unlock();
        }
        if (loop.owned) {
            loop.baton.suspendInPlace(this);
        } else {
            loop.baton.yieldBaton(this, false);
        }
        afterResume();
    }

    /**
     * Marks the await being set up as one that another thread ends (a future, a pipe's pump): virtual
     * time must not jump past it. Kotlin suspend functions called through {@code Suspend.call} count
     * as foreign without this.
     */
    public void markForeign() {
        foreign = true;
    }

    private Object parkInAwait() {
        boolean marked = foreign;
        boolean external = !marked; // a Kotlin suspend function via Suspend.call
        foreign = false;
        if (marked) {
            loop.foreignWait(1);
        } else if (external) {
            loop.externalWait(1);
        }
        try {
            return parkAndResume(null, null);
        } finally {
            if (marked) {
                loop.foreignWait(-1);
            } else if (external) {
                loop.externalWait(-1);
            }
        }
    }

    /*
     * The frames between a parked task's body and the carrier's yield are copied into every parked
     * continuation (the heap a sleeping task holds), so the parking path keeps them few and small:
     * the state change happens in prepareToPark, which returns before the switch.
     */
    private Object parkAndResume(Waiter w, Waiter.OnCancel onCancel) {
        prepareToPark(w, onCancel);
        if (loop.owned) {
            loop.baton.suspendInPlace(this);
        } else {
            loop.baton.yieldBaton(this, false);
        }
        return afterResume();
    }

    private void prepareToPark(Waiter w, Waiter.OnCancel onCancel) {
        Object target = null;
        String message = null;
        loop.lock();
        try {
            pending = w;
            parkHook = onCancel;
            if (earlyResume) { // resumed on another thread before fn returned
                earlyResume = false;
                state = READY;
                loop.scheduleLocked(this);
            } else {
                state = PARKED;
                if (mustCancel) { // cancelled while running: delivered at this await
                    target = cancelTargetLocked();
                    message = cancelMessage;
                }
            }
        } finally {
            loop.unlock();
        }
        deliverCancel(target, message);
    }

    private Object afterResume() {
        Object v;
        boolean cancel;
        String message;
        loop.lock();
        try {
            v = resumeValue;
            resumeValue = null;
            pending = null;
            parkHook = null;
            cancel = mustCancel;
            mustCancel = false;
            message = cancelMessage;
        } finally {
            loop.unlock();
        }
        Throwable failure = v instanceof Result.Failure f ? f.exception : null;
        if (cancel) { // this fiber's own cancellation: kotlinx's resumption of the await is engine machinery
            throw newCancelledError(message, failure instanceof CancellationException ? null : failure);
        }
        if (failure instanceof CancellationException ce) {
            throw newCancelledError(ce.getMessage(), ce);
        }
        if (failure != null) {
            throw Suspensions.sneakyThrow(failure);
        }
        return v;
    }

    /**
     * The context a Kotlin suspend function called through {@code Suspend.call} sees: the loop as its
     * dispatcher and a Job of this await alone, made on first use (kotlinx may ask from any thread).
     */
    @Override
    public final CoroutineContext getContext() {
        CoroutineContext c = context;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (context == null) {
                awaitJob = JobKt.Job(null);
                context = loop.kotlinDispatcher.plus(awaitJob);
            }
            return context;
        }
    }

    private synchronized CompletableJob takeAwaitJob() {
        CompletableJob job = awaitJob;
        awaitJob = null;
        context = null;
        return job;
    }

    @Override
    public final void resumeWith(Object result) {
        if (loop.foreign()) { // another thread than an owned loop's: the loop resumes us at its next turn
            loop.post(() -> resumeWith(result));
            return;
        }
        loop.lock();
        try {
            switch (state) {
                case PARKED -> {
                    resumeValue = result;
                    state = READY;
                    loop.scheduleLocked(this);
                }
                case RUNNING -> {
                    if (earlyResume) {
                        throw new IllegalStateException(this + " was resumed twice in one await");
                    }
                    resumeValue = result;
                    earlyResume = true;
                }
                default -> throw new IllegalStateException(
                        this + " was resumed while not awaiting (state " + state + ")");
            }
        } finally {
            loop.unlock();
        }
    }

    // ---- cancellation -----------------------------------------------------------------------------

    /**
     * Records a cancellation request (asyncio's {@code Task.cancel}); the caller has checked, under
     * {@code loop.lock}, that the task is not done. Returns the pending await to cancel once the lock
     * is released, or null.
     */
    final Object requestCancelLocked(String message) {
        cancelRequests++;
        mustCancel = true;
        cancelMessage = message;
        return state == PARKED ? cancelTargetLocked() : null;
    }

    /**
     * What to cancel for a parked fiber: its hook, the pending suspension of an aio4j primitive, or
     * its await's Job (taken, so it is cancelled once).
     */
    private Object cancelTargetLocked() {
        if (parkHook != null) {
            return parkHook;
        }
        if (pending != null) {
            return pending;
        }
        return takeAwaitJob();
    }

    /**
     * Cancels the pending await returned by {@link #requestCancelLocked}; call without the lock. A
     * cancelled Job resumes the await with a CancellationException; a hook that takes the request
     * means the wait ends on its own (so the request is no longer pending here).
     */
    final void deliverCancel(Object target, String message) {
        if (target instanceof CompletableJob job) {
            job.cancel(new CancellationException(message));
        } else if (target instanceof Waiter w) {
            if (WaiterAccess.get().cancel(w)) {
                resumeWith(null); // mustCancel is set: the fiber raises CancelledError when it resumes
            }
        } else if (target instanceof Waiter.OnCancel hook && hook.cancel(message)) {
            loop.lock();
            try {
                mustCancel = false;
            } finally {
                loop.unlock();
            }
        }
    }

    final int cancellingLocked() {
        return cancelRequests;
    }

    /**
     * The requests already delivered as a {@code CancelledError}: {@link #cancellingLocked()} without
     * one still pending. A scope that takes back only its own cancellation (a timeout) counts from
     * here, so that a request made just before it was entered (under {@code Config.parallel(n)},
     * another thread's cancel of a running task) and delivered inside it is not mistaken for its own.
     */
    final int cancellingDeliveredLocked() {
        return mustCancel ? cancelRequests - 1 : cancelRequests;
    }

    /** asyncio 3.13 {@code uncancel}: takes one request back; the last one also clears the pending one. */
    final int uncancelLocked() {
        if (cancelRequests > 0 && --cancelRequests == 0) {
            mustCancel = false;
        }
        return cancelRequests;
    }

    /** Takes the pending request, if any (a body that returns while cancelled ends cancelled). */
    final boolean takeMustCancelLocked() {
        boolean c = mustCancel;
        mustCancel = false;
        return c;
    }

    final String cancelMessageLocked() {
        return cancelMessage;
    }

    // ---- baton ------------------------------------------------------------------------------------

    /** Under loop.lock: about to give this fiber the baton; false if it must end before it starts. */
    boolean prepareStepLocked() {
        if (state == QUEUED && mustCancel) {
            state = DONE;
            return false;
        }
        state = RUNNING;
        return true;
    }

    void handTo() {
        if (turn != null) {
            turn.give();
        }
        if (!started) {
            started = true;
            strand.start(loop.inPlace ? null : name()); // a strand of its own is named after the task
        } else {
            strand.unpark();
        }
    }

    /** Waits for the baton (a strand of its own only: an in-place one is simply resumed). */
    void parkUntilGo() {
        turn.await(loop.carrier);
    }

    void cancelBeforeStart() {
        String message;
        loop.lock();
        try {
            mustCancel = false;
            message = cancelMessage;
        } finally {
            loop.unlock();
        }
        try {
            completeCancelledBeforeStart(message);
        } finally {
            finish();
        }
    }

    private void finish() {
        loop.lock();
        try {
            state = DONE;
            loop.unregisterLocked(this);
        } finally {
            loop.unlock();
        }
    }

    private void main() {
        if (!loop.owned) {
            Loop.CURRENT.set(this); // owned: the thread's CURRENT is the loop, which knows its fiber
        }
        onStrand = true;
        if (turn != null) {
            turn.taken();
        }
        loop.stepBegins(this);
        try {
            runBody();
        } catch (Throwable t) {
            loop.report("aio4j: fiber " + this + " failed outside its body", t);
        } finally {
            onStrand = false;
            finish();
            if (loop.owned) {
                loop.baton.finishedInPlace(); // the driver takes the loop thread back when the strand ends
            } else {
                Loop.CURRENT.remove();
                loop.baton.yieldBaton(this, true);
            }
        }
    }
}

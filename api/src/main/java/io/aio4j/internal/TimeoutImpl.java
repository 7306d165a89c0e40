package io.aio4j.internal;

import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.CancelledError;
import io.aio4j.Timeout;
import io.aio4j.TimeoutError;
import io.aio4j.bridge.lowlevel.Handle;
import io.aio4j.bridge.lowlevel.LoopHandle;
import io.aio4j.bridge.lowlevel.Forever;

/** asyncio's {@code timeouts.Timeout} state machine. */
public final class TimeoutImpl implements Timeout {
    private enum State {
        CREATED("created"), ENTERED("active"), EXPIRING("expiring"), EXPIRED("expired"), EXITED("finished");

        final String text;

        State(String text) {
            this.text = text;
        }
    }

    private final LoopHandle loop;
    private final String label;
    private State state = State.CREATED;
    private long whenNanos; // Forever.NEVER: no deadline
    /** The deadline exactly as the caller gave it, in loop seconds (asyncio's when()), or NaN. */
    private double whenExact = Double.NaN;
    private Handle handle;
    private TaskImpl<?> task;
    private int cancelling;

    private TimeoutImpl(LoopHandle loop, long whenNanos, String label) {
        this.loop = loop;
        this.whenNanos = whenNanos;
        this.label = label;
    }

    /**
     * Runs {@code body} in the current task under a deadline at {@code whenNanos} (loop clock;
     * {@code Forever.NEVER}: none); {@code label} names the call in messages, e.g. "Aio.timeout(PT1S)".
     */
    public static <T> T run(long whenNanos, String label, Timeout.Body<T> body) {
        return run(whenNanos, Double.NaN, label, body);
    }

    /**
     * {@link #run(long, String, Timeout.Body)} with the deadline as the caller gave it in loop seconds
     * ({@code when()} returns exactly that float, as asyncio's does), or NaN to derive it.
     */
    public static <T> T run(long whenNanos, double whenExact, String label, Timeout.Body<T> body) {
        TaskImpl<?> task = TaskImpl.current(label);
        TimeoutImpl t = new TimeoutImpl(task.bridgeLoop(), whenNanos, label);
        t.whenExact = whenExact;
        t.enter(task);
        T result;
        try {
            result = body.apply(t);
        } catch (Throwable e) {
            throw Unchecked.rethrow(t.exitWith(e));
        }
        t.exitWith(null);
        return result;
    }

    /** asyncio's {@code loop.time() + delay}: the float a relative timeout's when() returns. */
    public static double whenIn(double delaySeconds) {
        LoopHandle loop = TaskImpl.current("a timeout").bridgeLoop();
        return loop.nanoTime() / 1e9 + delaySeconds;
    }

    /** A deadline {@code delayNanos} from now (saturated), or none for {@link Time#FOREVER_NANOS}. */
    public static long deadlineIn(long delayNanos) {
        LoopHandle loop = TaskImpl.current("a timeout").bridgeLoop();
        return Forever.deadline(loop.nanoTime(), delayNanos);
    }

    public static long deadlineAt(double when, String what) {
        if (when == Double.POSITIVE_INFINITY) {
            return Forever.NEVER;
        }
        return Time.secondsToNanos(when, what);
    }

    private void enter(TaskImpl<?> task) {
        this.task = task;
        this.state = State.ENTERED;
        this.cancelling = task.cancellingDelivered();
        schedule(whenNanos);
    }

    @Override
    public synchronized double when() {
        if (!Double.isNaN(whenExact)) {
            return whenExact;
        }
        return whenNanos == Forever.NEVER ? Double.POSITIVE_INFINITY : whenNanos / 1e9;
    }

    @Override
    public synchronized void reschedule(double when) {
        long at = deadlineAt(when, "Timeout.reschedule's when");
        if (state != State.ENTERED) {
            if (state == State.CREATED) {
                throw new IllegalStateException("Timeout has not been entered");
            }
            throw new IllegalStateException("Cannot change state of " + state.text + " Timeout");
        }
        schedule(at);
        whenExact = when; // asyncio: reschedule(t.when()) changes nothing, and when() is what was given
    }

    private void schedule(long at) {
        whenNanos = at;
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (at == Forever.NEVER) {
            return;
        }
        handle = at - loop.nanoTime() <= 0 ? loop.callSoon(this::onTimeout) : loop.callAt(at, this::onTimeout);
    }

    /*
     * The timer callback and the body's exit can run at the same time on two threads under
     * Config.parallel(n): the state changes and the task's cancel/uncancel that go with them happen
     * under this object's monitor, so that a timeout either expires before the exit (and the exit
     * takes its cancellation back) or not at all (and it cancels nothing).
     */
    private synchronized void onTimeout() {
        if (state != State.ENTERED) {
            return;
        }
        task.cancel();
        state = State.EXPIRING;
        handle = null;
    }

    @Override
    public synchronized boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * asyncio's {@code __aexit__}: with {@code e} the body's exception (or null), returns what to throw
     * (only meaningful when {@code e} is not null).
     */
    private synchronized Throwable exitWith(Throwable e) {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancelling && e != null) {
                // no cancellation from elsewhere is pending: the cancellation is ours
                if (e instanceof CancelledError c) {
                    return new TimeoutError(label + " expired", c);
                }
                e.addSuppressed(new TimeoutError(label + " expired while its body was failing"));
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return e;
    }

    @Override
    public synchronized String toString() {
        if (state != State.ENTERED) {
            return "<Timeout [" + state.text + "]>";
        }
        String w = whenNanos == Forever.NEVER ? "None" : String.format("%.3f", whenNanos / 1e9);
        return "<Timeout [" + state.text + "] when=" + w + ">";
    }
}

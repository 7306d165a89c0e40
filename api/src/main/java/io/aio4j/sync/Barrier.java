package io.aio4j.sync;

/**
 * A meeting point for a fixed number of tasks: asyncio's {@code Barrier}. Each task's
 * {@link #await()} waits until {@link #parties()} tasks have arrived, then all go on together.
 *
 * {@snippet :
 * Barrier start = new Barrier(3);
 * // in each of 3 tasks:
 * int arrival = start.await();   // 0, 1 or 2
 * }
 *
 * @apiNote asyncio: {@code asyncio.Barrier}
 */
public final class Barrier {
    private enum State {
        FILLING("filling"), DRAINING("draining"), RESETTING("resetting"), BROKEN("broken");

        final String text;

        State(String text) {
            this.text = text;
        }
    }

    private final Condition cond = new Condition();
    private final int parties;
    private volatile State state = State.FILLING;
    private volatile int count;

    /**
     * @param parties how many tasks must arrive to pass
     * @throws IllegalArgumentException if {@code parties < 1} ("parties must be > 0")
     * @apiNote asyncio: {@code asyncio.Barrier(parties)}
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0: " + parties);
        }
        this.parties = parties;
    }

    /**
     * Waits until {@link #parties()} tasks are waiting, then returns this task's arrival index (0 to
     * parties - 1). The last to arrive releases the others.
     *
     * <p><b>Cancellation:</b> a cancelled task leaves the barrier (it no longer counts as arrived); the
     * barrier is not broken.
     *
     * @apiNote asyncio: {@code await barrier.wait()}
     * @throws BrokenBarrierError if the barrier is aborted or reset while waiting, or is broken
     */
    public int await() {
        try (var held = cond.acquire()) {
            block();
            try {
                int index = count;
                count++;
                if (index + 1 == parties) {
                    state = State.DRAINING; // release the barrier
                    cond.signalAll();
                } else {
                    cond.awaitFor(() -> state != State.FILLING);
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BrokenBarrierError("Abort or reset of barrier");
                    }
                }
                return index;
            } finally {
                count--;
                exit();
            }
        }
    }

    /** Waits while the barrier drains or resets; fails if it is broken. */
    private void block() {
        cond.awaitFor(() -> state != State.DRAINING && state != State.RESETTING);
        if (state == State.BROKEN) {
            throw new BrokenBarrierError("Barrier aborted");
        }
    }

    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /**
     * Returns the barrier to its empty state; tasks waiting get {@link BrokenBarrierError}.
     *
     * <p><b>Cancellation:</b> it waits for the barrier's lock; cancelled, it changes nothing.
     *
     * @apiNote asyncio: {@code await barrier.reset()}
     */
    public void reset() {
        try (var held = cond.acquire()) {
            if (count > 0) {
                if (state != State.RESETTING) {
                    state = State.RESETTING; // wake the waiters, which raise
                }
            } else {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /**
     * Breaks the barrier: waiting tasks and every later {@link #await()} get
     * {@link BrokenBarrierError}, until {@link #reset()}.
     *
     * <p><b>Cancellation:</b> it waits for the barrier's lock; cancelled, it changes nothing.
     *
     * @apiNote asyncio: {@code await barrier.abort()}
     */
    public void abort() {
        try (var held = cond.acquire()) {
            state = State.BROKEN;
            cond.signalAll();
        }
    }

    /**
     * @apiNote asyncio: {@code barrier.parties}
     */
    public int parties() {
        return parties;
    }

    /**
     * The number of tasks waiting to pass.
     *
     * @apiNote asyncio: {@code barrier.n_waiting}
     */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /**
     * @apiNote asyncio: {@code barrier.broken}
     */
    public boolean broken() {
        return state == State.BROKEN;
    }

    /**
     * @apiNote asyncio: none; what asyncio's repr shows
     */
    public Statistics statistics() {
        return new Statistics(parties, nWaiting(), state.text);
    }

    @Override
    public String toString() {
        return "<Barrier [" + state.text + ", waiters:" + nWaiting() + "/" + parties + "]>";
    }

    /**
     * A snapshot of the barrier.
     *
     * @param parties how many tasks must arrive
     * @param waiting how many are waiting
     * @param state "filling", "draining", "resetting" or "broken"
     */
    public record Statistics(int parties, int waiting, String state) {
    }
}

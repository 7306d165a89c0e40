package io.aio4j.bridge.internal;

import io.aio4j.bridge.Carrier;

/**
 * How a fiber on a thread of its own (the virtual-thread carrier) waits for the baton to be handed
 * back. It spins briefly first (on a multi-core machine) with an adaptive budget, as SynchronousQueue
 * does: when the baton comes back within the spin (a ping-pong between two tasks), the strand never
 * unmounts and the other side's unpark only sets a permit, instead of a park/unpark pair that moves
 * the fiber across cores. A spin that fails halves the budget, so fibers that wait long (many tasks,
 * timers, I/O) end up parking at once. A fiber the loop's own thread runs in place needs none of this.
 */
final class BatonWait {
    private static final boolean SPIN = Runtime.getRuntime().availableProcessors() > 1;
    private static final int MIN_SPINS = 64, MAX_SPINS = 2048, RESPIN_AFTER = 64;

    private volatile boolean go;
    private int spinBudget = SPIN ? MIN_SPINS : 0;
    private int parksSinceSpin;

    /** The baton is this fiber's: its strand may go on (set before the strand is unparked). */
    void give() {
        go = true;
    }

    /** The strand starts with the baton in hand. */
    void taken() {
        go = false;
    }

    /** Waits on {@code carrier} until {@link #give()}. */
    void await(Carrier carrier) {
        int budget = spinBudget;
        if (budget > 0) {
            for (int i = 0; i < budget; i++) {
                if (go) {
                    go = false;
                    spinBudget = Math.min(MAX_SPINS, budget * 2);
                    return;
                }
                Thread.onSpinWait();
            }
            spinBudget = budget / 2;
        } else if (SPIN && ++parksSinceSpin >= RESPIN_AFTER) {
            parksSinceSpin = 0;
            spinBudget = MIN_SPINS; // try spinning again now and then: the pattern may have changed
        }
        while (!go) {
            carrier.park();
        }
        go = false;
    }
}

package io.aio4j.bridge.internal;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Who runs a loop's ready items, and where: the driver (the thread in {@link Loop#runForever()}) and
 * the permits a fiber holds while its body runs (the baton; one unless {@code Config.parallel(n)}).
 * The run loop is asyncio's {@code _run_once}: poll the selector, move due timers, run exactly the
 * items ready now, and when nothing is ready wait in the selector until the next timer.
 *
 * <p>Owned (the loop-thread carrier): the driver runs each fiber in place until it parks, then goes on
 * with the next item; a parked fiber's stack holds nothing of this class. On threads of their own
 * (virtual threads): a fiber that suspends takes the next item itself ({@link #yieldBaton}): a
 * callback runs inline, a fiber gets the baton handed over directly (one unpark), and only when
 * nothing is ready does the baton go back to the driver, which waits in the selector. Guarded by the
 * loop's {@code lock()} (nothing in owned mode).
 */
final class Baton {
    static final int DRIVER_NONE = 0, DRIVER_ACTIVE = 1, DRIVER_PARKED = 2, DRIVER_SELECTING = 3;

    private final Loop loop;
    /** Fibers holding a permit now (bodies running). */
    int running;
    /** The thread in runForever, or null. */
    volatile Thread driver;
    volatile int driverState = DRIVER_NONE;
    /** runForever returns once the current iteration is over. */
    boolean stopping;
    /** The idle wait just selected: the next iteration collects its keys without polling again. */
    private boolean justSelected;

    Baton(Loop loop) {
        this.loop = loop;
    }

    /** The driver's run loop, on the thread that called runForever, holding the loop's lock(). */
    void drive() {
        for (;;) {
            if (running < loop.permits) {
                Ready next = pollLocked();
                if (next != null) {
                    dispatchFromDriverLocked(next);
                } else if (!stopping) {
                    idleLocked();
                } else if (running == 0) {
                    stopping = false;
                    return;
                } else {
                    parkDriverLocked();
                }
            } else {
                parkDriverLocked();
            }
        }
    }

    /** The next item of the current iteration, starting a new iteration when needed; null if none. */
    private Ready pollLocked() {
        if (loop.ready.iterationOver()) {
            if (stopping) {
                return null;
            }
            if (loop.owned) {
                loop.inbox.drainInto(loop);
            }
            Runnable onInterrupt = loop.interruptHandler;
            if (onInterrupt != null && Thread.currentThread() == driver && Thread.interrupted()) {
                loop.ready.items().add(new Callback(onInterrupt)); // the driver was interrupted: this iteration's
            }
            // the selector is not thread-safe: while the driver waits in it (parallel mode), only the
            // driver touches it, and collects what its select reported once it has the lock again
            if (driverState != DRIVER_SELECTING) {
                if (justSelected) {
                    justSelected = false; // the idle wait was this iteration's select
                } else {
                    try {
                        loop.poller.selectNow();
                    } catch (IOException e) {
                        loop.report("selector failed", e);
                    }
                }
                loop.poller.collectSelected(loop.ready.items()); // asyncio's _process_events: after what was already loop.ready
            }
            if (!loop.timers.isEmpty()) {
                loop.timers.collectDue(loop.clock.nanoTime(), loop.ready.items());
            }
            if (!loop.ready.beginIteration()) {
                return null;
            }
        }
        return loop.ready.next();
    }

    void wakeDriverLocked() {
        if (driverState == DRIVER_PARKED) {
            driverState = DRIVER_ACTIVE;
            LockSupport.unpark(driver);
        } else if (driverState == DRIVER_SELECTING) {
            loop.poller.wakeup();
        }
    }

    private void parkDriverLocked() {
        driverState = DRIVER_PARKED;
        loop.unlock();
        try {
            while (driverState == DRIVER_PARKED) {
                LockSupport.park(loop);
            }
        } finally {
            loop.lock();
            driverState = DRIVER_ACTIVE;
        }
    }

    private void idleLocked() {
        long timeout = loop.timers.nextDelay(loop.clock.nanoTime());
        if (timeout != 0) {
            driverState = DRIVER_SELECTING;
            boolean selected = false;
            loop.unlock();
            try {
                if (!loop.owned || loop.inbox.isEmpty()) { // after the volatile write: a poster sees SELECTING or we see its item
                    loop.clock.idle(loop.poller.selector(), timeout);
                    selected = true;
                }
            } catch (IOException e) {
                loop.report("selector failed", e);
            } finally {
                loop.lock();
                driverState = DRIVER_ACTIVE;
                justSelected = selected;
            }
        }
        loop.ready.endIteration(); // begin a new iteration: collect what the wait brought
    }

    private void dispatchFromDriverLocked(Ready next) {
        running++;
        if (next instanceof Fiber f) {
            if (f.prepareStepLocked()) {
                loop.unlock();
                try {
                    if (loop.owned) {
                        loop.inPlaceFiber = f;
                    }
                    f.handTo(); // loop.owned: runs the fiber on this thread until it parks or ends
                } finally {
                    if (loop.owned) {
                        loop.inPlaceFiber = null;
                    }
                    loop.lock();
                }
                return; // the fiber keeps its permit until it yields
            }
            endBeforeStartLocked(f);
            return;
        }
        runCallbackLocked((Runnable) next); // a Callback or an IoRegistration
    }

    /** {@code f} was cancelled before its first step: it ends without running, and gives its permit back. */
    private void endBeforeStartLocked(Fiber f) {
        loop.unlock();
        try {
            f.cancelBeforeStart();
        } finally {
            loop.lock();
            running--;
        }
    }

    /** Runs a callback holding a permit, without the loop's lock, and gives the permit back. */
    private void runCallbackLocked(Runnable r) {
        loop.unlock();
        try {
            runCallback(r);
        } finally {
            loop.lock();
            running--;
        }
    }

    private void runCallback(Runnable r) {
        SlowSteps s = loop.slow;
        if (s != null) {
            s.begin(r);
        }
        try {
            r.run();
        } catch (Throwable t) {
            loop.report("Exception in callback " + r, t);
        } finally {
            if (s != null) {
                s.end();
            }
        }
    }

    /**
     * Owned mode: {@code self} set its state (parked, or loop.ready again) and gives the loop thread back to
     * the driver, which runs what is ready (this fiber too, when its turn comes) and resumes it by
     * running its strand again. Nothing of the loop's scheduling stays on the parked strand's stack.
     */
    void suspendInPlace(Fiber self) {
        SlowSteps s = loop.slow;
        if (s != null) {
            s.end();
        }
        running--;
        loop.carrier.park();
        s = loop.slow;
        if (s != null) {
            s.begin(self);
        }
    }

    /** Owned mode: a fiber's body is over; its strand ends and the driver goes on. */
    void finishedInPlace() {
        SlowSteps s = loop.slow;
        if (s != null) {
            s.end();
        }
        running--;
    }

    /**
     * Called by {@code self}'s own thread after it set its state (parked, loop.ready again, or done): gives
     * up its permit, runs what is loop.ready until it finds a fiber to hand the baton to (or itself), and
     * parks until it gets the baton back (unless it is done).
     */
    void yieldBaton(Fiber self, boolean finished) {
        Fiber handTo = null;
        boolean ranCallbacks = false;
        SlowSteps slowSteps = loop.slow;
        if (slowSteps != null) {
            slowSteps.end();
        }
        loop.lock();
        try {
            running--;
            for (;;) {
                Ready next = pollLocked();
                if (next == null) {
                    if (running < loop.permits) {
                        wakeDriverLocked();
                    }
                    break;
                }
                running++;
                if (next == self) {
                    self.state = Fiber.RUNNING;
                    if (ranCallbacks) {
                        Loop.CURRENT.set(self);
                    }
                    if (slowSteps != null) {
                        slowSteps.begin(self);
                    }
                    return; // our own turn came first: continue without switching
                }
                if (next instanceof Fiber f) {
                    if (f.prepareStepLocked()) {
                        handTo = f;
                        break;
                    }
                    endBeforeStartLocked(f);
                    continue;
                }
                if (!ranCallbacks) {
                    ranCallbacks = true;
                    Loop.CURRENT.set(loop);
                }
                runCallbackLocked((Runnable) next); // a Callback or an IoRegistration
            }
        } finally {
            loop.unlock();
        }
        if (ranCallbacks) {
            Loop.CURRENT.set(finished ? null : self);
        }
        if (handTo != null) {
            handTo.handTo();
        }
        if (!finished) {
            self.parkUntilGo();
            SlowSteps s = loop.slow;
            if (s != null) {
                s.begin(self);
            }
        }
    }

}

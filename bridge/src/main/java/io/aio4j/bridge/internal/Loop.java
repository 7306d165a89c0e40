package io.aio4j.bridge.internal;

import io.aio4j.bridge.Carrier;
import io.aio4j.bridge.lowlevel.Forever;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import kotlin.Unit;
import kotlin.coroutines.CoroutineContext;
import kotlinx.coroutines.CancellableContinuation;
import kotlinx.coroutines.CoroutineDispatcher;
import kotlinx.coroutines.Delay;
import kotlinx.coroutines.DisposableHandle;

/**
 * The event loop: a kotlinx {@link CoroutineDispatcher} and {@link Delay} with a ready queue, a timer
 * heap, a clock and a {@link Selector}, driving fibers under asyncio's baton.
 */
/* Overview.
 *
 * The ready queue holds two kinds of item: Runnables (callbacks, kotlinx dispatched blocks, timer
 * and selector callbacks) and Fibers (a step of a task). Whoever holds a permit (the "baton"; one
 * permit unless Config.parallel(n)) takes items from it. Items are taken in loop iterations as in
 * asyncio's _run_once: at an iteration boundary the selector is polled without blocking, due timers
 * are moved to the ready queue, and then exactly the items present at that moment run; items added
 * meanwhile wait for the next iteration.
 *
 * There is no dedicated loop thread while fibers are busy. A fiber that suspends (yieldBaton) takes
 * the next item itself: a callback runs inline on its thread, a fiber gets the baton handed over
 * directly (one unpark), and the suspending fiber parks. Only when nothing is ready does the baton go
 * back to the driver, the thread that called runForever(): it waits in selector.select() with the next
 * timer's timeout. Other threads scheduling work wake the driver only when it is actually waiting
 * (selector.wakeup() when selecting, unpark when parked).
 *
 * Who may touch this state. On the loop-thread carrier ("owned" mode) fibers run on the loop's own
 * thread, so the state belongs to that one thread and takes no lock at all; another thread never
 * touches it but posts what it wants done (a callback, a resume, a cancel, a timer) to the inbox, a
 * lock-free queue that the loop drains at each iteration boundary, and wakes the selector if the loop
 * waits in it. On the virtual-thread carrier fibers run on threads of their own, and the state is
 * guarded by `lock` (lock()/unlock() below). The lock is never held while user code, kotlinx code or
 * a resumption runs, so loops cannot deadlock each other through it.
 */
public final class Loop extends CoroutineDispatcher implements Delay {
    /** The fiber whose body runs on this thread, or the loop whose callbacks run on it; else null. */
    static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

    private static final int DRIVER_NONE = 0, DRIVER_ACTIVE = 1, DRIVER_PARKED = 2, DRIVER_SELECTING = 3;

    private final ReentrantLock lock = new ReentrantLock();
    final Carrier carrier;
    /** The carrier runs fibers on this loop's own thread, switched in place. */
    final boolean inPlace;
    /** The state belongs to one thread ({@link #ownerThread}) and takes no lock: see the overview. */
    final boolean owned;
    /** Owned mode: the thread that may touch the state (the one running the loop, or that last did). */
    private volatile Thread ownerThread;
    /**
     * Owned mode: the fiber running on the loop thread now, or null while the loop itself runs (the
     * thread's CURRENT stays this loop, so a switch writes this field instead of a ThreadLocal).
     */
    private Fiber inPlaceFiber;
    /** Owned mode: what other threads posted (callbacks, fibers, engine operations), drained by the loop. */
    private final Inbox inbox = new Inbox();
    final Clock clock;
    final int permits;
    private final ErrorSink errors;
    private final Poller poller;

    // guarded by lock
    private final ReadyQueue ready = new ReadyQueue();
    private final TimerQueue timers = new TimerQueue();
    private final LiveFibers live = new LiveFibers();
    /** The idle wait just selected: the next iteration collects its keys without polling again. */
    private boolean justSelected;
    int running;
    private volatile Thread driver;
    private volatile int driverState = DRIVER_NONE;
    private boolean stopping;
    private volatile boolean closed;
    private volatile Object owner;
    private final java.util.concurrent.atomic.AtomicInteger foreignWaits = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger externalWaits = new java.util.concurrent.atomic.AtomicInteger();
    // test support, off by default
    /** Open resources and where they were created, for leak reports (the test kit turns it on). */
    public final ResourceTracker resources = new ResourceTracker();
    /** Debug mode's step timer, or null when debug mode is off (a plain read on the hot path). */
    SlowSteps slow;

    public Loop(int permits, Carrier carrier, Clock clock, ErrorSink errors) {
        if (permits < 1) {
            throw new IllegalArgumentException("a loop runs at least 1 fiber at once: permits = " + permits);
        }
        carrier.checkUsable(permits);
        this.permits = permits;
        this.carrier = carrier;
        this.inPlace = carrier.inPlace();
        this.owned = inPlace && permits == 1;
        this.ownerThread = Thread.currentThread();
        this.clock = clock;
        this.errors = errors;
        if (clock instanceof VirtualClock v) {
            v.attach(this);
        }
        this.poller = new Poller(); // last: a refused configuration must not leave a selector open
    }

    // ---- who is running ------------------------------------------------------------------------

    /** The fiber whose body runs on the current thread, or null (also inside a loop callback). */
    public static Fiber currentFiber() {
        Object o = CURRENT.get();
        if (o instanceof Fiber f) {
            return f;
        }
        return o instanceof Loop l ? l.inPlaceFiber : null;
    }

    /** The loop running on the current thread (in a task or a callback), or null. */
    public static Loop currentLoop() {
        Object o = CURRENT.get();
        return o instanceof Fiber f ? f.loop : (Loop) o;
    }

    // ---- who may touch the state ----------------------------------------------------------------

    /** Whether the calling thread must post to the inbox instead of touching the state (owned mode). */
    boolean foreign() {
        return owned && Thread.currentThread() != ownerThread;
    }

    /** Takes the state's lock, unless the state belongs to the calling thread (owned mode). */
    void lock() {
        if (!owned) {
            lock.lock();
        }
    }

    void unlock() {
        if (!owned) {
            lock.unlock();
        }
    }

    /** Owned mode, from another thread: {@code op} runs on the loop's thread at its next iteration. */
    void post(Inbox.Op op) {
        inbox.offer(op);
        wakeForInbox();
    }

    private void wakeForInbox() {
        if (driverState == DRIVER_SELECTING) {
            poller.wakeup();
        }
    }

    // ---- public loop operations ------------------------------------------------------------------

    /** The loop's clock in nanoseconds. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    /** The api-level object that owns this loop (its public face). */
    public Object owner() {
        return owner;
    }

    public void setOwner(Object owner) {
        this.owner = owner;
    }

    /**
     * Turns debug mode's slow-step detection on (with the threshold, in real nanoseconds) or off.
     * Call it from the loop's own thread or before the loop runs.
     */
    public void setDebug(boolean on, long slowStepNanos) {
        if (slowStepNanos <= 0) {
            throw new IllegalArgumentException("slowCallbackDuration must be > 0: " + slowStepNanos + " ns");
        }
        SlowSteps s = slow;
        if (on && s == null) {
            slow = new SlowSteps(this, slowStepNanos);
        } else if (on) {
            s.thresholdNanos = slowStepNanos;
        } else if (s != null) {
            s.stop();
            slow = null;
        }
    }

    /** Whether debug mode is on. */
    public boolean debug() {
        return slow != null;
    }

    /** A step of {@code owner} (a fiber or a callback) begins on this thread (debug mode only). */
    void stepBegins(Object owner) {
        SlowSteps s = slow;
        if (s != null) {
            s.begin(owner);
        }
    }

    public int permits() {
        return permits;
    }

    public Selector selector() {
        return poller.selector();
    }

    /** Queues {@code item} itself (not wrapped in a {@link Callback}); thread-safe. */
    public void callSoon(Droppable item) {
        if (!schedule(new Callback(item))) {
            throw closedError();
        }
    }

    /** Queues {@code action} to run on a later turn of the loop; thread-safe. */
    public Callback callSoon(Runnable action) {
        Callback cb = new Callback(action);
        if (!schedule(cb)) {
            throw closedError();
        }
        return cb;
    }

    /** Runs {@code action} once the loop's clock reaches {@code whenNanos}; thread-safe. */
    public Timer callAt(long whenNanos, Runnable action) {
        long now = clock.nanoTime();
        if (whenNanos == Forever.NEVER || whenNanos - now > Forever.NANOS) {
            whenNanos = now + Forever.NANOS; // Forever.NEVER, or past it: a timer that far never fires
        }
        Timer t = new Timer(this, whenNanos, action);
        if (foreign()) {
            if (closed) {
                throw closedError();
            }
            post(() -> addTimerLocked(t));
            return t;
        }
        lock();
        try {
            if (closed) {
                throw closedError();
            }
            addTimerLocked(t);
            return t;
        } finally {
            unlock();
        }
    }

    private void addTimerLocked(Timer t) {
        if (closed) {
            return;
        }
        timers.add(t);
        if (timers.isFirst(t) && running < permits) {
            wakeDriverLocked(); // the driver's select timeout just got shorter
        }
    }

    /**
     * Runs {@code action} after {@code delayNanos}; thread-safe. A delay too long for the clock is
     * saturated (a timer that far ahead never fires), never wrapped round into the past.
     */
    public Timer callLater(long delayNanos, Runnable action) {
        long now = clock.nanoTime();
        return callAt(now + Math.min(Math.max(0, delayNanos), Forever.NANOS), action);
    }

    /** Timers in the heap, live or cancelled (test support). */
    int timerCount() {
        lock();
        try {
            return timers.size();
        } finally {
            unlock();
        }
    }

    /**
     * Registers {@code channel} (non-blocking) on this loop's selector; {@code handler} runs as a loop
     * callback with the ready ops each time the watched ops become ready. Thread-safe.
     */
    public IoRegistration register(SelectableChannel channel, IntConsumer handler) throws ClosedChannelException {
        if (closed) {
            throw closedError();
        }
        return new IoRegistration(this, channel, handler); // Selector.register is thread-safe
    }

    // ---- test support ------------------------------------------------------------------------

    /**
     * Runs the items ready at the same moment in an order chosen by {@code random} instead of FIFO (a
     * reproducible schedule for a seeded random); null restores asyncio's FIFO order.
     */
    public void schedule(java.util.Random random) {
        if (foreign()) {
            post(() -> ready.schedule(random));
            return;
        }
        lock();
        try {
            ready.schedule(random);
        } finally {
            unlock();
        }
    }

    /** Whether nothing is ready to run now (timers and I/O aside). */
    public boolean nothingReady() {
        if (foreign()) {
            return false; // another thread cannot know; the loop's own thread asks this
        }
        lock();
        try {
            return ready.isEmpty() && inbox.isEmpty();
        } finally {
            unlock();
        }
    }

    /** Tasks parked in a wait that another thread will end (a thread's work, a future, a pipe). */
    public int foreignWaits() {
        return foreignWaits.get();
    }

    void foreignWait(int delta) {
        foreignWaits.addAndGet(delta);
    }

    /** Tasks parked in a Kotlin suspend function (which may end on another thread, or on a loop timer). */
    public int externalWaits() {
        return externalWaits.get();
    }

    void externalWait(int delta) {
        externalWaits.addAndGet(delta);
    }

    /** Under lock: interest ops changed; a driver blocked in select must see them. */
    void interestChangedLocked() {
        if (!owned && driverState == DRIVER_SELECTING) {
            poller.wakeup();
        }
    }

    /** Reports an error the way asyncio's default exception handler does. */
    public void report(String message, Throwable error) {
        try {
            errors.report(message, error);
        } catch (Throwable t) {
            System.Logger log = System.getLogger("io.aio4j");
            log.log(System.Logger.Level.ERROR, "exception handler failed on: " + message, t);
        }
    }

    public boolean isRunning() {
        return driver != null;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The fibers of this loop whose bodies have not finished, in creation order; thread-safe. */
    public List<Fiber> liveFibers() {
        return live.snapshot();
    }

    /** Makes {@link #runForever()} return once the current iteration is over; thread-safe. */
    public void stop() {
        if (foreign()) {
            post(this::stop);
            return;
        }
        lock();
        try {
            stopping = true;
            if (running < permits) {
                wakeDriverLocked();
            }
        } finally {
            unlock();
        }
    }

    /**
     * Runs the loop on the calling thread until {@link #stop()}; the calling thread becomes the
     * loop's driver (it waits in the selector whenever nothing is ready).
     */
    public void runForever() {
        Object outer = CURRENT.get();
        lock.lock(); // also in owned mode: hands the state over to this thread
        try {
            if (closed) {
                throw closedError();
            }
            if (driver != null) {
                throw new IllegalStateException("This event loop is already running (on " + driver + ")");
            }
            driver = Thread.currentThread();
            ownerThread = driver;
            driverState = DRIVER_ACTIVE;
        } finally {
            lock.unlock();
        }
        lock();
        try {
            CURRENT.set(this);
            for (;;) {
                if (running < permits) {
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
        } finally {
            driver = null;
            driverState = DRIVER_NONE;
            CURRENT.set(outer);
            unlock();
        }
    }

    /**
     * Closes the selector and drops what is queued; the loop must not be running. From here on
     * scheduling fails with "Event loop is closed"; a queued {@link Droppable} is told it was dropped.
     */
    public void close() {
        SlowSteps s = slow;
        if (s != null) {
            s.stop();
        }
        ArrayList<Droppable> dropped = new ArrayList<>();
        lock.lock(); // also in owned mode: no loop runs now, and the closing thread takes the state
        try {
            if (closed) {
                return;
            }
            if (driver != null) {
                throw new IllegalStateException("Cannot close a running event loop");
            }
            closed = true;
            List<Inbox.Posted> gone = new ArrayList<>();
            ready.dropInto(gone);
            inbox.dropInto(gone);
            for (Inbox.Posted item : gone) {
                droppedBy(item, dropped);
            }
            timers.clear();
        } finally {
            lock.unlock();
        }
        for (Droppable d : dropped) {
            try {
                d.dropped();
            } catch (Throwable t) {
                report("Exception in " + d + " dropped by the closing loop", t);
            }
        }
        try {
            poller.close();
        } catch (IOException e) {
            report("cannot close the event loop's selector", e);
        }
    }

    // ---- kotlinx dispatcher and Delay ------------------------------------------------------------

    @Override
    public boolean isDispatchNeeded(CoroutineContext context) {
        return true;
    }

    @Override
    public void dispatch(CoroutineContext context, Runnable block) {
        if (!schedule(new Callback(block))) {
            // kotlinx's contract: a closed dispatcher hands the block to another one
            kotlinx.coroutines.Dispatchers.getIO().dispatch(context, block);
        }
    }

    @Override
    public void scheduleResumeAfterDelay(long timeMillis, CancellableContinuation<? super Unit> continuation) {
        Timer t = callLater(millisToNanos(timeMillis), () -> continuation.resumeWith(Unit.INSTANCE));
        continuation.invokeOnCancellation(cause -> {
            t.cancel();
            return Unit.INSTANCE;
        });
    }

    @Override
    public DisposableHandle invokeOnTimeout(long timeMillis, Runnable block, CoroutineContext context) {
        return callLater(millisToNanos(timeMillis), block);
    }

    private static long millisToNanos(long ms) {
        return ms >= Forever.NANOS / 1_000_000 ? Forever.NANOS : ms * 1_000_000;
    }

    @Override
    public String toString() {
        return "Loop@" + Integer.toHexString(hashCode());
    }

    // ---- scheduling ------------------------------------------------------------------------------

    /** Appends {@code item} to the ready queue; false if closed. */
    boolean schedule(Ready item) {
        if (foreign()) {
            if (closed) {
                return false;
            }
            inbox.offer(item);
            wakeForInbox();
            return true;
        }
        lock();
        try {
            return scheduleLocked(item);
        } finally {
            unlock();
        }
    }

    boolean scheduleLocked(Ready item) {
        if (closed) {
            return false;
        }
        ready.add(item);
        if (running < permits) {
            wakeDriverLocked();
        }
        return true;
    }

    void register(Fiber f) {
        if (closed) {
            throw closedError();
        }
        if (foreign()) {
            post(() -> {
                live.add(f);
                scheduleLocked(f);
            });
            return;
        }
        lock();
        try {
            live.add(f);
            scheduleLocked(f);
        } finally {
            unlock();
        }
    }

    void unregisterLocked(Fiber f) {
        live.remove(f);
    }

    void timerCancelled() {
        if (foreign()) {
            post(timers::cancelledOne);
            return;
        }
        lock();
        try {
            timers.cancelledOne();
        } finally {
            unlock();
        }
    }

    /** The next item of the current iteration, starting a new iteration when needed; null if none. */
    private Ready pollLocked() {
        if (ready.iterationOver()) {
            if (stopping) {
                return null;
            }
            if (owned) {
                inbox.drainInto(this);
            }
            // the selector is not thread-safe: while the driver waits in it (parallel mode), only the
            // driver touches it, and collects what its select reported once it has the lock again
            if (driverState != DRIVER_SELECTING) {
                if (justSelected) {
                    justSelected = false; // the idle wait was this iteration's select
                } else {
                    try {
                        poller.selectNow();
                    } catch (IOException e) {
                        report("selector failed", e);
                    }
                }
                poller.collectSelected(ready.items()); // asyncio's _process_events: after what was already ready
            }
            if (!timers.isEmpty()) {
                timers.collectDue(clock.nanoTime(), ready.items());
            }
            if (!ready.beginIteration()) {
                return null;
            }
        }
        return ready.next();
    }

    private void wakeDriverLocked() {
        if (driverState == DRIVER_PARKED) {
            driverState = DRIVER_ACTIVE;
            LockSupport.unpark(driver);
        } else if (driverState == DRIVER_SELECTING) {
            poller.wakeup();
        }
    }

    private void parkDriverLocked() {
        driverState = DRIVER_PARKED;
        unlock();
        try {
            while (driverState == DRIVER_PARKED) {
                LockSupport.park(this);
            }
        } finally {
            lock();
            driverState = DRIVER_ACTIVE;
        }
    }

    private void idleLocked() {
        long timeout = timers.nextDelay(clock.nanoTime());
        if (timeout != 0) {
            driverState = DRIVER_SELECTING;
            boolean selected = false;
            unlock();
            try {
                if (!owned || inbox.isEmpty()) { // after the volatile write: a poster sees SELECTING or we see its item
                    clock.idle(poller.selector(), timeout);
                    selected = true;
                }
            } catch (IOException e) {
                report("selector failed", e);
            } finally {
                lock();
                driverState = DRIVER_ACTIVE;
                justSelected = selected;
            }
        }
        ready.endIteration(); // begin a new iteration: collect what the wait brought
    }

    private void dispatchFromDriverLocked(Ready next) {
        running++;
        if (next instanceof Fiber f) {
            if (f.prepareStepLocked()) {
                unlock();
                try {
                    if (owned) {
                        inPlaceFiber = f;
                    }
                    f.handTo(); // owned: runs the fiber on this thread until it parks or ends
                } finally {
                    if (owned) {
                        inPlaceFiber = null;
                    }
                    lock();
                }
                return; // the fiber keeps its permit until it yields
            }
            unlock();
            try {
                f.cancelBeforeStart();
            } finally {
                lock();
                running--;
            }
            return;
        }
        unlock();
        try {
            runCallback((Runnable) next); // a Callback or an IoRegistration
        } finally {
            lock();
            running--;
        }
    }

    private void runCallback(Runnable r) {
        SlowSteps s = slow;
        if (s != null) {
            s.begin(r);
        }
        try {
            r.run();
        } catch (Throwable t) {
            report("Exception in callback " + r, t);
        } finally {
            if (s != null) {
                s.end();
            }
        }
    }

    /**
     * Owned mode: {@code self} set its state (parked, or ready again) and gives the loop thread back to
     * the driver, which runs what is ready (this fiber too, when its turn comes) and resumes it by
     * running its strand again. Nothing of the loop's scheduling stays on the parked strand's stack.
     */
    void suspendInPlace(Fiber self) {
        SlowSteps s = slow;
        if (s != null) {
            s.end();
        }
        running--;
        carrier.park();
        s = slow;
        if (s != null) {
            s.begin(self);
        }
    }

    /** Owned mode: a fiber's body is over; its strand ends and the driver goes on. */
    void finishedInPlace() {
        SlowSteps s = slow;
        if (s != null) {
            s.end();
        }
        running--;
    }

    /**
     * Called by {@code self}'s own thread after it set its state (parked, ready again, or done): gives
     * up its permit, runs what is ready until it finds a fiber to hand the baton to (or itself), and
     * parks until it gets the baton back (unless it is done).
     */
    void yieldBaton(Fiber self, boolean finished) {
        Fiber handTo = null;
        boolean ranCallbacks = false;
        SlowSteps slowSteps = slow;
        if (slowSteps != null) {
            slowSteps.end();
        }
        lock();
        try {
            running--;
            for (;;) {
                Ready next = pollLocked();
                if (next == null) {
                    if (running < permits) {
                        wakeDriverLocked();
                    }
                    break;
                }
                running++;
                if (next == self) {
                    self.state = Fiber.RUNNING;
                    if (ranCallbacks) {
                        CURRENT.set(self);
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
                    unlock();
                    try {
                        f.cancelBeforeStart();
                    } finally {
                        lock();
                        running--;
                    }
                    continue;
                }
                if (!ranCallbacks) {
                    ranCallbacks = true;
                    CURRENT.set(this);
                }
                unlock();
                try {
                    runCallback((Runnable) next); // a Callback or an IoRegistration
                } finally {
                    lock();
                    running--;
                }
            }
        } finally {
            unlock();
        }
        if (ranCallbacks) {
            CURRENT.set(finished ? null : self);
        }
        if (handTo != null) {
            handTo.handTo();
        }
        if (!finished) {
            self.parkUntilGo();
            SlowSteps s = slow;
            if (s != null) {
                s.begin(self);
            }
        }
    }

    /** A queued submission that must hear that the closing loop drops it. */
    private static void droppedBy(Inbox.Posted item, List<Droppable> dropped) {
        if (item instanceof Callback c && c.action instanceof Droppable d && !c.cancelled()) {
            dropped.add(d);
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("Event loop is closed");
    }
}

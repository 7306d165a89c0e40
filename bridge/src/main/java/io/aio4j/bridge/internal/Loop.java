package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.ErrorSink;
import io.aio4j.bridge.lowlevel.Droppable;
import io.aio4j.bridge.lowlevel.Clock;
import io.aio4j.bridge.Carrier;
import io.aio4j.bridge.lowlevel.Forever;
import io.aio4j.bridge.lowlevel.LoopCore;
import io.aio4j.bridge.lowlevel.TaskCore;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import kotlinx.coroutines.CoroutineDispatcher;

/**
 * The event loop: a kotlinx {@link CoroutineDispatcher} and {@link Delay} over its parts — the ready
 * queue ({@link ReadyQueue}), the timers ({@link TimerQueue}), the selector ({@link Poller}), the live
 * tasks ({@link LiveFibers}), the inbox of other threads ({@link Inbox}) and the run loop with its
 * driver and permits ({@link Baton}) — and the operations the api and net call on a loop.
 */
/* Who may touch the parts. On the loop-thread carrier ("owned" mode) fibers run on the loop's own
 * thread, so the state belongs to that one thread and takes no lock at all; another thread never
 * touches it but posts what it wants done (a callback, a resume, a cancel, a timer) to the inbox,
 * which the loop drains at each iteration boundary, waking the selector if the loop waits in it. On
 * the virtual-thread carrier fibers run on threads of their own, and the state is guarded by `lock`
 * (lock()/unlock() below). The lock is never held while user code, kotlinx code or a resumption runs,
 * so loops cannot deadlock each other through it.
 */
public final class Loop implements Clock.Driven, LoopCore {
    /** The fiber whose body runs on this thread, or the loop whose callbacks run on it; else null. */
    static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();


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
    Fiber inPlaceFiber;
    /** Owned mode: what other threads posted (callbacks, fibers, engine operations), drained by the loop. */
    final Inbox inbox = new Inbox();
    final Clock clock;
    final int permits;
    private final ErrorSink errors;
    final Poller poller;

    // guarded by lock
    final ReadyQueue ready = new ReadyQueue();
    final TimerQueue timers = new TimerQueue();
    private final LiveFibers live = new LiveFibers();
    /** The driver and the permits: the run loop (see {@link Baton}). */
    final Baton baton = new Baton(this);
    private volatile boolean closed;
    private volatile Object attachment;
    private final java.util.concurrent.atomic.AtomicInteger foreignWaits = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger externalWaits = new java.util.concurrent.atomic.AtomicInteger();
    // test support, off by default
    /** Open resources and where they were created, for leak reports (the test kit turns it on). */
    final ResourceTracker resources = new ResourceTracker();
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
        clock.attach(this);
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

    /** The task whose body runs on the current thread, or null (TaskFiber is the one fiber there is). */
    public static TaskFiber<?> currentTask() {
        return currentFiber() instanceof TaskFiber<?> t ? t : null;
    }

    /** The error for {@code what} called outside a task, saying how to get one. */
    public static IllegalStateException notInTask(String what) {
        String where = currentLoop() != null
                ? "in an event loop callback, which cannot wait; start a task with Aio.createTask(...) for it"
                : "on thread \"" + Thread.currentThread().getName() + "\", which runs no event loop; "
                        + "wrap the code in Aio.run(() -> ...)";
        return new IllegalStateException(what + " must be called inside an aio4j task, but it was called " + where);
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
        if (baton.driverState == Baton.DRIVER_SELECTING) {
            poller.wakeup();
        }
    }

    // ---- public loop operations ------------------------------------------------------------------

    /** The loop's clock in nanoseconds. */
    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public <T> TaskCore<T> newTask(TaskCore.Host<T> host) {
        return new TaskFiber<>(this, java.util.Objects.requireNonNull(host, "host"));
    }

    /** See {@link LoopCore#onInterrupt}; read by the driver at each iteration. */
    volatile Runnable interruptHandler;

    @Override
    public void onInterrupt(Runnable handler) {
        interruptHandler = handler;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /**
     * Turns debug mode's slow-step detection on (with the threshold, in real nanoseconds) or off.
     * Call it from the loop's own thread or before the loop runs.
     */
    @Override
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
    @Override
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

    @Override
    public int permits() {
        return permits;
    }

    public Selector selector() {
        return poller.selector();
    }

    /** Queues {@code item}, which hears about it if the loop closes first; thread-safe. */
    @Override
    public void callSoon(Droppable item) {
        if (!schedule(new Callback(item))) {
            throw closedError();
        }
    }

    /** Queues {@code action} to run on a later turn of the loop; thread-safe. */
    @Override
    public Callback callSoon(Runnable action) {
        Callback cb = new Callback(action);
        if (!schedule(cb)) {
            throw closedError();
        }
        return cb;
    }

    /** Runs {@code action} once the loop's clock reaches {@code whenNanos}; thread-safe. */
    @Override
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
        if (timers.isFirst(t) && baton.running < permits) {
            baton.wakeDriverLocked(); // the driver's select timeout just got shorter
        }
    }

    /**
     * Runs {@code action} after {@code delayNanos}; thread-safe. A delay too long for the clock is
     * saturated (a timer that far ahead never fires), never wrapped round into the past.
     */
    @Override
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
    @Override
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
    @Override
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
    @Override
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

    @Override
    public void wakeup() {
        poller.wakeup();
    }

    /** Tasks parked in a wait that another thread will end (a thread's work, a future, a pipe). */
    @Override
    public int foreignWaits() {
        return foreignWaits.get();
    }

    void foreignWait(int delta) {
        foreignWaits.addAndGet(delta);
    }

    @Override
    public Runnable holdClock() {
        foreignWait(1);
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                foreignWait(-1);
            }
        };
    }

    /** Tasks parked in a Kotlin suspend function (which may end on another thread, or on a loop timer). */
    @Override
    public int externalWaits() {
        return externalWaits.get();
    }

    void externalWait(int delta) {
        externalWaits.addAndGet(delta);
    }

    /** Under lock: interest ops changed; a driver blocked in select must see them. */
    void interestChangedLocked() {
        if (!owned && baton.driverState == Baton.DRIVER_SELECTING) {
            poller.wakeup();
        }
    }

    @Override
    public void track(Object resource, String description) {
        resources.track(resource, description);
    }

    @Override
    public void untrack(Object resource) {
        resources.untrack(resource);
    }

    @Override
    public boolean tracksResources() {
        return resources.tracking();
    }

    @Override
    public void trackResources(boolean on) {
        resources.setTracking(on);
    }

    @Override
    public List<Throwable> openResources() {
        return resources.openResources();
    }

    /** Reports an error the way asyncio's default exception handler does. */
    @Override
    public void report(String message, Throwable error) {
        try {
            errors.report(message, error);
        } catch (Throwable t) {
            System.Logger log = System.getLogger("io.aio4j");
            log.log(System.Logger.Level.ERROR, "exception handler failed on: " + message, t);
        }
    }

    @Override
    public boolean isRunning() {
        return baton.driver != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** The fibers of this loop whose bodies have not finished, in creation order; thread-safe. */
    @Override
    public List<TaskCore<?>> liveTasks() {
        List<TaskCore<?>> tasks = new ArrayList<>();
        for (Fiber f : live.snapshot()) {
            if (f instanceof TaskFiber<?> t) {
                tasks.add(t);
            }
        }
        return tasks;
    }

    /** Makes {@link #runForever()} return once the current iteration is over; thread-safe. */
    @Override
    public void stop() {
        if (foreign()) {
            post(this::stop);
            return;
        }
        lock();
        try {
            baton.stopping = true;
            if (baton.running < permits) {
                baton.wakeDriverLocked();
            }
        } finally {
            unlock();
        }
    }

    /**
     * Runs the loop on the calling thread until {@link #stop()}; the calling thread becomes the
     * loop's driver (it waits in the selector whenever nothing is ready).
     */
    @Override
    public void runForever() {
        Object outer = CURRENT.get();
        lock.lock(); // also in owned mode: hands the state over to this thread
        try {
            if (closed) {
                throw closedError();
            }
            if (baton.driver != null) {
                throw new IllegalStateException("This event loop is already running (on " + baton.driver + ")");
            }
            baton.driver = Thread.currentThread();
            ownerThread = baton.driver;
            baton.driverState = Baton.DRIVER_ACTIVE;
        } finally {
            lock.unlock();
        }
        lock();
        try {
            CURRENT.set(this);
            baton.drive();
        } finally {
            baton.driver = null;
            baton.driverState = Baton.DRIVER_NONE;
            CURRENT.set(outer);
            unlock();
        }
    }

    /**
     * Closes the selector and drops what is queued; the loop must not be running. From here on
     * scheduling fails with "Event loop is closed"; a queued {@link Droppable} is told it was dropped.
     */
    @Override
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
            if (baton.driver != null) {
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

    // ---- kotlinx dispatcher -------------------------------------------------------------------

    /** This loop as kotlinx's {@code CoroutineDispatcher} and {@code Delay}. */
    final LoopDispatcher kotlinDispatcher = new LoopDispatcher(this);

    @Override
    public CoroutineDispatcher dispatcher() {
        return kotlinDispatcher;
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
            if (closed) {
                // close() ran between the check and the offer, and has already emptied the inbox: what
                // arrived since is dropped here, as close() drops what it finds (a submission then ends)
                dropLate();
                return true;
            }
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
        if (baton.running < permits) {
            baton.wakeDriverLocked();
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

    /** A queued submission that must hear that the closing loop drops it. */
    /** Drops what reached the inbox after close() emptied it. */
    private void dropLate() {
        List<Inbox.Posted> gone = new ArrayList<>();
        inbox.dropInto(gone);
        ArrayList<Droppable> dropped = new ArrayList<>();
        for (Inbox.Posted item : gone) {
            droppedBy(item, dropped);
        }
        for (Droppable d : dropped) {
            try {
                d.dropped();
            } catch (Throwable t) {
                report("Exception in " + d + " dropped by the closed loop", t);
            }
        }
    }

    private static void droppedBy(Inbox.Posted item, List<Droppable> dropped) {
        if (item instanceof Callback c && c.action instanceof Droppable d && !c.cancelled()) {
            dropped.add(d);
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("Event loop is closed");
    }
}

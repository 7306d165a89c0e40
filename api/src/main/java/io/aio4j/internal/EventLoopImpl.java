package io.aio4j.internal;

import io.aio4j.AsyncCallable;
import io.aio4j.Config;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionHandler;
import io.aio4j.Handle;
import io.aio4j.TimerHandle;
import io.aio4j.bridge.lowlevel.Clock;
import io.aio4j.bridge.lowlevel.ErrorSink;
import io.aio4j.bridge.lowlevel.LoopCore;
import io.aio4j.bridge.lowlevel.TaskCore;
import io.aio4j.bridge.lowlevel.LoopHandle;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import kotlinx.coroutines.CoroutineDispatcher;

/** The one implementation of {@link EventLoop}: the public face of the engine's {@link LoopCore}. */
public final class EventLoopImpl implements EventLoop {
    private static final Cleaner CLEANER = Cleaner.create();

    /** asyncio's default executor: min(32, cores + 4) threads. */
    private static final int DEFAULT_EXECUTOR_THREADS = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    private static final AtomicInteger EXECUTOR_THREAD_IDS = new AtomicInteger();
    private static final long EXECUTOR_SHUTDOWN_SECONDS = 300;

    final LoopCore loop;

    /** This loop as the other modules see it (they do not reach the engine's internals). */
    public LoopHandle handle() {
        return loop;
    }


    private final Set<Unretrieved> unretrieved = ConcurrentHashMap.newKeySet();
    private ThreadPoolExecutor defaultExecutor;

    /** Clocks for the loops created on this thread (the test kit's virtual time for a program's main). */
    public EventLoopImpl(Config config) {
        this(config, config.clock() != null ? config.clock() : Clock.forNewLoop());
    }

    public EventLoopImpl(Config config, Clock clock) {
        ExceptionHandler h = config.exceptionHandler();
        ErrorSink sink = h == null ? ErrorSink.LOG : h::handle;
        this.loop = LoopCore.create(config.parallelism(), config.carrier(), clock, sink);
        loop.attach(this);
        this.slowCallbackDuration = config.slowCallbackDuration();
        if (config.debug()) {
            loop.setDebug(true, Time.toNanos(slowCallbackDuration));
        }
        LIVE.add(this);
        TasksBean.registerOnce();
    }

    /** Every loop not yet closed, for dumps from outside ({@link #dumpAll}, JMX). */
    private static final Set<EventLoopImpl> LIVE = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    private volatile Duration slowCallbackDuration;
    /** A runner's close() has begun: {@link #submit} refuses new work, so that its rounds end. */
    private volatile boolean closing;

    static int openLoops() {
        synchronized (LIVE) {
            return (int) LIVE.stream().filter(l -> !l.isClosed()).count();
        }
    }

    /** Dumps the task trees of every open loop in this JVM. */
    /** {@code Aio.dumpTasks()}: the running loop's tree inside a loop, every open loop's elsewhere. */
    public static String dumpTasksFromHere() {
        LoopCore l = LoopCore.current();
        if (l == null) {
            return dumpAll();
        }
        java.io.StringWriter w = new java.io.StringWriter();
        of(l).dumpTasks(w);
        return w.toString();
    }

    public static String dumpAll() {
        List<EventLoopImpl> loops;
        synchronized (LIVE) {
            loops = new ArrayList<>(LIVE);
        }
        java.io.StringWriter w = new java.io.StringWriter();
        if (loops.isEmpty()) {
            w.write("no open aio4j event loops\n");
        }
        for (EventLoopImpl l : loops) {
            if (!l.isClosed()) {
                l.dumpTasks(w);
            }
        }
        return w.toString();
    }

    /** The loop running on this thread (in a task or a loop callback), or an error naming {@code what}. */
    public static EventLoopImpl current(String what) {
        LoopCore l = LoopCore.current();
        if (l == null) {
            throw TaskCore.notInTask(what);
        }
        return of(l);
    }

    /** The event loop whose engine {@code l} is (every LoopCore is made by this class, attached to it). */
    private static EventLoopImpl of(LoopCore l) {
        return (EventLoopImpl) l.attachment();
    }

    // ---- EventLoop -------------------------------------------------------------------------------

    @Override
    public double time() {
        return loop.nanoTime() / 1e9;
    }

    @Override
    public Handle callSoon(Runnable callback) {
        if (loop.debug()) {
            checkThread("callSoon");
        }
        return new HandleImpl(loop.callSoon(Objects.requireNonNull(callback, "callback")));
    }

    @Override
    public Handle callSoonThreadsafe(Runnable callback) {
        // the loop's queue is thread-safe and wakes a waiting loop
        return new HandleImpl(loop.callSoon(Objects.requireNonNull(callback, "callback")));
    }

    /** Debug mode: the loop's non-thread-safe methods must be called from the loop itself. */
    private void checkThread(String what) {
        if (LoopCore.current() != loop && (loop.isRunning() || LoopCore.current() != null)) {
            throw new IllegalStateException("Non-thread-safe operation invoked on an event loop other than the current one: "
                    + "EventLoop." + what + " called from thread " + Thread.currentThread().getName()
                    + "; use callSoonThreadsafe or submit from other threads");
        }
    }

    @Override
    public boolean debug() {
        return loop.debug();
    }

    @Override
    public void setDebug(boolean on) {
        loop.setDebug(on, Time.toNanos(slowCallbackDuration));
    }

    @Override
    public Duration slowCallbackDuration() {
        return slowCallbackDuration;
    }

    @Override
    public void setSlowCallbackDuration(Duration d) {
        Objects.requireNonNull(d, "slowCallbackDuration");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("slowCallbackDuration must be > 0: " + d);
        }
        slowCallbackDuration = d;
        if (loop.debug()) {
            loop.setDebug(true, Time.toNanos(d));
        }
    }

    @Override
    public <T> io.aio4j.Promise<T> createFuture() {
        return new PromiseImpl<>(this);
    }

    private final SignalHandlers signals = new SignalHandlers(this);

    @Override
    public void addSignalHandler(String signal, Runnable callback) {
        signals.add(signal, callback);
    }

    @Override
    public boolean removeSignalHandler(String signal) {
        return signals.remove(signal);
    }

    @Override
    public void dumpTasks(java.io.Writer out) {
        TaskDump.write(this, Objects.requireNonNull(out, "out"));
    }

    @Override
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return later(Time.toNanos(delay), callback);
    }

    @Override
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        return later(Time.secondsToNanos(delaySeconds, "callLater's delay"), callback);
    }

    private TimerHandle later(long nanos, Runnable callback) {
        if (loop.debug()) {
            checkThread("callLater");
        }
        return new HandleImpl.Timed(loop.callLater(nanos, Objects.requireNonNull(callback, "callback")));
    }

    @Override
    public TimerHandle callAt(double when, Runnable callback) {
        long at = Time.secondsToNanos(when, "callAt's when");
        if (loop.debug()) {
            checkThread("callAt");
        }
        return new HandleImpl.Timed(loop.callAt(at, Objects.requireNonNull(callback, "callback")));
    }

    @Override
    public <T> CompletableFuture<T> submit(AsyncCallable<T> body) {
        Submission<T> s = new Submission<>(this, Objects.requireNonNull(body, "body"));
        if (closing && LoopCore.current() != loop) {
            throw new IllegalStateException(loop.isClosed() ? "Event loop is closed"
                    : "Event loop is closing: EventLoop.submit() from another thread is refused once Runner.close() has begun");
        }
        loop.callSoon(s);
        return s.result;
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public boolean isClosed() {
        return loop.isClosed();
    }

    @Override
    public int parallelism() {
        return loop.permits();
    }

    @Override
    public CoroutineDispatcher asDispatcher() {
        return loop.dispatcher();
    }

    @Override
    public String toString() {
        return "<EventLoop running=" + isRunning() + " closed=" + isClosed() + " parallelism=" + parallelism() + ">";
    }

    // ---- running ---------------------------------------------------------------------------------

    /** Tasks of this loop that are not done, in creation order. */
    public List<TaskImpl<?>> pendingTasks() {
        List<TaskImpl<?>> tasks = new ArrayList<>();
        for (TaskCore<?> c : loop.liveTasks()) {
            if (c.host() instanceof TaskImpl<?> t && !t.done()) {
                tasks.add(t);
            }
        }
        return tasks;
    }

    /** asyncio's {@code run_until_complete(task)}: runs the loop on this thread until the task is done. */
    public void runUntilComplete(TaskImpl<?> task) {
        if (!task.done()) {
            Consumer<Object> stopper = t -> loop.stop();
            task.addDoneCallback(stopper);
            try {
                loop.runForever();
            } finally {
                task.removeDoneCallback(stopper);
            }
        }
        if (!task.done()) {
            throw new IllegalStateException("Event loop stopped before " + task + " completed");
        }
    }

    /**
     * asyncio's {@code _cancel_all_tasks}: cancels what is pending, runs the loop until it is done,
     * and reports the tasks that failed instead of ending cancelled.
     */
    public void cancelAllTasks() {
        // asyncio does one round; tasks started meanwhile (a submission accepted just before, a
        // cleanup's create_task) would be left pending for ever, so repeat until none is left: a task
        // created during a round is cancelled before its first step in the next. New submissions from
        // other threads are refused from here on, so the rounds end.
        closing = true;
        List<TaskImpl<?>> pending;
        while (!(pending = pendingTasks()).isEmpty()) {
            cancelRound(pending);
        }
    }

    private void cancelRound(List<TaskImpl<?>> pending) {
        if (loop.debug()) {
            for (TaskImpl<?> t : pending) {
                System.getLogger("io.aio4j").log(System.Logger.Level.WARNING, "Task " + t.name()
                        + " was never awaited: it was still pending when Aio.run() returned and is cancelled"
                        + io.aio4j.bridge.lowlevel.CallSite.createdAt(t.createdAt()));
            }
        }
        AtomicInteger left = new AtomicInteger(pending.size());
        for (TaskImpl<?> t : pending) {
            t.cancel();
        }
        for (TaskImpl<?> t : pending) {
            t.addDoneCallback(x -> {
                if (left.decrementAndGet() == 0) {
                    loop.stop();
                }
            });
        }
        loop.runForever();
        for (TaskImpl<?> t : pending) {
            if (t.done() && !t.cancelled() && t.exception() != null) {
                loop.report("unhandled exception during Aio.run() shutdown: task " + t.name(), t.exception());
            }
        }
    }

    /** The executor of {@code toThread} and {@code runInExecutor(null, ...)}, made on first use. */
    public synchronized Executor defaultExecutor() {
        if (defaultExecutor == null) {
            defaultExecutor = new ThreadPoolExecutor(DEFAULT_EXECUTOR_THREADS, DEFAULT_EXECUTOR_THREADS,
                    60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "aio4j-to-thread-" + EXECUTOR_THREAD_IDS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            defaultExecutor.allowCoreThreadTimeOut(true);
        }
        return defaultExecutor;
    }

    /**
     * asyncio's {@code shutdown_default_executor}: lets the running functions finish (up to 300 s,
     * as asyncio 3.12) and stops the threads.
     */
    private void shutdownDefaultExecutor() {
        ThreadPoolExecutor ex;
        synchronized (this) {
            ex = defaultExecutor;
            defaultExecutor = null;
        }
        if (ex == null) {
            return;
        }
        ex.shutdown();
        try {
            if (!ex.awaitTermination(EXECUTOR_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                loop.report("The default executor did not finish its functions within " + EXECUTOR_SHUTDOWN_SECONDS
                        + " seconds of the loop closing; they are left running", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reports every exception still unretrieved, stops the default executor and closes the loop. */
    public void close() {
        closing = true;
        LIVE.remove(this);
        try {
            signals.removeAll();
            shutdownDefaultExecutor();
            for (Unretrieved u : new ArrayList<>(unretrieved)) {
                u.run();
            }
        } finally {
            loop.close();
        }
    }

    void track(TaskImpl<?> task, Unretrieved u) {
        unretrieved.add(u);
        CLEANER.register(task, u);
    }

    void untrack(Unretrieved u) {
        unretrieved.remove(u);
    }
}

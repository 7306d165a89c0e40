package io.aio4j.bridge.lowlevel;

import io.aio4j.bridge.Carrier;
import io.aio4j.bridge.internal.Loop;
import java.util.List;

/**
 * An event loop's engine with its lifecycle: what the api's {@code EventLoop} and {@code Runner}
 * drive. It runs tasks ({@link #newTask}) on its {@link Carrier}, callbacks, timers and the
 * selector, and it is the {@link LoopHandle} that transports and primitives use.
 *
 * <p>The lifecycle: {@link #create} on any thread; {@link #runForever()} on the thread that is to
 * drive the loop until {@link #stop()}; any number of such runs; then {@link #close()}.
 *
 * <p>aio4j has the one implementation; {@link #create} makes it.
 */
public interface LoopCore extends LoopHandle {
    /**
     * A new loop that runs up to {@code permits} task bodies at once (1: asyncio's one at a time) on
     * {@code carrier}, on {@code clock}, reporting what nobody else can receive to {@code errors}.
     *
     * @throws IllegalArgumentException if {@code permits < 1}
     * @throws IllegalStateException if the carrier cannot be used here (it names the JVM flag to add)
     *     or cannot run {@code permits} bodies at once
     */
    static LoopCore create(int permits, Carrier carrier, Clock clock, ErrorSink errors) {
        return new Loop(permits, carrier, clock, errors);
    }

    /** The loop running on the calling thread (in a task or in a callback), or null. */
    static LoopCore current() {
        return Loop.currentLoop();
    }

    /** A task of this loop over {@code host}, not started yet ({@link TaskCore#start()}). */
    <T> TaskCore<T> newTask(TaskCore.Host<T> host);

    /**
     * The object this loop is the engine of (the api's {@code EventLoop}), as {@link #attach} set it,
     * or null.
     */
    Object attachment();

    /** Sets {@link #attachment()}; once, before the loop runs. */
    void attach(Object attachment);

    /**
     * Turns debug mode's slow-step detection on (with the threshold, in real nanoseconds) or off. Call
     * it from the loop's own thread or before the loop runs.
     *
     * @throws IllegalArgumentException if {@code slowStepNanos <= 0}
     */
    void setDebug(boolean on, long slowStepNanos);

    /** Whether debug mode is on. */
    boolean debug();

    /**
     * The loop as a kotlinx {@code CoroutineDispatcher} (with {@code Delay}: {@code delay} and
     * {@code withTimeout} run on the loop's timers).
     */
    kotlinx.coroutines.CoroutineDispatcher dispatcher();

    /** How many task bodies may run at once. */
    int permits();

    /** Whether a thread is inside {@link #runForever()}. */
    boolean isRunning();

    /** Whether {@link #close()} has run. */
    boolean isClosed();

    /** The tasks of this loop whose bodies have not finished, in creation order; thread-safe. */
    List<TaskCore<?>> liveTasks();

    /**
     * What the loop does when the thread driving it ({@link #runForever()}) is interrupted: it clears
     * the interrupt and runs {@code handler} as a callback (the api's runner cancels its main task, as
     * asyncio's {@code Runner} does on Ctrl-C); null, the default, leaves the interrupt alone.
     */
    void onInterrupt(Runnable handler);

    /** Makes {@link #runForever()} return once the current iteration is over; thread-safe. */
    void stop();

    /**
     * Runs the loop on the calling thread until {@link #stop()}; the calling thread becomes the loop's
     * driver (it waits in the selector whenever nothing is ready).
     *
     * @throws IllegalStateException if the loop is closed or already running
     */
    void runForever();

    /**
     * Closes the selector and drops what is queued; the loop must not be running. From here on
     * scheduling fails with "Event loop is closed"; a queued {@link Droppable} is told it was dropped.
     *
     * @throws IllegalStateException if the loop is running
     */
    void close();
}

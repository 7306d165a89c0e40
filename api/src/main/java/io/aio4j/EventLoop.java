package io.aio4j;

import io.aio4j.internal.EventLoopImpl;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import kotlinx.coroutines.CoroutineDispatcher;

/**
 * The event loop that runs a group of tasks: its clock, its callbacks, and the doors into it from
 * other threads. {@code Aio.run} makes one; {@link Aio#getRunningLoop()} returns it.
 *
 * <p>Methods marked thread-safe may be called from any thread; the others belong to the loop's own
 * tasks and callbacks (asyncio's rule), though in aio4j they are safe everywhere.
 *
 * @apiNote asyncio: {@code asyncio.AbstractEventLoop}
 */
public sealed interface EventLoop permits EventLoopImpl {

    /**
     * The loop's clock, in seconds: monotonic, with an arbitrary origin (virtual in tests).
     *
     * @apiNote asyncio: {@code loop.time()}
     */
    double time();

    /**
     * Runs {@code callback} on a later turn of the loop, after what is already queued.
     *
     * @apiNote asyncio: {@code loop.call_soon(callback)}
     * @throws IllegalStateException if the loop is closed
     */
    Handle callSoon(Runnable callback);

    /**
     * {@link #callSoon} from any thread: wakes the loop if it is waiting. Thread-safe.
     *
     * @apiNote asyncio: {@code loop.call_soon_threadsafe(callback)}
     */
    Handle callSoonThreadsafe(Runnable callback);

    /**
     * Runs {@code callback} once {@code delay} has passed on the loop's clock. Thread-safe.
     *
     * @apiNote asyncio: {@code loop.call_later(delay, callback)}
     */
    TimerHandle callLater(Duration delay, Runnable callback);

    /**
     * {@link #callLater(Duration, Runnable)} with the delay in seconds. Thread-safe.
     *
     * @apiNote asyncio: {@code loop.call_later(delay, callback)}
     * @throws IllegalArgumentException if the delay is NaN
     */
    TimerHandle callLater(double delaySeconds, Runnable callback);

    /**
     * Runs {@code callback} once the loop's clock reaches {@code when} (seconds of {@link #time()}).
     * Thread-safe.
     *
     * @apiNote asyncio: {@code loop.call_at(when, callback)}
     */
    TimerHandle callAt(double when, Runnable callback);

    /**
     * Starts {@code body} as a task of this loop from any thread, and returns a future of its result.
     * Cancelling the future cancels the task. Thread-safe.
     *
     * <p>A submission that was accepted always ends: the future completes with the task's outcome;
     * it is cancelled if the task is (a runner's {@code close()} cancels the tasks still pending); and
     * if the loop closes before the body could start (submitted after the last {@code run}), it
     * completes exceptionally with {@code IllegalStateException("Event loop is closed: ...")}.
     *
     * @apiNote asyncio: {@code asyncio.run_coroutine_threadsafe(coro, loop)} (whose future never
     *     completes if the loop closes first)
     * @throws IllegalStateException if the loop is closed ("Event loop is closed"), or, from another
     *     thread, once its runner's {@code close()} has begun ("Event loop is closing: ...")
     */
    <T> CompletableFuture<T> submit(AsyncCallable<T> body);

    /**
     * Whether the loop is running (inside {@code Aio.run} or {@code Runner.run}). Thread-safe.
     *
     * @apiNote asyncio: {@code loop.is_running()}
     */
    boolean isRunning();

    /**
     * Whether the loop is closed. Thread-safe.
     *
     * @apiNote asyncio: {@code loop.is_closed()}
     */
    boolean isClosed();

    /**
     * How many task bodies may run at once (1 unless {@link Config#parallel(int)}).
     *
     * @apiNote asyncio: none; asyncio always runs one
     */
    int parallelism();

    /**
     * This loop as a kotlinx {@link CoroutineDispatcher} (with {@code Delay} on the loop's clock), for
     * Kotlin code that wants to run coroutines on it: {@code withContext(loop.asDispatcher()) { ... }}.
     *
     * @apiNote asyncio: none; the kotlinx view of the loop
     */
    CoroutineDispatcher asDispatcher();

    /**
     * Whether debug mode is on (see {@link Config#debug(boolean)}).
     *
     * @apiNote asyncio: {@code loop.get_debug()}
     */
    boolean debug();

    /**
     * Turns debug mode on or off while the loop runs. Call it from the loop (a task or a callback).
     *
     * @apiNote asyncio: {@code loop.set_debug(enabled)}
     */
    void setDebug(boolean on);

    /**
     * Debug mode's slow-step threshold: a task step or callback that holds the loop longer is logged.
     *
     * @apiNote asyncio: {@code loop.slow_callback_duration}
     */
    Duration slowCallbackDuration();

    /**
     * Sets debug mode's slow-step threshold.
     *
     * @apiNote asyncio: {@code loop.slow_callback_duration = 0.1}
     * @throws IllegalArgumentException if {@code d} is not positive
     */
    void setSlowCallbackDuration(Duration d);

    /**
     * Writes the tree of this loop's live tasks to {@code out}: each task under the task that created
     * it, task group members under their group, each with its name, state ({@code running},
     * {@code waiting}, {@code ready}, {@code scheduled}), the aio4j call it waits in and its stack.
     * Safe from any thread.
     *
     * {@snippet :
     * Task 'Task-1' (waiting) awaiting Aio.gather at demo.Main.asyncMain(Main.java:21)
     *     at io.aio4j.Aio.gather(Aio.java:212)
     *     at demo.Main.asyncMain(Main.java:21)
     *   Task 'fetch-1' (waiting) awaiting Aio.sleep at demo.Main.fetch(Main.java:12)
     *       at io.aio4j.Aio.sleep(Aio.java:151)
     *       at demo.Main.fetch(Main.java:12)
     * }
     *
     * @apiNote asyncio: {@code python -m asyncio pstree PID} (3.14); kotlinx-coroutines-debug's
     *     {@code DebugProbes.dumpCoroutines()}
     */
    void dumpTasks(java.io.Writer out);

    /**
     * A new pending {@link Promise} on this loop: asyncio's {@code Future}, completed by
     * {@code setResult} / {@code setException} and accepted wherever a task is.
     *
     * @apiNote asyncio: {@code loop.create_future()}
     * @throws IllegalStateException if the loop is closed
     */
    <T> Promise<T> createFuture();

    /**
     * Runs {@code callback} on this loop each time the process receives {@code signal} ({@code "SIGTERM"},
     * {@code "SIGHUP"}, {@code "SIGINT"}, ...; the {@code SIG} prefix is optional). A second handler for
     * the same signal replaces the first. While a handler for SIGINT is installed, Ctrl-C runs it instead
     * of cancelling {@code Aio.run}'s main task. Closing the loop removes its handlers.
     *
     * {@snippet :
     * loop.addSignalHandler("SIGTERM", () -> stopping.set());
     * }
     *
     * @apiNote asyncio: {@code loop.add_signal_handler(signal.SIGTERM, callback)}
     * @throws IllegalArgumentException for an unknown signal, or one the JVM keeps for itself (e.g.
     *     SIGKILL, SIGSEGV, HotSpot's SIGUSR2 and SIGQUIT), naming it
     * @throws UnsupportedOperationException on a runtime without {@code sun.misc.Signal}
     * @throws IllegalStateException if the loop is closed
     */
    void addSignalHandler(String signal, Runnable callback);

    /**
     * Removes this loop's handler for {@code signal}, putting back the one that was there before.
     *
     * @apiNote asyncio: {@code loop.remove_signal_handler(sig)}
     * @return whether a handler was removed
     */
    boolean removeSignalHandler(String signal);
}

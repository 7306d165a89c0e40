package io.aio4j;

import io.aio4j.bridge.internal.Fiber;
import io.aio4j.bridge.internal.Loop;
import io.aio4j.bridge.internal.Suspensions;
import io.aio4j.bridge.internal.Timer;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.Gather;
import io.aio4j.internal.RunnerImpl;
import io.aio4j.internal.TaskImpl;
import io.aio4j.internal.Time;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import kotlin.Unit;
import kotlinx.coroutines.CancellableContinuation;

/**
 * The front door: asyncio for Java.
 *
 * {@snippet :
 * // asyncio.run(main())
 * Aio.run(() -> {
 *     Task<String> a = Aio.createTask(() -> { Aio.sleep(1); return "one"; });
 *     Task<String> b = Aio.createTask(() -> { Aio.sleep(2); return "two"; });
 *     System.out.println(a.await() + " " + b.await());   // after 2 seconds, not 3
 * });
 * }
 *
 * <p>A body passed to {@link #run} or {@link #createTask} is plain sequential Java on a fiber of an
 * event loop. Calls that wait ({@link #sleep}, {@link Task#await()}, queue and stream operations)
 * park the fiber and let the loop run other tasks; between two such awaits, a body runs alone (unless
 * {@link Config#parallel(int)}), so tasks can share state without locks, as in asyncio.
 */
public final class Aio {
    private Aio() {
    }

    // ---- running a program -----------------------------------------------------------------------

    /**
     * Runs {@code body} as the main task of a new event loop on the calling thread, and returns its
     * result. When the body is done, tasks it left pending are cancelled and waited for, and the loop
     * is closed. The body's exception is rethrown unwrapped.
     *
     * <p><b>Cancellation:</b> if the main task is cancelled, this throws {@link CancelledError}.
     *
     * @apiNote asyncio: {@code asyncio.run(main())}
     * @throws IllegalStateException if called inside a running loop
     */
    public static <T> T run(AsyncCallable<T> body) {
        return run(Config.defaults(), body);
    }

    /**
     * {@link #run(AsyncCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code asyncio.run(main())} where {@code main} returns None
     */
    public static void run(AsyncRunnable body) {
        run(Config.defaults(), body);
    }

    /**
     * {@link #run(AsyncCallable)} on a loop configured by {@code config}.
     *
     * @apiNote asyncio: {@code asyncio.run(main(), debug=...)}
     */
    public static <T> T run(Config config, AsyncCallable<T> body) {
        Objects.requireNonNull(body, "body");
        checkNotInLoop();
        try (Runner runner = new RunnerImpl(config)) {
            return runner.run(body);
        }
    }

    /**
     * {@link #run(Config, AsyncCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code asyncio.run(main(), debug=...)}
     */
    public static void run(Config config, AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        run(config, () -> {
            body.run();
            return null;
        });
    }

    /**
     * A runner: one loop for several {@code run} calls, closed by try-with-resources.
     *
     * @apiNote asyncio: {@code asyncio.Runner()}
     */
    public static Runner runner(Config config) {
        return new RunnerImpl(config);
    }

    /**
     * {@link #runner(Config)} with {@link Config#defaults()}.
     *
     * @apiNote asyncio: {@code asyncio.Runner()}
     */
    public static Runner runner() {
        return runner(Config.defaults());
    }

    private static void checkNotInLoop() {
        if (Loop.currentLoop() != null) {
            throw new IllegalStateException("Aio.run() cannot be called from a running event loop: inside a task, "
                    + "await the work directly or start it with Aio.createTask(...)");
        }
    }

    // ---- sleeping --------------------------------------------------------------------------------

    /**
     * Suspends the current task for {@code delay} on the loop's clock; other tasks run meanwhile. A
     * delay of zero or less yields: the task goes to the back of the ready queue and continues on a
     * later turn of the loop, after every task that was ready before it.
     *
     * <p><b>Cancellation:</b> cancelling the task ends the sleep at once with {@link CancelledError}.
     *
     * @apiNote asyncio: {@code await asyncio.sleep(delay)}; {@code sleep(0)} always yields
     * @throws IllegalStateException outside a task
     */
    public static void sleep(Duration delay) {
        sleepNanos(Time.toNanos(delay));
    }

    /**
     * {@link #sleep(Duration)} with the delay in seconds, as asyncio writes it: {@code Aio.sleep(0.5)}.
     *
     * @throws IllegalArgumentException if {@code seconds} is NaN
     */
    public static void sleep(double seconds) {
        sleepNanos(Time.secondsToNanos(seconds, "Aio.sleep's delay"));
    }

    private static void sleepNanos(long nanos) {
        Fiber fiber = Suspensions.currentFiber("Aio.sleep");
        if (nanos <= 0) {
            fiber.yieldNow();
            return;
        }
        Loop loop = fiber.bridgeLoop();
        fiber.await(k -> Suspensions.suspendCancellable(k, (CancellableContinuation<Unit> c) -> {
            Timer timer = loop.callLater(nanos, () -> Suspensions.resumeUnit(c));
            c.invokeOnCancellation(cause -> {
                timer.cancel();
                return Unit.INSTANCE;
            });
        }));
    }

    // ---- tasks -----------------------------------------------------------------------------------

    /**
     * Starts {@code body} as a new task of the running loop, named {@code Task-N}. It begins on a later
     * turn of the loop; tasks begin in the order they were created.
     *
     * @apiNote asyncio: {@code asyncio.create_task(coro)}
     * @throws IllegalStateException outside a running loop
     */
    public static <T> Task<T> createTask(AsyncCallable<T> body) {
        return createTask(null, body);
    }

    /**
     * {@link #createTask(AsyncCallable)} with a name ({@code null}: {@code Task-N}).
     *
     * @apiNote asyncio: {@code asyncio.create_task(coro, name=name)}
     */
    public static <T> Task<T> createTask(String name, AsyncCallable<T> body) {
        return TaskImpl.create(EventLoopImpl.current("Aio.createTask"), name, body);
    }

    /**
     * {@link #createTask(AsyncCallable)} for a body without a result; the task's result is null.
     *
     * @apiNote asyncio: {@code asyncio.create_task(coro)}
     */
    public static Task<Void> createTask(AsyncRunnable body) {
        return createTask(null, body);
    }

    /**
     * {@link #createTask(String, AsyncCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code asyncio.create_task(coro, name=name)}
     */
    public static Task<Void> createTask(String name, AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        return createTask(name, () -> {
            body.run();
            return null;
        });
    }

    // ---- combinators ----------------------------------------------------------------------------

    /**
     * Waits for all {@code tasks} and returns their results in input order. The first task to fail
     * makes this throw its exception (or its {@link CancelledError}) at once; the other tasks keep
     * running. An empty list returns at once.
     *
     * {@snippet :
     * List<String> pages = Aio.gather(Aio.createTask(() -> fetch(a)), Aio.createTask(() -> fetch(b)));
     * }
     *
     * <p><b>Cancellation:</b> cancelling the waiting task cancels every task not yet done, waits until
     * one of them ends, and throws {@link CancelledError}.
     *
     * @apiNote asyncio: {@code await asyncio.gather(*tasks)}
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, never stored
    public static <T> List<T> gather(Task<? extends T>... tasks) {
        return Gather.all(Arrays.asList(tasks));
    }

    /**
     * {@link #gather(Task[])} over a list; same cancellation.
     *
     * @apiNote asyncio: {@code await asyncio.gather(*tasks)}
     */
    public static <T> List<T> gather(List<? extends Task<? extends T>> tasks) {
        return Gather.all(tasks);
    }

    /**
     * Waits for all {@code tasks} and returns how each ended, in input order; never throws a task's
     * exception.
     *
     * <p><b>Cancellation:</b> cancelling the waiting task cancels every task not yet done, waits for
     * all of them, and throws {@link CancelledError}.
     *
     * @apiNote asyncio: {@code await asyncio.gather(*tasks, return_exceptions=True)}
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, never stored
    public static <T> List<Settled<T>> gatherSettled(Task<? extends T>... tasks) {
        return Gather.settled(Arrays.asList(tasks));
    }

    /**
     * {@link #gatherSettled(Task[])} over a list; same cancellation.
     *
     * @apiNote asyncio: {@code await asyncio.gather(*tasks, return_exceptions=True)}
     */
    public static <T> List<Settled<T>> gatherSettled(List<? extends Task<? extends T>> tasks) {
        return Gather.settled(tasks);
    }

    /**
     * The task whose body is running, or null inside a loop callback.
     *
     * @apiNote asyncio: {@code asyncio.current_task()}
     * @throws IllegalStateException outside a running loop
     */
    public static Task<?> currentTask() {
        EventLoopImpl.current("Aio.currentTask");
        return Loop.currentFiber() instanceof TaskImpl<?> t ? t : null;
    }

    /**
     * The running loop's tasks that are not done yet, in creation order.
     *
     * @apiNote asyncio: {@code asyncio.all_tasks()}
     * @throws IllegalStateException outside a running loop
     */
    public static Set<Task<?>> allTasks() {
        return new LinkedHashSet<>(EventLoopImpl.current("Aio.allTasks").pendingTasks());
    }

    /**
     * The loop running the current task or callback.
     *
     * @apiNote asyncio: {@code asyncio.get_running_loop()}
     * @throws IllegalStateException outside a running loop
     */
    public static EventLoop getRunningLoop() {
        return EventLoopImpl.current("Aio.getRunningLoop");
    }
}

package io.aio4j;

import io.aio4j.bridge.lowlevel.LoopCore;
import io.aio4j.bridge.lowlevel.TaskCore;
import io.aio4j.internal.AsCompleted;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.Futures;
import io.aio4j.internal.GeneratorImpl;
import io.aio4j.internal.Gather;
import io.aio4j.internal.RunnerImpl;
import io.aio4j.internal.TaskGroupImpl;
import io.aio4j.internal.TaskImpl;
import io.aio4j.internal.Time;
import io.aio4j.internal.TimeoutImpl;
import io.aio4j.internal.Wait;
import io.aio4j.internal.WaitFor;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import kotlinx.coroutines.flow.Flow;

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
    public static <T, X extends Exception> T run(CheckedCallable<T, X> body) throws X {
        return run(Config.defaults(), body);
    }

    /**
     * {@link #run(CheckedCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code asyncio.run(main())} where {@code main} returns None
     */
    public static <X extends Exception> void run(CheckedRunnable<X> body) throws X {
        run(Config.defaults(), body);
    }

    /**
     * {@link #run(CheckedCallable)} on a loop configured by {@code config}.
     *
     * @apiNote asyncio: {@code asyncio.run(main(), debug=...)}
     */
    public static <T, X extends Exception> T run(Config config, CheckedCallable<T, X> body) throws X {
        Objects.requireNonNull(body, "body");
        checkNotInLoop();
        try (Runner runner = new RunnerImpl(config)) {
            return runner.run(body);
        }
    }

    /**
     * {@link #run(Config, CheckedCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code asyncio.run(main(), debug=...)}
     */
    public static <X extends Exception> void run(Config config, CheckedRunnable<X> body) throws X {
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
        if (LoopCore.current() != null) {
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
        TaskCore.current("Aio.sleep").sleep(Time.toNanos(delay));
    }

    /**
     * {@link #sleep(Duration)} with the delay in seconds, as asyncio writes it: {@code Aio.sleep(0.5)}.
     *
     * @throws IllegalArgumentException if {@code seconds} is NaN
     */
    public static void sleep(double seconds) {
        long nanos = Time.secondsToNanos(seconds, "Aio.sleep's delay");
        if (seconds > 0 && nanos < Time.FOREVER_NANOS && nanos < seconds * 1e9) {
            nanos++; // a positive sleep always reaches its deadline, also below a nanosecond (virtual clock)
        }
        TaskCore.current("Aio.sleep").sleep(nanos);
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
        return TaskImpl.createVoid(EventLoopImpl.current("Aio.createTask"), name, body, null);
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
     * Runs {@code body} in the calling task for at most {@code timeout}: on timeout the body is
     * cancelled at its current await, its cleanup runs to the end, and {@link TimeoutError} is thrown
     * (its cause: the body's {@link CancelledError}). A body that finished wins over a timeout that
     * fired just after it: its result is returned, so what it took (a queue item, a lock) is never
     * lost. Inside the body {@link #currentTask()} is the caller. A timeout of zero or less never
     * starts the body (it becomes a task cancelled before its first step, as in asyncio).
     *
     * {@snippet :
     * try {
     *     String data = Aio.waitFor(Duration.ofSeconds(2), () -> slowOperation());
     * } catch (TimeoutError e) {
     *     System.out.println("任务超时");
     * }
     * }
     *
     * <p><b>Cancellation:</b> cancelling the waiting task cancels the body at its current await;
     * the {@link CancelledError} propagates (it is not turned into {@code TimeoutError}).
     *
     * @apiNote asyncio: {@code await asyncio.wait_for(coro, timeout)} (3.12+: the coroutine runs in
     *     the caller under {@code asyncio.timeout})
     */
    public static <T, X extends Exception> T waitFor(Duration timeout, CheckedCallable<T, X> body) throws X {
        return WaitFor.body(body::call, timeoutNanos(timeout), "Aio.waitFor(" + timeout + ")");
    }

    /**
     * {@link #waitFor(Duration, CheckedCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code await asyncio.wait_for(coro, timeout)}
     */
    public static <X extends Exception> void waitFor(Duration timeout, CheckedRunnable<X> body) throws X {
        waitFor(timeout, callable(body));
    }

    /**
     * {@link #waitFor(Duration, CheckedCallable)} with the timeout in seconds.
     *
     * @apiNote asyncio: {@code await asyncio.wait_for(coro, timeout)}
     */
    public static <T, X extends Exception> T waitFor(double timeoutSeconds, CheckedCallable<T, X> body) throws X {
        return WaitFor.body(body::call, seconds(timeoutSeconds, "Aio.waitFor's timeout"), "Aio.waitFor(" + timeoutSeconds + ")");
    }

    /**
     * {@link #waitFor(double, CheckedCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code await asyncio.wait_for(coro, timeout)}
     */
    public static <X extends Exception> void waitFor(double timeoutSeconds, CheckedRunnable<X> body) throws X {
        waitFor(timeoutSeconds, callable(body));
    }

    /**
     * Waits for {@code task} at most {@code timeout}; on timeout cancels it, waits for its cancellation
     * to finish, and throws {@link TimeoutError}. A timeout of zero or less returns the result of a
     * task already done, or cancels it at once.
     *
     * <p><b>Cancellation:</b> cancelling the waiting task cancels {@code task} too.
     *
     * @apiNote asyncio: {@code await asyncio.wait_for(task, timeout)}
     */
    public static <T> T waitFor(Task<T> task, Duration timeout) {
        Objects.requireNonNull(task, "task");
        return WaitFor.task(task, timeoutNanos(timeout), "Aio.waitFor(" + task.name() + ", " + timeout + ")");
    }

    /**
     * {@link #waitFor(Task, Duration)} with the timeout in seconds.
     *
     * @apiNote asyncio: {@code await asyncio.wait_for(task, timeout)}
     */
    public static <T> T waitFor(Task<T> task, double timeoutSeconds) {
        Objects.requireNonNull(task, "task");
        return WaitFor.task(task, seconds(timeoutSeconds, "Aio.waitFor's timeout"),
                "Aio.waitFor(" + task.name() + ", " + timeoutSeconds + ")");
    }

    // ---- timeout scopes --------------------------------------------------------------------------

    /**
     * Runs {@code body} in the current task with a deadline {@code delay} from now ({@code null}: no
     * deadline; the body may set one with {@link Timeout#reschedule}). If the deadline passes, the
     * body's current await throws {@link CancelledError} and this scope turns it into
     * {@link TimeoutError} on the way out.
     *
     * {@snippet :
     * Aio.timeout(Duration.ofSeconds(10), t -> {
     *     await1();
     *     t.reschedule(Aio.getRunningLoop().time() + 5);
     *     return await2();
     * });
     * }
     *
     * <p><b>Cancellation:</b> a cancellation that does not come from this scope's deadline (another
     * task's {@code cancel()}, an outer scope) stays a {@link CancelledError}; of nested expired scopes
     * only the outermost one throws {@code TimeoutError}.
     *
     * @apiNote asyncio: {@code async with asyncio.timeout(delay) as t:}
     */
    public static <T> T timeout(Duration delay, Timeout.Body<T> body) {
        Objects.requireNonNull(body, "body");
        return TimeoutImpl.run(TimeoutImpl.deadlineIn(delay == null ? Time.FOREVER_NANOS : Time.toNanos(delay)),
                "Aio.timeout(" + delay + ")", body);
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} for a body that does not need its {@link Timeout}.
     *
     * @apiNote asyncio: {@code async with asyncio.timeout(delay):}
     */
    public static <T, X extends Exception> T timeout(Duration delay, CheckedCallable<T, X> body) throws X {
        Objects.requireNonNull(body, "body");
        return timeout(delay, t -> body.call());
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} for a body without a result.
     *
     * @apiNote asyncio: {@code async with asyncio.timeout(delay):}
     */
    public static <X extends Exception> void timeout(Duration delay, CheckedRunnable<X> body) throws X {
        timeout(delay, callable(body));
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} with the delay in seconds
     * ({@link Double#POSITIVE_INFINITY}: none).
     *
     * @apiNote asyncio: {@code async with asyncio.timeout(delay) as t:}
     */
    public static <T> T timeout(double delaySeconds, Timeout.Body<T> body) {
        Objects.requireNonNull(body, "body");
        long delay = delaySeconds == Double.POSITIVE_INFINITY ? Time.FOREVER_NANOS
                : seconds(delaySeconds, "Aio.timeout's delay");
        return TimeoutImpl.run(TimeoutImpl.deadlineIn(delay),
                delay == Time.FOREVER_NANOS ? Double.NaN : TimeoutImpl.whenIn(delaySeconds), "Aio.timeout(" + delaySeconds + ")", body);
    }

    /**
     * {@link #timeout(double, Timeout.Body)} for a body that does not need its {@link Timeout}.
     *
     * @apiNote asyncio: {@code async with asyncio.timeout(delay):}
     */
    public static <T, X extends Exception> T timeout(double delaySeconds, CheckedCallable<T, X> body) throws X {
        Objects.requireNonNull(body, "body");
        return timeout(delaySeconds, t -> body.call());
    }

    /**
     * {@link #timeout(double, Timeout.Body)} for a body without a result.
     *
     * @apiNote asyncio: {@code async with asyncio.timeout(delay):}
     */
    public static <X extends Exception> void timeout(double delaySeconds, CheckedRunnable<X> body) throws X {
        timeout(delaySeconds, callable(body));
    }

    /**
     * {@link #timeout(Duration, Timeout.Body)} with an absolute deadline on the loop's clock
     * ({@link EventLoop#time()} seconds; {@link Double#POSITIVE_INFINITY}: none).
     *
     * @apiNote asyncio: {@code async with asyncio.timeout_at(when) as t:}
     */
    public static <T> T timeoutAt(double when, Timeout.Body<T> body) {
        Objects.requireNonNull(body, "body");
        return TimeoutImpl.run(TimeoutImpl.deadlineAt(when, "Aio.timeoutAt's when"), when, "Aio.timeoutAt(" + when + ")", body);
    }

    /**
     * {@link #timeoutAt(double, Timeout.Body)} for a body that does not need its {@link Timeout}.
     *
     * @apiNote asyncio: {@code async with asyncio.timeout_at(when):}
     */
    public static <T, X extends Exception> T timeoutAt(double when, CheckedCallable<T, X> body) throws X {
        Objects.requireNonNull(body, "body");
        return timeoutAt(when, t -> body.call());
    }

    /**
     * {@link #timeoutAt(double, Timeout.Body)} for a body without a result.
     *
     * @apiNote asyncio: {@code async with asyncio.timeout_at(when):}
     */
    public static <X extends Exception> void timeoutAt(double when, CheckedRunnable<X> body) throws X {
        timeoutAt(when, callable(body));
    }

    // ---- task groups -----------------------------------------------------------------------------

    /**
     * Runs {@code body} with a {@link TaskGroup} and returns once every task it started is done. The
     * first failure cancels the other tasks and the body; all failures, the body's included, come out
     * as one {@link ExceptionGroup}.
     *
     * {@snippet :
     * Aio.taskGroup(tg -> {
     *     tg.createTask(() -> fetch(a));
     *     tg.createTask(() -> fetch(b));
     * });
     * }
     *
     * <p><b>Cancellation:</b> cancelling the task that runs the group cancels the group's tasks, waits
     * for them, and throws {@link CancelledError} (an {@link ExceptionGroup} instead if tasks failed;
     * the cancellation then stays pending). The group's own cancellation of the body is taken back on
     * the way out, so {@link Task#cancelling()} is what it was before (asyncio 3.13).
     *
     * @apiNote asyncio: {@code async with asyncio.TaskGroup() as tg:}
     */
    public static void taskGroup(TaskGroup.Body body) {
        TaskGroupImpl.run(body);
    }

    // ---- threads and futures ---------------------------------------------------------------------

    /**
     * Runs blocking {@code f} on a thread of the loop's default executor and waits for its result
     * without holding up the loop; {@code f} sees the caller's {@link TaskLocal} values.
     *
     * {@snippet :
     * String text = Aio.toThread(() -> Files.readString(path));   // other tasks run meanwhile
     * }
     *
     * <p><b>Cancellation:</b> cancelling the waiting task returns at once with {@link CancelledError};
     * {@code f} is not interrupted (it is skipped if it has not started).
     *
     * @apiNote asyncio: {@code await asyncio.to_thread(f)}
     */
    public static <T, X extends Exception> T toThread(CheckedCallable<T, X> f) throws X {
        Objects.requireNonNull(f, "f");
        return Futures.toThread(f::call);
    }

    /**
     * {@link #toThread(CheckedCallable)} for a function without a result.
     *
     * @apiNote asyncio: {@code await asyncio.to_thread(f)}
     */
    public static <X extends Exception> void toThread(CheckedRunnable<X> f) throws X {
        Objects.requireNonNull(f, "f");
        toThread(() -> {
            f.run();
            return null;
        });
    }

    /**
     * Runs {@code f} on {@code executor} ({@code null}: the loop's default executor) and waits for its
     * result without holding up the loop.
     *
     * <p><b>Cancellation:</b> cancelling the waiting task returns at once with {@link CancelledError};
     * {@code f} is not interrupted (it is skipped if it has not started).
     *
     * @apiNote asyncio: {@code await loop.run_in_executor(executor, f)}
     */
    public static <T, X extends Exception> T runInExecutor(Executor executor, CheckedCallable<T, X> f) throws X {
        Objects.requireNonNull(f, "f");
        return Futures.runInExecutor(executor, f::call, "Aio.runInExecutor");
    }

    /**
     * Waits for a Java future or stage to complete and returns its value, or rethrows its exception
     * unwrapped (a cancelled future throws {@link CancelledError}).
     *
     * <p><b>Cancellation:</b> cancelling the waiting task cancels the future (when it is a
     * {@link java.util.concurrent.CompletableFuture}) and returns at once with {@link CancelledError}.
     *
     * @apiNote asyncio: {@code await asyncio.wrap_future(concurrent_future)}
     */
    public static <T> T awaitFuture(CompletionStage<T> future) {
        return Futures.await(future, "Aio.awaitFuture");
    }

    // ---- async iteration -------------------------------------------------------------------------

    /**
     * An async generator: {@code producer} runs as a task, lazily, handing values to a Java for-each
     * in the consuming task one at a time. See {@link AsyncIterable} for closing and cancellation.
     *
     * {@snippet :
     * try (AsyncIterable<String> lines = Aio.generator(out -> {
     *     for (String url : urls) out.yield(fetch(url));
     * })) {
     *     for (String page : lines) System.out.println(page.length());
     * }
     * }
     *
     * @apiNote asyncio: calling an {@code async def} that contains {@code yield}, then {@code async for}
     */
    public static <T> AsyncIterable<T> generator(AsyncIterable.Producer<T> producer) {
        return GeneratorImpl.of(producer);
    }

    /**
     * A Kotlin {@code Flow} as an {@link AsyncIterable}: the flow is collected by a producer task on
     * this loop, one value per step of the iteration.
     *
     * <p><b>Cancellation:</b> closing the iterable or cancelling the consumer cancels the collection.
     *
     * @apiNote asyncio: none; the kotlinx counterpart of {@code async for} over an async iterator
     */
    public static <T> AsyncIterable<T> iterate(Flow<T> flow) {
        return GeneratorImpl.of(flow);
    }

    // ---- waiting on several tasks ----------------------------------------------------------------

    /**
     * Waits until {@code when} is met or {@code timeout} passes ({@code null}: never), and returns the
     * tasks that are done and those still pending. Never throws on timeout and never cancels a task.
     *
     * {@snippet :
     * Done<String> d = Aio.wait(tasks, ReturnWhen.FIRST_COMPLETED, Duration.ofSeconds(1));
     * for (Task<String> t : d.pending()) t.cancel();
     * }
     *
     * <p><b>Cancellation:</b> cancelling the waiting task ends the wait with {@link CancelledError}; the
     * tasks are not cancelled.
     *
     * @apiNote asyncio: {@code done, pending = await asyncio.wait(tasks, timeout=..., return_when=...)}
     * @throws IllegalArgumentException if {@code tasks} is empty
     */
    public static <T> Done<T> wait(Collection<? extends Task<? extends T>> tasks, ReturnWhen when, Duration timeout) {
        return Wait.await(covariant(tasks), when, timeout == null ? Time.FOREVER_NANOS : Time.toNanos(timeout));
    }

    /**
     * Tasks of several result types as tasks of their common supertype: read-only use (results,
     * state, callbacks) is type-safe, which is all the combinators do with them.
     */
    @SuppressWarnings("unchecked")
    private static <T> Collection<? extends Task<T>> covariant(Collection<? extends Task<? extends T>> tasks) {
        return (Collection<? extends Task<T>>) (Collection<?>) tasks;
    }

    /**
     * {@link #wait(Collection, ReturnWhen, Duration)} without a timeout.
     *
     * @apiNote asyncio: {@code await asyncio.wait(tasks, return_when=when)}
     */
    public static <T> Done<T> wait(Collection<? extends Task<? extends T>> tasks, ReturnWhen when) {
        return wait(tasks, when, null);
    }

    /**
     * {@link #wait(Collection, ReturnWhen, Duration)} until every task is done.
     *
     * @apiNote asyncio: {@code await asyncio.wait(tasks)}
     */
    public static <T> Done<T> wait(Collection<? extends Task<? extends T>> tasks) {
        return wait(tasks, ReturnWhen.ALL_COMPLETED, null);
    }

    /**
     * The tasks in the order they finish: each step of the iteration waits for the next one (so the
     * iteration must run inside a task). Iterate once.
     *
     * {@snippet :
     * for (Task<String> t : Aio.asCompleted(tasks)) {
     *     System.out.println(t.result());
     * }
     * }
     *
     * <p><b>Cancellation:</b> cancelling the iterating task ends its wait with {@link CancelledError};
     * the tasks are not cancelled.
     *
     * @apiNote asyncio: {@code for t in asyncio.as_completed(tasks)} (3.13: yields the tasks)
     */
    public static <T> Iterable<Task<T>> asCompleted(Collection<? extends Task<? extends T>> tasks) {
        return new AsCompleted<>(covariant(tasks), Time.FOREVER_NANOS, "Aio.asCompleted");
    }

    /**
     * {@link #asCompleted(Collection)} with a total timeout: once it passes, the next step throws
     * {@link TimeoutError} (the tasks are not cancelled).
     *
     * @apiNote asyncio: {@code asyncio.as_completed(tasks, timeout=timeout)}
     */
    public static <T> Iterable<Task<T>> asCompleted(Collection<? extends Task<? extends T>> tasks, Duration timeout) {
        return new AsCompleted<>(covariant(tasks), timeout == null ? Time.FOREVER_NANOS : Time.toNanos(timeout),
                "Aio.asCompleted(" + timeout + ")");
    }

    /**
     * Waits for {@code task} like {@link Task#await()}, except that cancelling the waiting task does
     * not cancel {@code task}: the wait ends with {@link CancelledError} and {@code task} goes on.
     *
     * @apiNote asyncio: {@code await asyncio.shield(task)}
     */
    public static <T> T shield(Task<T> task) {
        return TaskImpl.shield(task);
    }

    /**
     * Starts {@code body} as a task and waits for it, shielded: cancelling the waiting task does not
     * cancel the body.
     *
     * @apiNote asyncio: {@code await asyncio.shield(coro)}
     */
    public static <T, X extends Exception> T shield(CheckedCallable<T, X> body) throws X {
        Objects.requireNonNull(body, "body");
        return shield(createTask(body::call));
    }

    private static long timeoutNanos(Duration timeout) {
        return timeout == null ? Time.FOREVER_NANOS : Time.toNanos(timeout);
    }

    private static long seconds(double s, String what) {
        return s == Double.POSITIVE_INFINITY ? Time.FOREVER_NANOS : Time.secondsToNanos(s, what);
    }

    private static <X extends Exception> CheckedCallable<Void, X> callable(CheckedRunnable<X> body) {
        Objects.requireNonNull(body, "body");
        return () -> {
            body.run();
            return null;
        };
    }

    /**
     * The task whose body is running, or null inside a loop callback.
     *
     * @apiNote asyncio: {@code asyncio.current_task()}
     * @throws IllegalStateException outside a running loop
     */
    public static Task<?> currentTask() {
        EventLoopImpl.current("Aio.currentTask");
        return TaskImpl.currentOrNull();
    }

    /**
     * The tree of live tasks, as text: inside a task, the running loop's (see
     * {@link EventLoop#dumpTasks(java.io.Writer)}); on any other thread, every open loop's in this JVM.
     * From outside the process, the JMX operation {@code io.aio4j:type=Tasks} {@code dumpTasks} returns
     * the same.
     *
     * @apiNote asyncio: {@code python -m asyncio pstree PID} (3.14)
     */
    public static String dumpTasks() {
        return EventLoopImpl.dumpTasksFromHere();
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

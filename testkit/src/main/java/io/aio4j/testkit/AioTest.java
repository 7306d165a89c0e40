package io.aio4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit test whose body runs as the main task of an event loop with a <b>virtual clock</b>: when
 * every task waits, time jumps to the next timer, so an hour of {@code Aio.sleep}, timeouts and
 * {@code waitFor} takes milliseconds. While real I/O is outstanding (a real socket, a Kotlin call),
 * the clock jumps only after the loop idled for {@link #autojumpThresholdMillis()} of real time; while
 * a task waits for another thread's work ({@code toThread}, a future, a subprocess pipe), only after
 * a second of idleness, so a timeout never fires on work still in flight.
 *
 * {@snippet :
 * @AioTest
 * void aTimeoutFires(AioTestContext ctx) {
 *     assertThrows(TimeoutError.class, () -> Aio.waitFor(Duration.ofHours(1), () -> Aio.sleep(Duration.ofDays(1))));
 *     assertEquals(3600, ctx.time(), 0.001);
 * }
 * }
 *
 * <p><b>Reproducible schedules:</b> {@code @AioTest(schedules = N)} runs the body N times, each time
 * running the tasks that are ready at the same moment in an order chosen by a seeded random; a failure
 * names its seed, and {@code @AioTest(seed = S)} replays exactly that run.
 *
 * <p><b>Leak checks:</b> when the body returns, the test fails if tasks are still pending, if an error
 * was reported to the loop (such as a task exception nobody retrieved), or if a stream, server or
 * datagram endpoint it opened is still open; the message names each leak and where it was created.
 *
 * <p>A parameter of type {@link AioTestContext} is injected.
 *
 * @apiNote asyncio: what {@code unittest.IsolatedAsyncioTestCase} does, with Trio's autojump clock
 *     and kotlinx-coroutines-test's virtual time
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(AioTestExtension.class)
public @interface AioTest {
    /** The value of {@link #seed()} that means "no seed given". */
    long NO_SEED = Long.MIN_VALUE;

    /**
     * How many schedules to run the body under (1: asyncio's FIFO order). Seeds are consecutive from a
     * random base (or the {@code aio4j.test.seedBase} configuration parameter).
     */
    int schedules() default 1;

    /** Replays the schedule of this seed (as printed by a failure). */
    long seed() default NO_SEED;

    /** Real-time idleness before the virtual clock jumps while real I/O is outstanding. */
    long autojumpThresholdMillis() default 20;

    /** Whether to fail on leaked tasks, streams, servers and reported errors. */
    boolean checkLeaks() default true;

    /** How many task bodies may run at once ({@code Config.parallel(n)}). */
    int parallelism() default 1;
}

package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** loop.createFuture(): asyncio's Future, taken wherever a task is (checked against CPython 3.13). */
class FutureTest {

    @Test
    void aFutureIsSetOnceAndDoneAtOnce() throws Exception {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Promise<Integer> f = loop.createFuture();
            assertFalse(f.done());
            assertThrows(InvalidStateError.class, f::result);
            f.setResult(5);
            assertTrue(f.done()); // asyncio: done right after set_result, before any loop turn
            assertEquals(5, f.result());
            InvalidStateError again = assertThrows(InvalidStateError.class, () -> f.setResult(6));
            assertTrue(again.getMessage().startsWith("invalid state"), again.getMessage());
            assertEquals("<Future finished result=5>", f.toString());
            assertEquals(5, f.await());
        });
    }

    @Test
    void gatherWaitWaitForAndShieldTakeFuturesBesideTasks() throws Exception {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Promise<Object> f = loop.createFuture();
            f.setResult(5);
            Promise<Object> g = loop.createFuture();
            loop.callLater(0.01, () -> g.setResult("x"));
            Task<Object> t = Aio.createTask(() -> "task");
            assertEquals(List.of(5, "x", "task"), Aio.gather(f, g, t));

            Promise<String> h = loop.createFuture();
            assertThrows(TimeoutError.class, () -> Aio.waitFor(h, Duration.ofMillis(10)));
            assertTrue(h.cancelled(), "wait_for cancels the future it timed out on");

            Promise<String> s = loop.createFuture();
            Done<String> d = Aio.wait(List.of(s), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(10));
            assertEquals(Set.of(), d.done());
            assertEquals(Set.of(s), d.pending());
            assertFalse(s.done());

            Promise<String> shielded = loop.createFuture();
            loop.callLater(0.01, () -> shielded.setResult("kept"));
            assertEquals("kept", Aio.shield(shielded));

            List<Object> order = new ArrayList<>();
            Promise<String> late = loop.createFuture();
            Promise<String> early = loop.createFuture();
            loop.callLater(0.02, () -> late.setResult("late"));
            loop.callLater(0.01, () -> early.setResult("early"));
            for (Task<String> x : Aio.asCompleted(List.of(late, early))) {
                order.add(x.await());
            }
            assertEquals(List.of("early", "late"), order);
        });
    }

    @Test
    void anExceptionIsRaisedByAwaitAndCancellingTheAwaiterCancelsTheFuture() throws Exception {
        List<String> reported = new ArrayList<>();
        Aio.run(Config.defaults().withExceptionHandler((m, e) -> reported.add(m)), () -> {
            EventLoop loop = Aio.getRunningLoop();
            Promise<String> k = loop.createFuture();
            k.setException(new IllegalArgumentException("bad"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, k::await);
            assertEquals("bad", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> k.setException(new CancelledError("no")));

            Promise<String> awaited = loop.createFuture();
            Task<String> waiter = Aio.createTask(awaited::await);
            Aio.sleep(0);
            waiter.cancel();
            assertThrows(CancelledError.class, waiter::await);
            assertTrue(awaited.cancelled(), "asyncio: cancelling the task awaiting a future cancels the future");

            List<String> calls = new ArrayList<>();
            Promise<String> cb = loop.createFuture();
            cb.addDoneCallback(x -> calls.add("done " + (x == cb)));
            cb.setResult("v");
            assertEquals(List.of(), calls, "callbacks run on the loop's next turn, as asyncio schedules them");
            Aio.sleep(0);
            Aio.sleep(0);
            assertEquals(List.of("done true"), calls);
        });
        assertEquals(List.of(), reported, "the exception was retrieved through the future");
    }
}

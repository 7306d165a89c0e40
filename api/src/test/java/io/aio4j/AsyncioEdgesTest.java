package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.queue.Queue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edges where aio4j differed from asyncio, each checked against CPython 3.13 with a program doing the
 * same (issue 18's items 1-4); both carriers run them.
 */
class AsyncioEdgesTest {

    @Test
    void timeoutWhenReturnsExactlyTheFloatItWasGiven() throws Exception {
        // asyncio: t.when() == d, and t.reschedule(t.when()) changes nothing
        VirtualTime.run(() -> {
            double d = Aio.getRunningLoop().time() + 1.0200002;
            Aio.timeoutAt(d, t -> {
                assertEquals(d, t.when(), 0.0);
                t.reschedule(t.when());
                assertEquals(d, t.when(), 0.0);
                return null;
            });
            Aio.timeout(2.5, t -> {
                assertTrue(t.when() > Aio.getRunningLoop().time());
                t.reschedule(t.when());
                return null;
            });
        });
    }

    @Test
    void aPositiveSleepBelowANanosecondStillReachesItsDeadlineOnTheVirtualClock() throws Exception {
        VirtualTime.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            double deadline = loop.time() + 0.3;
            int turns = 0;
            while (loop.time() < deadline) { // the common asyncio loop: it must end
                Aio.sleep(deadline - loop.time());
                assertTrue(++turns < 10, "the loop spins at " + loop.time() + " < " + deadline);
            }
            double before = loop.time();
            Aio.sleep(1e-12);
            assertTrue(loop.time() > before, "a positive sleep advanced the clock");
        });
    }

    @Test
    void cancellingATaskThatAlreadyFailedKeepsItsExceptionQuiet() throws Exception {
        // asyncio: Task.cancel() clears _log_traceback before it looks at done(): no "never retrieved"
        List<String> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        Aio.run(Config.defaults().withExceptionHandler((m, e) -> reported.add(m)), () -> {
            Task<Void> t = Aio.createTask(() -> {
                throw new IllegalStateException("boom");
            });
            Aio.sleep(0);
            assertTrue(t.done());
            assertFalse(t.cancel()); // done: nothing to cancel
        });
        assertEquals(List.of(), reported);
    }

    @Test
    void reprsAreAsyncios() throws Exception {
        Aio.run(() -> {
            Task<Void> s = Aio.createTask("S", () -> Aio.sleep(10));
            Aio.sleep(0);
            s.cancel();
            assertEquals("<Task cancelling name='S'>", s.toString());
            Task<String> r = Aio.createTask("R", () -> "abc");
            r.await();
            assertEquals("<Task finished name='R' result='abc'>", r.toString());
            try {
                s.await();
            } catch (CancelledError expected) {
                // s ends cancelled
            }
            Queue<Integer> q = new Queue<>();
            assertEquals("<Queue maxsize=0>", q.toString());
            q.putNowait(1);
            q.putNowait(2);
            assertEquals("<Queue maxsize=0 _queue=[1, 2] tasks=2>", q.toString());
            Queue<String> empty = new Queue<>();
            Task<String> getter = Aio.createTask(empty::get);
            Aio.sleep(0);
            assertEquals("<Queue maxsize=0 _getters[1]>", empty.toString());
            getter.cancel();
        });
    }

    @Test
    void theCombinatorsTakeTasksOfMixedResultTypes() throws Exception {
        // asyncio's wait/gather/as_completed take any awaitables; Java: Collection<? extends Task<?>>
        Aio.run(() -> {
            Task<Void> v = Aio.createTask(() -> Aio.sleep(0));
            Task<String> s = Aio.createTask(() -> "s");
            List<Task<?>> both = List.of(v, s);
            Done<Object> d = Aio.wait(both);
            assertEquals(2, d.done().size());
            List<Object> results = Aio.gather(List.of(v, s));
            assertEquals(java.util.Arrays.asList(null, "s"), results);
            int n = 0;
            for (Task<Object> t : Aio.<Object>asCompleted(both)) {
                t.result();
                n++;
            }
            assertEquals(2, n);
        });
    }
}

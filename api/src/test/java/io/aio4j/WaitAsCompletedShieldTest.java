package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio.wait, as_completed and shield; expectations checked against CPython 3.11. */
class WaitAsCompletedShieldTest {

    private static String job(String name, double delay, boolean fail) {
        Aio.sleep(delay);
        if (fail) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }

    @Test
    void waitReturnsWhenItsConditionIsMet() throws Exception {
        // asyncio: first completed: ['b'] 2 / first exception: 2 1 ['b', 'ValueError'] / all: 3 0
        VirtualTime.run(() -> {
            Task<String> a = Aio.createTask(() -> job("a", 0.03, false));
            Task<String> b = Aio.createTask(() -> job("b", 0.01, false));
            Task<String> c = Aio.createTask(() -> job("c", 0.02, true));
            List<Task<String>> ts = List.of(a, b, c);
            Done<String> d = Aio.wait(ts, ReturnWhen.FIRST_COMPLETED);
            assertEquals(List.of(b), List.copyOf(d.done()));
            assertEquals(List.of(a, c), List.copyOf(d.pending()));
            d = Aio.wait(ts, ReturnWhen.FIRST_EXCEPTION);
            assertEquals(List.of(b, c), List.copyOf(d.done()));
            assertInstanceOf(IllegalArgumentException.class, c.exception());
            d = Aio.wait(ts);
            assertEquals(3, d.done().size());
            assertTrue(d.pending().isEmpty());
        });
    }

    @Test
    void waitNeverRaisesOnTimeoutAndNeverCancels() throws Exception {
        // asyncio: timeout: 0 1 False
        VirtualTime.run(() -> {
            Task<String> slow = Aio.createTask(() -> job("slow", 1, false));
            Done<String> d = Aio.wait(List.of(slow), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(10));
            assertTrue(d.done().isEmpty());
            assertEquals(List.of(slow), List.copyOf(d.pending()));
            assertFalse(slow.cancelled());
            slow.cancel();
        });
    }

    @Test
    void waitOnNothingIsAnError() throws Exception {
        VirtualTime.run(() -> {
            var e = assertThrows(IllegalArgumentException.class, () -> Aio.wait(List.<Task<String>>of()));
            assertEquals("Aio.wait needs at least one task: the collection of tasks is empty", e.getMessage());
        });
    }

    @Test
    void cancellingAWaitDoesNotCancelTheTasks() throws Exception {
        VirtualTime.run(() -> {
            Task<String> slow = Aio.createTask(() -> job("slow", 1, false));
            Task<Done<String>> waiter = Aio.createTask(() -> Aio.wait(List.of(slow)));
            Aio.sleep(0.01);
            waiter.cancel();
            assertThrows(CancelledError.class, waiter::await);
            assertFalse(slow.done());
            slow.cancel();
        });
    }

    @Test
    void asCompletedYieldsTasksInCompletionOrder() throws Exception {
        // asyncio: as_completed: ['y', 'z', 'x']
        List<String> order = VirtualTime.run(() -> {
            List<Task<String>> ts = List.of(
                    Aio.createTask(() -> job("x", 0.03, false)),
                    Aio.createTask(() -> job("y", 0.01, false)),
                    Aio.createTask(() -> job("z", 0.02, false)));
            List<String> got = new ArrayList<>();
            for (Task<String> t : Aio.asCompleted(ts)) {
                got.add(t.result());
            }
            return got;
        });
        assertEquals(List.of("y", "z", "x"), order);
    }

    @Test
    void asCompletedWithATimeoutRaisesTimeoutErrorAndCancelsNothing() throws Exception {
        // asyncio: as_completed timeout after ['p'] q cancelled? False
        List<String> got = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<String> p = Aio.createTask(() -> job("p", 0.01, false));
            Task<String> q = Aio.createTask(() -> job("q", 1, false));
            assertThrows(TimeoutError.class, () -> {
                for (Task<String> t : Aio.asCompleted(List.of(p, q), Duration.ofMillis(200))) {
                    got.add(t.result());
                }
            });
            assertFalse(q.cancelled());
            q.cancel();
        });
        assertEquals(List.of("p"), got);
    }

    @Test
    void shieldKeepsTheInnerTaskRunningWhenTheWaiterIsCancelled() throws Exception {
        // asyncio: shield: outer cancelled; inner cancelled? False / inner result inner
        VirtualTime.run(() -> {
            Task<String> inner = Aio.createTask(() -> job("inner", 0.05, false));
            Task<String> outer = Aio.createTask(() -> Aio.shield(inner));
            Aio.sleep(0.01);
            outer.cancel();
            assertThrows(CancelledError.class, outer::await);
            assertFalse(inner.cancelled());
            assertEquals("inner", inner.await());
            assertEquals("body", Aio.shield(() -> "body"));
        });
    }
}

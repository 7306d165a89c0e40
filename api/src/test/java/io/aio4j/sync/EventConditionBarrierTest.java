package io.aio4j.sync;

import io.aio4j.VirtualTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event, Condition and Barrier; expectations checked against CPython 3.11 (test_locks.py). */
class EventConditionBarrierTest {
    private final List<Object> log = new ArrayList<>();

    @Test
    void setWakesEveryWaiterEvenIfClearFollowsAtOnce() throws Exception {
        // asyncio: event: [0, 1, 2] False
        Event ev = new Event();
        VirtualTime.run(() -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                ts.add(Aio.createTask(() -> {
                    ev.await();
                    log.add(n);
                }));
            }
            Aio.sleep(0);
            ev.set();
            ev.clear();
            Aio.gather(ts);
            assertFalse(ev.isSet());
            ev.set();
            ev.await(); // set: returns at once
        });
        assertEquals(List.of(0, 1, 2), log);
    }

    @Test
    void aCancelledEventWaiterLeavesTheList() throws Exception {
        Event ev = new Event();
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(ev::await);
            Aio.sleep(0);
            assertEquals(new Event.Statistics(false, 1), ev.statistics());
            t.cancel();
            assertThrows(CancelledError.class, t::await);
            assertEquals(new Event.Statistics(false, 0), ev.statistics());
        });
    }

    @Test
    void conditionSignalWakesNWaitersInOrder() throws Exception {
        // asyncio: cond notify(2): [0, 1] / cond all: [0, 1, 2]
        Condition cond = new Condition();
        VirtualTime.run(() -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                ts.add(Aio.createTask(() -> {
                    try (var held = cond.acquire()) {
                        cond.await();
                        log.add(n);
                    }
                }));
            }
            Aio.sleep(0);
            try (var held = cond.acquire()) {
                cond.signal(2);
            }
            Aio.sleep(0.01);
            assertEquals(List.of(0, 1), log);
            try (var held = cond.acquire()) {
                cond.signalAll();
            }
            Aio.gather(ts);
        });
        assertEquals(List.of(0, 1, 2), log);
    }

    @Test
    void conditionMisuseIsAnError() throws Exception {
        // asyncio: notify unlocked: cannot notify on un-acquired lock / wait unlocked: cannot wait on un-acquired lock
        Condition cond = new Condition();
        assertTrue(assertThrows(IllegalStateException.class, cond::signal).getMessage()
                .startsWith("cannot notify on un-acquired lock"));
        VirtualTime.run(() -> assertTrue(assertThrows(IllegalStateException.class, cond::await).getMessage()
                .startsWith("cannot wait on un-acquired lock")));
    }

    @Test
    void aCancelledConditionWaitReacquiresTheLockBeforeRaising() throws Exception {
        Condition cond = new Condition();
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> {
                try (var held = cond.acquire()) {
                    try {
                        cond.await();
                    } catch (CancelledError e) {
                        log.add("cancelled, locked=" + cond.locked());
                        throw e;
                    }
                }
            });
            Aio.sleep(0);
            var mine = cond.acquire(); // t released it in await()
            t.cancel();
            Aio.sleep(0);
            log.add("holder still has it");
            mine.close();
            assertThrows(CancelledError.class, t::await);
            assertFalse(cond.locked());
        });
        assertEquals(List.of("holder still has it", "cancelled, locked=true"), log);
    }

    @Test
    void aConditionWaiterNotifiedThenCancelledPassesTheNotificationOn() throws Exception {
        Condition cond = new Condition();
        VirtualTime.run(() -> {
            Task<Void> a = Aio.createTask(() -> {
                try (var held = cond.acquire()) {
                    cond.await();
                    log.add("a");
                }
            });
            Task<Void> b = Aio.createTask(() -> {
                try (var held = cond.acquire()) {
                    cond.await();
                    log.add("b");
                }
            });
            Aio.sleep(0);
            try (var held = cond.acquire()) {
                cond.signal(1); // to a
            }
            a.cancel(); // a was notified, then cancelled: b gets the notification
            Aio.gatherSettled(a, b);
            assertTrue(a.cancelled());
        });
        assertEquals(List.of("b"), log);
    }

    @Test
    void awaitForReturnsThePredicatesValue() throws Exception {
        // asyncio: wait_for: 2
        Condition cond = new Condition();
        int[] v = {0};
        VirtualTime.run(() -> {
            Task<Integer> t = Aio.createTask(() -> {
                try (var held = cond.acquire()) {
                    return cond.awaitFor(() -> v[0] >= 2 ? v[0] : null);
                }
            });
            for (int i = 0; i < 3; i++) {
                Aio.sleep(0);
                try (var held = cond.acquire()) {
                    v[0] = i;
                    cond.signalAll();
                }
            }
            assertEquals(2, t.await());
        });
    }

    @Test
    void aConditionCanShareALock() throws Exception {
        Lock lock = new Lock();
        Condition cond = new Condition(lock);
        VirtualTime.run(() -> {
            try (var held = lock.acquire()) {
                assertTrue(cond.locked());
            }
            assertFalse(cond.locked());
        });
    }

    @Test
    void aBarrierReleasesEveryPartyWithItsArrivalIndex() throws Exception {
        // asyncio: barrier: [(2, 2), (0, 0), (1, 1)] 0 False
        Barrier bar = new Barrier(3);
        VirtualTime.run(() -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                ts.add(Aio.createTask(() -> {
                    int index = bar.await();
                    log.add(List.of(n, index));
                }));
            }
            Aio.gather(ts);
            assertEquals(0, bar.nWaiting());
            assertFalse(bar.broken());
        });
        assertEquals(List.of(List.of(2, 2), List.of(0, 0), List.of(1, 1)), log);
    }

    @Test
    void abortBreaksTheBarrierForWaitersAndResetMendsIt() throws Exception {
        // asyncio: n_waiting 2 / ['broken: Abort or reset of barrier' x2] True / after reset broken False
        Barrier bar = new Barrier(3);
        VirtualTime.run(() -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ts.add(Aio.createTask(() -> {
                    try {
                        bar.await();
                    } catch (BrokenBarrierError e) {
                        log.add("broken: " + e.getMessage());
                    }
                }));
            }
            Aio.sleep(0);
            assertEquals(2, bar.nWaiting());
            bar.abort();
            Aio.gather(ts);
            assertTrue(bar.broken());
            assertEquals("Barrier aborted", assertThrows(BrokenBarrierError.class, bar::await).getMessage());
            bar.reset();
            assertFalse(bar.broken());
            assertEquals(new Barrier.Statistics(3, 0, "filling"), bar.statistics());
        });
        assertEquals(List.of("broken: Abort or reset of barrier", "broken: Abort or reset of barrier"), log);
        assertEquals("parties must be > 0: 0", assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage());
    }
}

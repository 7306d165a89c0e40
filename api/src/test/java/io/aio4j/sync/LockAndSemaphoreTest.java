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

/** Lock, Semaphore and BoundedSemaphore; expectations checked against CPython 3.11 (test_locks.py). */
class LockAndSemaphoreTest {
    private final List<Object> log = new ArrayList<>();

    @Test
    void waitersAcquireInFifoOrderAndAWokenWaiterCancelledPassesTheLockOn() throws Exception {
        // asyncio: locked after release with waiters: False / lock order: [1, 2, 'new']
        Lock lock = new Lock();
        VirtualTime.run(() -> {
            lock.acquire();
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                ts.add(Aio.createTask(() -> {
                    try (var held = lock.acquire()) {
                        log.add(n);
                        Aio.sleep(0);
                    }
                }));
            }
            Aio.sleep(0);
            lock.release();
            assertFalse(lock.locked()); // free until the woken waiter runs
            ts.get(0).cancel(); // woken, then cancelled before it runs
            Task<Void> newcomer = Aio.createTask(() -> {
                try (var held = lock.acquire()) { // cannot barge ahead of the waiters
                    log.add("new");
                }
            });
            List<Task<Void>> all = new ArrayList<>(ts);
            all.add(newcomer);
            Aio.gatherSettled(all);
            assertTrue(ts.get(0).cancelled());
        });
        assertEquals(List.of(1, 2, "new"), log);
    }

    @Test
    void releasingAnUnlockedLockIsAnError() throws Exception {
        Lock lock = new Lock();
        assertEquals("Lock is not acquired.", assertThrows(IllegalStateException.class, lock::release).getMessage());
    }

    @Test
    void aCancelledWaiterLeavesTheWaitList() throws Exception {
        Lock lock = new Lock();
        VirtualTime.run(() -> {
            var held = lock.acquire();
            Task<Acquired> w = Aio.createTask(lock::acquire);
            Aio.sleep(0);
            assertEquals(new Lock.Statistics(true, 1), lock.statistics());
            w.cancel();
            assertThrows(CancelledError.class, w::await);
            assertEquals(new Lock.Statistics(true, 0), lock.statistics());
            held.close();
            held.close(); // releases once
            assertFalse(lock.locked());
        });
    }

    @Test
    void semaphoreServesWaitersFifo() throws Exception {
        // asyncio: sem: [0, 1, 2, 3]
        Semaphore sem = new Semaphore(1);
        VirtualTime.run(() -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                ts.add(Aio.createTask(() -> {
                    try (var permit = sem.acquire()) {
                        log.add(n);
                        Aio.sleep(0);
                    }
                }));
            }
            Aio.gather(ts);
        });
        assertEquals(List.of(0, 1, 2, 3), log);
    }

    @Test
    void aSemaphoreNewcomerWaitsBehindWaitersEvenWithAFreePermit() throws Exception {
        Semaphore sem = new Semaphore(1);
        VirtualTime.run(() -> {
            sem.acquire();
            Task<Void> waiter = Aio.createTask(() -> {
                try (var p = sem.acquire()) {
                    log.add("waiter");
                }
            });
            Aio.sleep(0);
            sem.release(); // hands the permit to the waiter
            assertTrue(sem.locked());
            Task<Void> newcomer = Aio.createTask(() -> {
                try (var p = sem.acquire()) {
                    log.add("newcomer");
                }
            });
            Aio.gather(waiter, newcomer);
        });
        assertEquals(List.of("waiter", "newcomer"), log);
    }

    @Test
    void aPermitHandedToACancelledWaiterGoesToTheNext() throws Exception {
        Semaphore sem = new Semaphore(0);
        VirtualTime.run(() -> {
            Task<Acquired> first = Aio.createTask(sem::acquire);
            Task<Acquired> second = Aio.createTask(sem::acquire);
            Aio.sleep(0);
            sem.release(); // to first
            first.cancel(); // before it runs
            assertThrows(CancelledError.class, first::await);
            second.await();
            assertEquals(new Semaphore.Statistics(0, 0), sem.statistics());
        });
    }

    @Test
    void semaphoreMisuseIsAnError() throws Exception {
        // asyncio: negative: Semaphore initial value must be >= 0 / bounded: BoundedSemaphore released too many times
        assertEquals("Semaphore initial value must be >= 0: -1",
                assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1)).getMessage());
        BoundedSemaphore b = new BoundedSemaphore(1);
        var e = assertThrows(IllegalStateException.class, b::release);
        assertTrue(e.getMessage().startsWith("BoundedSemaphore released too many times"), e.getMessage());
        VirtualTime.run(() -> {
            var p = b.acquire();
            assertTrue(b.locked());
            p.close();
            assertFalse(b.locked());
        });
    }

    @Test
    void aSemaphoreBoundsConcurrency() throws Exception {
        Semaphore sem = new Semaphore(3);
        int[] running = {0, 0};
        VirtualTime.run(() -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ts.add(Aio.createTask(() -> {
                    try (var p = sem.acquire()) {
                        running[0]++;
                        running[1] = Math.max(running[1], running[0]);
                        Aio.sleep(0.001);
                        running[0]--;
                    }
                }));
            }
            Aio.gather(ts);
        });
        assertEquals(3, running[1]);
    }
}

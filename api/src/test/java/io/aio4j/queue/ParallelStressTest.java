package io.aio4j.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Config;
import io.aio4j.Task;
import io.aio4j.CancelledError;
import io.aio4j.TimeoutError;
import io.aio4j.sync.Barrier;
import io.aio4j.sync.Condition;
import io.aio4j.sync.Event;
import io.aio4j.sync.Lock;
import io.aio4j.sync.Semaphore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The primitives stay correct when the baton is lifted ({@code Config.parallel(n)}): many tasks on
 * several carriers at once, with random cancellations; nothing is lost or counted twice.
 */
class ParallelStressTest {

    @Test
    void noQueueItemIsLostOrDuplicatedUnderParallelProducersConsumersAndCancellations() throws Exception {
        int producers = 8;
        int perProducer = 2_000;
        Queue<Integer> q = new Queue<>(16);
        AtomicLong sum = new AtomicLong();
        AtomicInteger count = new AtomicInteger();
        Aio.run(Config.parallel(4), () -> {
            List<Task<Void>> ps = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int base = p * perProducer;
                ps.add(Aio.createTask(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        q.put(base + i);
                    }
                }));
            }
            List<Task<Void>> cs = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                cs.add(Aio.createTask(() -> {
                    while (true) {
                        int item = q.get();
                        sum.addAndGet(item);
                        count.incrementAndGet();
                        q.taskDone();
                    }
                }));
            }
            // getters cancelled at random moments must not take items with them: an item a getter
            // took is counted by it; one it did not take stays in the queue for the consumers
            for (int k = 0; k < 200; k++) {
                Task<Void> g = Aio.createTask(() -> {
                    int item = q.get();
                    sum.addAndGet(item);
                    count.incrementAndGet();
                    q.taskDone();
                });
                Aio.sleep(0);
                g.cancel();
            }
            Aio.gather(ps);
            q.join();
            for (Task<Void> c : cs) {
                c.cancel();
            }
            Aio.gatherSettled(cs);
        });
        long n = (long) producers * perProducer;
        assertEquals(n, count.get());
        assertEquals(n * (n - 1) / 2, sum.get());
    }

    @Test
    void aLockKeepsACounterExactAndASemaphoreBoundsConcurrencyInParallelMode() throws Exception {
        Lock lock = new Lock();
        Semaphore sem = new Semaphore(3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        long[] counter = {0};
        Aio.run(Config.parallel(4), () -> {
            List<Task<Void>> ts = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                ts.add(Aio.createTask(() -> {
                    for (int i = 0; i < 100; i++) {
                        try (var held = lock.acquire()) {
                            long v = counter[0];
                            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                                Aio.sleep(0); // yield while holding: others must still wait
                            }
                            counter[0] = v + 1;
                        }
                        try (var p = sem.acquire()) {
                            int now = inside.incrementAndGet();
                            maxInside.accumulateAndGet(now, Math::max);
                            Aio.sleep(0);
                            inside.decrementAndGet();
                        }
                    }
                }));
            }
            Aio.gather(ts);
        });
        assertEquals(5_000, counter[0]);
        assertTrue(maxInside.get() <= 3, "semaphore let " + maxInside.get() + " in");
    }

    @Test
    void everyEventWaiterWakesExactlyOnceInParallelMode() throws Exception {
        AtomicInteger woke = new AtomicInteger();
        Aio.run(Config.parallel(4), () -> {
            for (int round = 0; round < 50; round++) {
                Event ev = new Event();
                List<Task<Void>> ts = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    ts.add(Aio.createTask(() -> {
                        ev.await();
                        woke.incrementAndGet();
                    }));
                }
                while (ev.statistics().waiters() < 20) { // in parallel mode a yield does not mean they all ran
                    Aio.sleep(0.0005);
                }
                ev.set();
                ev.clear();
                Aio.gather(ts);
            }
        });
        assertEquals(1_000, woke.get());
    }

    @Test
    void conditionHandOffsNeverLoseAWakeUpInParallelMode() throws Exception {
        int pairs = 8;
        int handOffs = 10_000;
        int[] done = {0};
        Aio.run(Config.parallel(4), () -> Aio.waitFor(60, () -> { // a lost wake-up fails instead of hanging
            List<Task<Void>> ts = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                Condition cond = new Condition();
                int[] turn = {0};
                for (int side = 0; side < 2; side++) {
                    int me = side;
                    ts.add(Aio.createTask(() -> {
                        for (int i = 0; i < handOffs; i++) {
                            try (var held = cond.acquire()) {
                                cond.awaitFor(() -> turn[0] == me);
                                turn[0] = 1 - me;
                                cond.signal();
                            }
                        }
                    }));
                }
            }
            Aio.gather(ts);
            done[0] = 1;
        }));
        assertEquals(1, done[0]);
    }

    @Test
    void aCancelAlwaysReachesATaskAlternatingTimeoutsAndGetsInParallelMode() throws Exception {
        int trials = 6_000;
        int[] lost = {0};
        Aio.run(Config.parallel(4), () -> {
            for (int trial = 0; trial < trials; trial++) {
                Queue<Integer> q = new Queue<>();
                Task<Void> t = Aio.createTask(() -> {
                    for (;;) {
                        try {
                            Aio.timeout(java.time.Duration.ofNanos(ThreadLocalRandom.current().nextInt(1, 20_000)),
                                    () -> q.get());
                        } catch (TimeoutError e) {
                            // expected most of the time
                        }
                        q.get();
                    }
                });
                Aio.sleep(ThreadLocalRandom.current().nextInt(0, 50) * 1e-6);
                t.cancel();
                try {
                    Aio.waitFor(t, 10);
                } catch (CancelledError e) {
                    // the task ended cancelled: what we want
                } catch (TimeoutError e) {
                    lost[0]++; // waitFor cancelled it again, so it ends; the first cancel was lost
                }
            }
        });
        assertEquals(0, lost[0], "cancel() requests that did not reach the task");
    }

    @Test
    void everyBarrierRoundReleasesAllPartiesWithDistinctIndicesInParallelMode() throws Exception {
        int parties = 8;
        int rounds = 500;
        AtomicInteger[] seen = new AtomicInteger[parties];
        for (int i = 0; i < parties; i++) {
            seen[i] = new AtomicInteger();
        }
        Aio.run(Config.parallel(4), () -> Aio.waitFor(60, () -> { // a lost wake-up fails instead of hanging
            Barrier barrier = new Barrier(parties);
            List<Task<Void>> ts = new ArrayList<>();
            for (int p = 0; p < parties; p++) {
                ts.add(Aio.createTask(() -> {
                    for (int r = 0; r < rounds; r++) {
                        seen[barrier.await()].incrementAndGet();
                    }
                }));
            }
            Aio.gather(ts);
        }));
        for (int i = 0; i < parties; i++) {
            assertEquals(rounds, seen[i].get(), "arrival index " + i + " once per round");
        }
    }
}

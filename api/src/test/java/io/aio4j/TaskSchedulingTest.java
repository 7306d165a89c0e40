package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ordering, results and exceptions of tasks; every expected sequence was checked with CPython 3.11. */
class TaskSchedulingTest {

    @Test
    void tasksStartInCreationOrderAndSleepZeroRotatesThemFifo() throws Exception {
        // asyncio: main a0 b0 c0 a1 b1 c1 a2 b2 c2
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (String n : List.of("a", "b", "c")) {
                tasks.add(Aio.createTask(() -> {
                    for (int i = 0; i < 3; i++) {
                        log.add(n + i);
                        Aio.sleep(0);
                    }
                }));
            }
            log.add("main");
            for (Task<Void> t : tasks) {
                t.await();
            }
        });
        assertEquals("main a0 b0 c0 a1 b1 c1 a2 b2 c2", String.join(" ", log));
    }

    @Test
    void doneCallbacksRunOnALaterLoopTurn() throws Exception {
        // asyncio: after add, cb, after yield
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.sleep(0));
            t.await();
            t.addDoneCallback(x -> log.add("cb"));
            log.add("after add");
            Aio.sleep(0);
            log.add("after yield");
        });
        assertEquals(List.of("after add", "cb", "after yield"), log);
    }

    @Test
    void doneCallbacksRunInTheOrderTheyWereAdded() throws Exception {
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(() -> "x");
            t.addDoneCallback(x -> log.add("1:" + x.result()));
            t.addDoneCallback(x -> log.add("2:" + x.result()));
            java.util.function.Consumer<Task<String>> removed = x -> log.add("removed");
            t.addDoneCallback(removed);
            assertEquals(1, t.removeDoneCallback(removed));
            t.await();
            Aio.sleep(0);
        });
        assertEquals(List.of("1:x", "2:x"), log);
    }

    @Test
    void anExceptionThrownInATaskReachesItsAwaiterUnwrapped() throws Exception {
        IOException boom = new IOException("boom");
        Throwable seen = VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                throw boom;
            });
            try {
                t.await();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        assertSame(boom, seen);
    }

    @Test
    void runRethrowsTheBodysExceptionUnwrapped() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("bad");
        var thrown = assertThrows(IllegalArgumentException.class, () -> VirtualTime.run(() -> {
            Aio.sleep(0);
            throw boom;
        }));
        assertSame(boom, thrown);
    }

    @Test
    void resultOfAnUnfinishedTaskIsAnInvalidStateError() throws Exception {
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.sleep(1));
            assertEquals("Result is not set.", assertThrows(InvalidStateError.class, t::result).getMessage());
            assertEquals("Exception is not set.", assertThrows(InvalidStateError.class, t::exception).getMessage());
            assertFalse(t.done());
            t.cancel();
        });
    }

    @Test
    void resultAndExceptionOfFinishedTasks() throws Exception {
        VirtualTime.run(() -> {
            Task<Integer> ok = Aio.createTask(() -> 42);
            IOException boom = new IOException("x");
            Task<Integer> bad = Aio.createTask(() -> {
                throw boom;
            });
            Aio.sleep(0);
            assertTrue(ok.done());
            assertEquals(42, ok.result());
            assertEquals(null, ok.exception());
            assertSame(boom, bad.exception());
            assertSame(boom, assertThrows(IOException.class, bad::result));
            assertFalse(bad.cancelled());
        });
    }

    @Test
    void anAwaitThatDoesNotSuspendLetsNoOtherTaskRun() throws Exception {
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<String> done = Aio.createTask(() -> "done");
            done.await();
            Aio.createTask(() -> log.add("other"));
            log.add("before");
            assertEquals("done", done.await()); // already done: no yield
            log.add("after");
            Aio.sleep(0);
        });
        assertEquals(List.of("before", "after", "other"), log);
    }

    @Test
    void sleepWaitsAtLeastItsDelayOnTheLoopClock() throws Exception {
        double[] elapsed = new double[1];
        VirtualTime.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            double t0 = loop.time();
            Aio.sleep(Duration.ofMillis(30));
            elapsed[0] = loop.time() - t0;
        });
        assertTrue(elapsed[0] >= 0.030, "slept " + elapsed[0]);
    }

    @Test
    void concurrentSleepsOverlap() throws Exception {
        // both sleeps start before either ends: two tasks wait at the same time
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Void> a = Aio.createTask(() -> {
                log.add("a sleeps");
                Aio.sleep(0.02);
                log.add("a woke");
            });
            Task<Void> b = Aio.createTask(() -> {
                log.add("b sleeps");
                Aio.sleep(0.01);
                log.add("b woke");
            });
            a.await();
            b.await();
        });
        assertEquals(List.of("a sleeps", "b sleeps", "b woke", "a woke"), log);
    }

    @Test
    void aBodyThatBlocksInPlainJavaHoldsTheBaton() throws Exception {
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Boolean> other = Aio.createTask(() -> log.add("other ran"));
            log.add("blocking");
            Thread.sleep(50); // not an await: the loop cannot run other tasks meanwhile
            log.add("unblocked");
            other.await();
        });
        assertEquals(List.of("blocking", "unblocked", "other ran"), log);
    }

    @Test
    void parallelModeRunsNBodiesAtOnce() throws Exception {
        // both bodies must be inside the barrier at the same time: impossible under the baton
        CyclicBarrier barrier = new CyclicBarrier(2);
        VirtualTime.run(Config.parallel(2), () -> {
            Task<Integer> a = Aio.createTask(() -> barrier.await(10, TimeUnit.SECONDS));
            Task<Integer> b = Aio.createTask(() -> barrier.await(10, TimeUnit.SECONDS));
            assertEquals(1, a.await() + b.await()); // arrival indexes 0 and 1
        });
    }

    @Test
    void aWakeUpFromAnotherCarrierReachesADriverAboutToWaitOnVirtualTime() throws Exception {
        // the driver idles with no timer while two bodies run on other carriers: the wake-up their
        // completion sends must not be swallowed on its way into the selector
        for (int round = 0; round < 300; round++) {
            CyclicBarrier barrier = new CyclicBarrier(2);
            VirtualTime.run(Config.parallel(2), () -> {
                Task<Integer> a = Aio.createTask(() -> barrier.await(10, TimeUnit.SECONDS));
                Task<Integer> b = Aio.createTask(() -> barrier.await(10, TimeUnit.SECONDS));
                assertEquals(1, a.await() + b.await());
            });
        }
    }

    @Test
    void parallelModeStillRunsEveryTaskToCompletion() throws Exception {
        int n = 2_000;
        long sum = VirtualTime.run(Config.parallel(4), () -> {
            List<Task<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int x = i;
                tasks.add(Aio.createTask(() -> {
                    Aio.sleep(0);
                    Aio.sleep(0.001);
                    return x;
                }));
            }
            long s = 0;
            for (Task<Integer> t : tasks) {
                s += t.await();
            }
            return s;
        });
        assertEquals((long) n * (n - 1) / 2, sum);
    }

    @Test
    void defaultNamesAreTaskNAndNamesCanBeGivenOrChanged() throws Exception {
        VirtualTime.run(() -> {
            Task<Void> a = Aio.createTask(() -> { });
            Task<Void> b = Aio.createTask(() -> { });
            assertTrue(a.name().matches("Task-\\d+"), a.name());
            int na = Integer.parseInt(a.name().substring(5));
            assertEquals("Task-" + (na + 1), b.name());
            Task<Void> c = Aio.createTask("fetcher", () -> { });
            assertEquals("fetcher", c.name());
            c.setName("renamed");
            assertEquals("renamed", c.name());
            assertTrue(c.toString().contains("renamed"), c.toString());
        });
    }

    @Test
    void currentTaskAndAllTasks() throws Exception {
        VirtualTime.run(() -> {
            Task<?> main = Aio.currentTask();
            Task<Void> sleeper = Aio.createTask("sleeper", () -> Aio.sleep(10));
            Task<Task<?>> probe = Aio.createTask(Aio::currentTask);
            assertSame(probe, probe.await());
            assertEquals(List.of(main, sleeper), List.copyOf(Aio.allTasks()));
            sleeper.cancel();
        });
    }
}

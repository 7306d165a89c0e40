package io.aio4j.queue;

import io.aio4j.VirtualTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue, PriorityQueue, LifoQueue; expectations checked against CPython 3.11 (test_queues.py), shutdown per 3.13. */
class QueueTest {
    private final List<Object> log = new ArrayList<>();

    @Test
    void waitingGettersAreServedInFifoOrder() throws Exception {
        // asyncio: getters FIFO: [(0, 'a'), (1, 'b'), (2, 'c')]
        Queue<String> q = new Queue<>();
        VirtualTime.run(() -> {
            List<Task<Boolean>> ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                ts.add(Aio.createTask(() -> log.add(n + ":" + q.get())));
            }
            Aio.sleep(0);
            for (String s : List.of("a", "b", "c")) {
                q.putNowait(s);
            }
            Aio.gather(ts);
        });
        assertEquals(List.of("0:a", "1:b", "2:c"), log);
    }

    @Test
    void aCancelledGetNeverLosesAnItem() throws Exception {
        // asyncio: t cancelled True t2 got x qsize 0
        Queue<String> q = new Queue<>();
        VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(q::get);
            Task<String> t2 = Aio.createTask(q::get);
            Aio.sleep(0);
            q.putNowait("x"); // wakes t
            t.cancel(); // before it runs: the wakeup passes to t2
            Aio.sleep(0);
            Aio.sleep(0);
            assertTrue(t.cancelled());
            assertEquals("x", t2.result());
            assertEquals(0, q.qsize());
        });
    }

    @Test
    void aCancelledPutNeverInsertsAnItem() throws Exception {
        // asyncio: after cancelled put: 1 1
        Queue<Integer> q = new Queue<>(1);
        VirtualTime.run(() -> {
            q.putNowait(1);
            Task<Void> p = Aio.createTask(() -> q.put(2));
            Aio.sleep(0);
            assertEquals(1, q.statistics().putters());
            p.cancel();
            Aio.sleep(0);
            assertEquals(1, q.qsize());
            assertEquals(1, q.getNowait());
            assertEquals(0, q.statistics().putters());
        });
    }

    @Test
    void aBoundedPutWaitsForRoom() throws Exception {
        Queue<Integer> q = new Queue<>(2);
        VirtualTime.run(() -> {
            Task<Void> producer = Aio.createTask(() -> {
                for (int i = 0; i < 5; i++) {
                    q.put(i);
                    log.add("put " + i);
                }
            });
            Aio.sleep(0);
            assertEquals(List.of("put 0", "put 1"), log);
            assertTrue(q.full());
            for (int i = 0; i < 5; i++) {
                assertEquals(i, q.get());
            }
            producer.await();
        });
    }

    @Test
    void nowaitOperationsRaiseQueueEmptyAndQueueFull() throws Exception {
        Queue<Integer> q = new Queue<>(1);
        assertTrue(assertThrows(QueueEmpty.class, q::getNowait).getMessage().contains("empty"));
        q.putNowait(1);
        assertTrue(assertThrows(QueueFull.class, () -> q.putNowait(2)).getMessage().contains("maxsize 1"));
        assertEquals(1, q.maxsize());
        assertThrows(NullPointerException.class, () -> q.putNowait(null));
    }

    @Test
    void joinWaitsUntilEveryItemIsMarkedDone() throws Exception {
        // asyncio: joined after [0, 1, 2] / task_done: task_done() called too many times
        Queue<Integer> q = new Queue<>();
        VirtualTime.run(() -> {
            for (int i = 0; i < 3; i++) {
                q.putNowait(i);
            }
            Task<Void> worker = Aio.createTask(() -> {
                while (true) {
                    int item = q.get();
                    Aio.sleep(0.001);
                    log.add(item);
                    q.taskDone();
                }
            });
            q.join();
            log.add("joined");
            worker.cancel();
            var e = assertThrows(IllegalStateException.class, q::taskDone);
            assertTrue(e.getMessage().startsWith("task_done() called too many times"), e.getMessage());
        });
        assertEquals(List.of(0, 1, 2, "joined"), log);
    }

    @Test
    void priorityAndLifoOrder() throws Exception {
        // asyncio: priority: [1, 2, 3] / lifo: [3, 2, 1]
        PriorityQueue<Integer> pq = new PriorityQueue<>();
        LifoQueue<Integer> lq = new LifoQueue<>();
        PriorityQueue<String> byLength = new PriorityQueue<>(Comparator.comparingInt(String::length));
        for (int x : List.of(3, 1, 2)) {
            pq.putNowait(x);
        }
        for (int x : List.of(1, 2, 3)) {
            lq.putNowait(x);
        }
        for (String s : List.of("ccc", "a", "bb")) {
            byLength.putNowait(s);
        }
        assertEquals(List.of(1, 2, 3), List.of(pq.getNowait(), pq.getNowait(), pq.getNowait()));
        assertEquals(List.of(3, 2, 1), List.of(lq.getNowait(), lq.getNowait(), lq.getNowait()));
        assertEquals(List.of("a", "bb", "ccc"), List.of(byLength.getNowait(), byLength.getNowait(), byLength.getNowait()));
    }

    @Test
    void shutdownFailsPutsAtOnceAndGetsOnceEmpty() throws Exception {
        // asyncio 3.13: put -> QueueShutDown; get drains the items, then QueueShutDown; waiters are woken
        Queue<Integer> q = new Queue<>(1);
        VirtualTime.run(() -> {
            q.putNowait(1);
            Task<Void> blockedPut = Aio.createTask(() -> q.put(2));
            Aio.sleep(0);
            q.shutdown();
            assertThrows(QueueShutDown.class, blockedPut::await);
            assertThrows(QueueShutDown.class, () -> q.putNowait(3));
            assertEquals(1, q.get());
            assertThrows(QueueShutDown.class, q::get);
            assertThrows(QueueShutDown.class, q::getNowait);
            assertTrue(q.statistics().shutDown());
        });
        Queue<Integer> waiting = new Queue<>();
        VirtualTime.run(() -> {
            Task<Integer> getter = Aio.createTask(waiting::get);
            Aio.sleep(0);
            waiting.shutdown();
            assertThrows(QueueShutDown.class, getter::await);
        });
    }

    @Test
    void anImmediateShutdownDropsTheItemsAndReleasesJoin() throws Exception {
        Queue<Integer> q = new Queue<>();
        VirtualTime.run(() -> {
            q.putNowait(1);
            q.putNowait(2);
            Task<Void> joiner = Aio.createTask(q::join);
            Aio.sleep(0);
            q.shutdown(true);
            joiner.await();
            assertTrue(q.empty());
            assertEquals(0, q.statistics().unfinishedTasks());
            assertFalse(joiner.cancelled());
        });
    }

    @Test
    void cancelledGettersLeaveTheWaitList() throws Exception {
        Queue<Integer> q = new Queue<>();
        VirtualTime.run(() -> {
            List<Task<Integer>> ts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ts.add(Aio.createTask(q::get));
            }
            Aio.sleep(0);
            assertEquals(5, q.statistics().getters());
            for (Task<Integer> t : ts) {
                t.cancel();
            }
            for (Task<Integer> t : ts) {
                assertThrows(CancelledError.class, t::await);
            }
            assertEquals(0, q.statistics().getters());
        });
    }
}

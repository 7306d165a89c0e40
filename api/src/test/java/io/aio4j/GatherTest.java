package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio.gather's semantics; the expected logs are CPython 3.11's for the same programs. */
class GatherTest {
    private final List<String> log = new ArrayList<>();

    private String ok(String name, double delay) {
        try {
            Aio.sleep(delay);
            log.add(name + " done");
            return name;
        } catch (CancelledError e) {
            log.add(name + " cancelled");
            throw e;
        }
    }

    private static String bad(double delay) throws Exception {
        Aio.sleep(delay);
        throw new IllegalArgumentException("bad");
    }

    @Test
    void resultsComeInInputOrderNotCompletionOrder() throws Exception {
        List<String> r = VirtualTime.run(() -> Aio.gather(
                Aio.createTask(() -> ok("A", 0.03)),
                Aio.createTask(() -> ok("B", 0.01)),
                Aio.createTask(() -> ok("C", 0.02))));
        assertEquals(List.of("A", "B", "C"), r);
        assertEquals(List.of("B done", "C done", "A done"), log);
    }

    @Test
    void theFirstExceptionPropagatesWhileTheOthersKeepRunning() throws Exception {
        // asyncio: ['gather raised bad', 'c done', 'a done'] True c
        VirtualTime.run(() -> {
            Task<String> a = Aio.createTask(() -> ok("a", 0.05));
            Task<String> b = Aio.createTask(() -> bad(0.01));
            Task<String> c = Aio.createTask(() -> ok("c", 0.02));
            var e = assertThrows(IllegalArgumentException.class, () -> Aio.gather(a, b, c));
            log.add("gather raised " + e.getMessage());
            Aio.sleep(0.1);
            assertTrue(a.done());
            assertEquals("c", c.result());
        });
        assertEquals(List.of("gather raised bad", "c done", "a done"), log);
    }

    @Test
    void gatherSettledReportsEveryOutcome() throws Exception {
        // asyncio: ['str', 'ValueError']
        VirtualTime.run(() -> {
            Task<String> x = Aio.createTask(() -> ok("x", 0.01));
            Task<String> y = Aio.createTask(() -> bad(0));
            Task<String> z = Aio.createTask(() -> ok("z", 1));
            z.cancel();
            List<Settled<String>> r = Aio.gatherSettled(List.of(x, y, z));
            assertEquals(new Settled.Value<>("x"), r.get(0));
            assertInstanceOf(IllegalArgumentException.class, ((Settled.Failed<String>) r.get(1)).exception());
            assertInstanceOf(CancelledError.class, ((Settled.Failed<String>) r.get(2)).exception());
            assertEquals("x", r.get(0).getOrThrow());
        });
    }

    @Test
    void cancellingTheGatheringTaskCancelsTheChildren() throws Exception {
        // asyncio: ['x cancelled', 'y cancelled', "waiter cancelled ('stop',)"] True True
        VirtualTime.run(() -> {
            Task<String> x = Aio.createTask(() -> ok("x", 1));
            Task<String> y = Aio.createTask(() -> ok("y", 1));
            Task<List<String>> waiter = Aio.createTask(() -> Aio.gather(x, y));
            Aio.sleep(0.01);
            waiter.cancel("stop");
            CancelledError e = assertThrows(CancelledError.class, waiter::await);
            log.add("waiter cancelled " + e.getMessage());
            assertTrue(x.cancelled() && y.cancelled());
        });
        assertEquals(List.of("x cancelled", "y cancelled", "waiter cancelled stop"), log);
    }

    @Test
    void aChildCancelledOnItsOwnMakesGatherRaiseCancelledError() throws Exception {
        // asyncio: ['p cancelled', "w2 cancelled ('child',)", 'q done'] True q
        VirtualTime.run(() -> {
            Task<String> p = Aio.createTask(() -> ok("p", 1));
            Task<String> q = Aio.createTask(() -> ok("q", 0.05));
            Task<List<String>> w = Aio.createTask(() -> Aio.gather(p, q));
            Aio.sleep(0.01);
            p.cancel("child");
            CancelledError e = assertThrows(CancelledError.class, w::await);
            log.add("w2 cancelled " + e.getMessage());
            Aio.sleep(0.1);
            assertTrue(w.cancelled());
            assertEquals("q", q.result());
        });
        assertEquals(List.of("p cancelled", "w2 cancelled child", "q done"), log);
    }

    @Test
    void gatherOfNothingReturnsAnEmptyListAtOnce() throws Exception {
        assertEquals(List.of(), VirtualTime.run(() -> Aio.gather(List.<Task<String>>of())));
    }

    @Test
    void gatherOfManyTasks() throws Exception {
        int n = 10_000;
        long sum = VirtualTime.run(() -> {
            List<Task<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int x = i;
                tasks.add(Aio.createTask(() -> x));
            }
            return Aio.gather(tasks).stream().mapToLong(Integer::longValue).sum();
        });
        assertEquals((long) n * (n - 1) / 2, sum);
    }
}

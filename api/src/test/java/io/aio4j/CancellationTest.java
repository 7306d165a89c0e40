package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio's cancellation rules; each case was checked against CPython (see the comments). */
class CancellationTest {

    @Test
    void cancellationArrivesAtTheNextAwaitAndNotBefore() throws Exception {
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> {
                Aio.currentTask().cancel();
                log.add("still running"); // no await yet: nothing happens
                try {
                    Aio.sleep(0);
                    log.add("not reached");
                } catch (CancelledError e) {
                    log.add("cancelled at sleep(0)");
                    throw e;
                }
            });
            assertThrows(CancelledError.class, t::await);
            assertTrue(t.cancelled());
        });
        assertEquals(List.of("still running", "cancelled at sleep(0)"), log);
    }

    @Test
    void anAwaitThatDoesNotSuspendDoesNotDeliverTheCancellation() throws Exception {
        // asyncio: a self-cancelled task's `await q.get()` on a non-empty queue returns; sleep(0) raises
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<String> ready = Aio.createTask(() -> "item");
            ready.await();
            Task<String> t = Aio.createTask(() -> {
                Aio.currentTask().cancel();
                log.add("got " + ready.await());
                try {
                    Aio.sleep(0);
                } catch (CancelledError e) {
                    log.add("delivered at sleep(0)");
                }
                return "ok";
            });
            assertEquals("ok", t.await());
        });
        assertEquals(List.of("got item", "delivered at sleep(0)"), log);
    }

    @Test
    void cancellationIsOneShotSoCleanupCanAwait() throws Exception {
        VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                try {
                    Aio.sleep(10);
                    return "slept";
                } catch (CancelledError e) {
                    Aio.sleep(0.01); // awaiting during cleanup works
                    return "cleaned up";
                }
            });
            Aio.sleep(0);
            assertTrue(t.cancel());
            assertEquals("cleaned up", t.await());
            assertFalse(t.cancelled());
            assertEquals(1, t.cancelling());
        });
    }

    @Test
    void aTaskCancelledBeforeItsFirstStepNeverRuns() throws Exception {
        // asyncio: early: ('early',) [] True
        List<String> ran = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Boolean> t = Aio.createTask(() -> ran.add("ran"));
            t.cancel("early");
            CancelledError e = assertThrows(CancelledError.class, t::await);
            assertEquals("early", e.getMessage());
            assertTrue(t.cancelled());
        });
        assertEquals(List.of(), ran);
    }

    @Test
    void theCancelMessageReachesTheAwaiter() throws Exception {
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.sleep(10));
            Aio.sleep(0);
            t.cancel("shutting down");
            CancelledError e = assertThrows(CancelledError.class, t::await);
            assertEquals("shutting down", e.getMessage());
            assertEquals("shutting down", assertThrows(CancelledError.class, t::result).getMessage());
            assertThrows(CancelledError.class, t::exception);
        });
    }

    @Test
    void catchExceptionDoesNotSwallowCancellation() throws Exception {
        VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                try {
                    Aio.sleep(10);
                } catch (Exception e) { // the common Java habit: must not catch CancelledError
                    return "swallowed";
                }
                return "finished";
            });
            Aio.sleep(0);
            t.cancel();
            assertThrows(CancelledError.class, t::await);
            assertTrue(t.cancelled());
        });
    }

    @Test
    void aBodyThatReturnsWhileACancelIsPendingEndsCancelled() throws Exception {
        // asyncio: ret while cancelled -> True
        VirtualTime.run(() -> {
            Task<Integer> t = Aio.createTask(() -> {
                Aio.currentTask().cancel();
                return 1;
            });
            Aio.sleep(0);
            assertTrue(t.cancelled());
        });
    }

    @Test
    void cancelOnADoneTaskReturnsFalse() throws Exception {
        VirtualTime.run(() -> {
            Task<Integer> t = Aio.createTask(() -> 1);
            t.await();
            assertFalse(t.cancel());
            assertEquals(0, t.cancelling());
            assertEquals(1, t.result());
        });
    }

    @Test
    void cancellingCountsRequestsAndUncancelTakesThemBack() throws Exception {
        // asyncio 3.13: uncancel() reaching zero also drops the pending request ("survived");
        // CPython 3.11 (the one on this machine) still delivered it.
        VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                Task<?> me = Aio.currentTask();
                me.cancel();
                me.cancel();
                assertEquals(2, me.cancelling());
                assertEquals(1, me.uncancel());
                assertEquals(0, me.uncancel());
                assertEquals(0, me.uncancel());
                Aio.sleep(0);
                return "survived";
            });
            assertEquals("survived", t.await());
        });
    }

    @Test
    void cancellingAnAwaitingTaskCancelsTheAwaitedTaskAndWaitsForIt() throws Exception {
        // asyncio: True 1 / inner cancelled / outer got 42 / outer continues / 42 True False
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Integer> inner = Aio.createTask(() -> {
                try {
                    Aio.sleep(10);
                    return 0;
                } catch (CancelledError e) {
                    log.add("inner cancelled");
                    Aio.sleep(0.01);
                    return 42;
                }
            });
            Task<Void> outer = Aio.createTask(() -> {
                log.add("outer got " + inner.await());
                Aio.sleep(0);
                log.add("outer continues");
            });
            Aio.sleep(0.01);
            assertTrue(outer.cancel("m"));
            assertEquals(1, outer.cancelling());
            outer.await();
            assertEquals(42, inner.result());
            assertTrue(outer.done());
            assertFalse(outer.cancelled());
        });
        assertEquals(List.of("inner cancelled", "outer got 42", "outer continues"), log);
    }

    @Test
    void cancellingAnAwaiterOfANormalTaskCancelsBoth() throws Exception {
        VirtualTime.run(() -> {
            Task<Void> inner = Aio.createTask(() -> Aio.sleep(10));
            Task<Void> outer = Aio.createTask(inner::await);
            Aio.sleep(0);
            outer.cancel("stop");
            assertEquals("stop", assertThrows(CancelledError.class, outer::await).getMessage());
            assertTrue(inner.cancelled());
            assertTrue(outer.cancelled());
        });
    }

    @Test
    void runCancelsTheTasksLeftPendingAndWaitsForThem() throws Exception {
        List<String> log = new ArrayList<>();
        String r = VirtualTime.run(() -> {
            Aio.createTask(() -> {
                try {
                    Aio.sleep(3600);
                } finally {
                    log.add("leftover cleaned up");
                }
            });
            Aio.sleep(0);
            return "main done";
        });
        assertEquals("main done", r);
        assertEquals(List.of("leftover cleaned up"), log);
    }

    @Test
    void aCancelledMainTaskMakesRunThrowCancelledError() throws Exception {
        assertThrows(CancelledError.class, () -> VirtualTime.run(() -> {
            Aio.currentTask().cancel();
            Aio.sleep(0);
        }));
    }

    @Test
    void cancelFromAnotherThreadWakesAnIdleLoop() throws Exception {
        Aio.run(() -> { // real time: on a virtual clock the hour would pass before the thread's cancel
            Task<Void> sleeper = Aio.createTask(() -> Aio.sleep(3600));
            Aio.sleep(0);
            Thread.ofPlatform().start(() -> sleeper.cancel("from outside"));
            assertEquals("from outside", assertThrows(CancelledError.class, sleeper::await).getMessage());
        });
    }

    @Test
    void aTaskCannotAwaitItself() throws Exception {
        VirtualTime.run(() -> {
            var e = assertThrows(IllegalStateException.class, () -> Aio.currentTask().await());
            assertTrue(e.getMessage().contains("cannot await on itself"), e.getMessage());
            assertNull(null);
        });
    }
}

package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.queue.Queue;
import io.aio4j.sync.Acquired;
import io.aio4j.sync.Lock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ported from CPython's test_waitfor.py; the expectations were checked against CPython 3.11 and, for
 * the body running in the caller (asyncio 3.12+), against CPython 3.13.
 */
class WaitForTest {

    @Test
    void aBodyThatFinishesInTimeReturnsItsValue() throws Exception {
        assertEquals("ok", VirtualTime.run(() -> Aio.waitFor(Duration.ofSeconds(1), () -> {
            Aio.sleep(0.01);
            return "ok";
        })));
    }

    @Test
    void onTimeoutTheBodyIsCancelledAndWaitedForThenTimeoutError() throws Exception {
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            TimeoutError e = assertThrows(TimeoutError.class, () -> Aio.waitFor(0.01, () -> {
                try {
                    Aio.sleep(10);
                } catch (CancelledError c) {
                    Aio.sleep(0.01); // the cancellation takes a while: waitFor waits for it
                    log.add("body cleaned up");
                    throw c;
                }
            }));
            log.add("timeout");
            assertInstanceOf(CancelledError.class, e.getCause());
        });
        assertEquals(List.of("body cleaned up", "timeout"), log);
    }

    @Test
    void aTimeoutOfZeroNeverStartsTheBody() throws Exception {
        // asyncio: wait_for 0 -> TimeoutError []
        List<String> ran = new ArrayList<>();
        VirtualTime.run(() -> {
            assertThrows(TimeoutError.class, () -> Aio.waitFor(Duration.ZERO, () -> ran.add("ran")));
            assertThrows(TimeoutError.class, () -> Aio.waitFor(-1, () -> ran.add("ran")));
        });
        assertEquals(List.of(), ran);
    }

    @Test
    void aTimeoutOfZeroOnADoneTaskReturnsItsResult() throws Exception {
        VirtualTime.run(() -> {
            Task<Integer> t = Aio.createTask(() -> 7);
            t.await();
            assertEquals(7, Aio.waitFor(t, Duration.ZERO));
        });
    }

    @Test
    void aBodyThatSwallowsTheCancellationReturnsItsValue() throws Exception {
        // asyncio: wait_for stubborn -> swallowed
        assertEquals("swallowed", VirtualTime.run(() -> Aio.waitFor(0.01, () -> {
            try {
                Aio.sleep(10);
                return "slept";
            } catch (CancelledError e) {
                return "swallowed";
            }
        })));
    }

    @Test
    void waitingForATaskCancelsItOnTimeout() throws Exception {
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.sleep(10));
            assertThrows(TimeoutError.class, () -> Aio.waitFor(t, 0.01));
            assertTrue(t.cancelled());
        });
    }

    @Test
    void cancellingTheWaitingTaskCancelsTheInnerOne() throws Exception {
        VirtualTime.run(() -> {
            Task<Void> inner = Aio.createTask(() -> Aio.sleep(10));
            Task<Void> outer = Aio.createTask(() -> Aio.waitFor(inner, Duration.ofSeconds(5)));
            Aio.sleep(0.01);
            outer.cancel();
            assertThrows(CancelledError.class, outer::await);
            assertTrue(inner.cancelled());
            assertTrue(outer.cancelled());
        });
    }

    @Test
    void theInnerExceptionPropagatesUnwrapped() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        VirtualTime.run(() -> {
            var e = assertThrows(IllegalArgumentException.class, () -> Aio.waitFor(1, () -> {
                throw boom;
            }));
            assertEquals(boom, e);
        });
    }

    // asyncio 3.13: wait_for(q.get(), 0.05) with put_nowait at 45 ms and then the loop busy for 20 ms
    // returns the item; the body's wake-up was ready before the timer became due
    private static final long BUSY_20_MS = 20_000_000L;

    @Test
    void aGetThatGotItsItemBeforeTheTimeoutFiredReturnsIt() throws Exception {
        VirtualTime.withClock(Config.defaults(), clock -> () -> {
            Queue<String> q = new Queue<>();
            Aio.createTask(() -> {
                Aio.sleep(0.045);
                q.putNowait("item");
                clock.advance(BUSY_20_MS);
            });
            assertEquals("item", Aio.waitFor(0.05, q::get));
            assertEquals(0, q.qsize());
            return null;
        });
    }

    @Test
    void aPutThatInsertedBeforeTheTimeoutFiredReturnsNormally() throws Exception {
        VirtualTime.withClock(Config.defaults(), clock -> () -> {
            Queue<String> q = new Queue<>(1);
            q.putNowait("a");
            Aio.createTask(() -> {
                Aio.sleep(0.045);
                q.getNowait();
                clock.advance(BUSY_20_MS);
            });
            Aio.waitFor(0.05, () -> q.put("b"));
            assertEquals(1, q.qsize());
            assertEquals("b", q.getNowait());
            return null;
        });
    }

    @Test
    void aLockAcquiredBeforeTheTimeoutFiredIsHeldByTheCaller() throws Exception {
        VirtualTime.withClock(Config.defaults(), clock -> () -> {
            Lock lock = new Lock();
            Acquired first = lock.acquire();
            Aio.createTask(() -> {
                Aio.sleep(0.045);
                first.close();
                clock.advance(BUSY_20_MS);
            });
            Acquired mine = Aio.waitFor(0.05, lock::acquire);
            assertTrue(lock.locked());
            mine.close();
            assertTrue(!lock.locked(), "the caller held the lock and released it");
            return null;
        });
    }

    @Test
    void aGetWokenAndThenTimedOutInTheSameTurnLeavesTheItemInTheQueue() throws Exception {
        // asyncio 3.13: call_later(0.05, put_nowait) registered before wait_for(q.get(), 0.05): the put
        // wakes the getter, the timeout cancels it before it runs -> TimeoutError, the item stays queued
        VirtualTime.run(() -> {
            Queue<String> q = new Queue<>();
            Aio.getRunningLoop().callLater(0.05, () -> q.putNowait("item"));
            assertThrows(TimeoutError.class, () -> Aio.waitFor(0.05, q::get));
            assertEquals(1, q.qsize(), "the item a timed-out get did not return stays queued");
        });
    }

    @Test
    void theBodyRunsInTheCallingTask() throws Exception {
        VirtualTime.run(() -> {
            Task<?> me = Aio.currentTask();
            assertEquals(me, Aio.waitFor(1, () -> Aio.currentTask()));
        });
    }

    @Test
    void theBodyStartsEvenWhenTheCallerHasACancellationPending() throws Exception {
        // asyncio 3.12+: the coroutine runs in the caller up to its first suspension
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> {
                Aio.currentTask().cancel();
                Aio.waitFor(5, () -> {
                    log.add("body started");
                    Aio.sleep(1);
                    log.add("not reached");
                });
            });
            assertThrows(CancelledError.class, t::await);
            assertTrue(t.cancelled());
        });
        assertEquals(List.of("body started"), log);
    }

    @Test
    void noQueueItemIsLostOrDuplicatedByAStormOfWaitForTimeouts() throws Exception {
        int items = 20_000;
        int[] timeouts = new int[2];
        List<Integer> got = new ArrayList<>();
        VirtualTime.run(() -> {
            Queue<Integer> q = new Queue<>(4);
            java.util.Random random = new java.util.Random(14);
            Aio.createTask(() -> {
                for (int i = 0; i < items; ) {
                    int item = i;
                    try {
                        Aio.waitFor(random.nextInt(1, 40) * 1e-6, () -> q.put(item));
                        i++; // put returned: the item is in; on TimeoutError it is not, so retry it
                    } catch (TimeoutError e) {
                        timeouts[0]++;
                    }
                    Aio.sleep(random.nextInt(0, 20) * 1e-6);
                }
            });
            while (got.size() < items) {
                try {
                    got.add(Aio.waitFor(random.nextInt(1, 40) * 1e-6, q::get));
                } catch (TimeoutError e) {
                    timeouts[1]++;
                }
                Aio.sleep(random.nextInt(0, 20) * 1e-6);
            }
        });
        assertTrue(timeouts[0] > 100 && timeouts[1] > 100, "the storm timed out puts and gets: "
                + timeouts[0] + ", " + timeouts[1]);
        for (int i = 0; i < items; i++) {
            assertEquals(i, got.get(i), "item " + i);
        }
    }
}

package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ported from CPython's test_timeouts.py; the extra cases were checked against CPython 3.11. */
class TimeoutTest {

    @Test
    void anExpiredTimeoutRaisesTimeoutErrorCausedByTheCancellation() throws Exception {
        VirtualTime.run(() -> {
            Timeout[] cm = new Timeout[1];
            TimeoutError e = assertThrows(TimeoutError.class, () -> Aio.timeout(0.01, t -> {
                cm[0] = t;
                Aio.sleep(10);
                return null;
            }));
            assertInstanceOf(CancelledError.class, e.getCause());
            assertTrue(cm[0].expired());
            assertEquals("Aio.timeout(0.01) expired", e.getMessage());
        });
    }

    @Test
    void timeoutAtAnAbsoluteDeadline() throws Exception {
        VirtualTime.run(() -> {
            double when = Aio.getRunningLoop().time() + 0.01;
            assertThrows(TimeoutError.class, () -> Aio.timeoutAt(when, () -> Aio.sleep(10)));
        });
    }

    @Test
    void theBodySeesCancelledErrorAtItsAwait() throws Exception {
        // test_waiter_cancelled
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            assertThrows(TimeoutError.class, () -> Aio.timeout(Duration.ofMillis(10), () -> {
                try {
                    Aio.sleep(10);
                } catch (CancelledError e) {
                    log.add("cancelled");
                    throw e;
                }
            }));
        });
        assertEquals(List.of("cancelled"), log);
    }

    @Test
    void aTimeoutThatDoesNotExpireLetsTheValueThrough() throws Exception {
        VirtualTime.run(() -> {
            Timeout[] cm = new Timeout[1];
            String r = Aio.timeout(Duration.ofSeconds(10), t -> {
                cm[0] = t;
                Aio.sleep(0.01);
                return "done";
            });
            assertEquals("done", r);
            assertFalse(cm[0].expired());
        });
    }

    @Test
    void noDeadlineMeansWhenIsInfinity() throws Exception {
        VirtualTime.run(() -> {
            Aio.timeout((Duration) null, t -> {
                assertEquals(Double.POSITIVE_INFINITY, t.when());
                assertEquals("<Timeout [active] when=None>", t.toString());
                return null;
            });
            Aio.timeoutAt(Double.POSITIVE_INFINITY, t -> {
                assertEquals(Double.POSITIVE_INFINITY, t.when());
                return null;
            });
        });
    }

    @Test
    void aTimeoutOfZeroExpiresAtTheFirstAwait() throws Exception {
        VirtualTime.run(() -> {
            assertThrows(TimeoutError.class, () -> Aio.timeout(0, () -> Aio.sleep(10)));
            // test_timeout_in_the_past_sleep_zero
            assertThrows(TimeoutError.class, () -> Aio.timeout(-11, () -> Aio.sleep(0)));
        });
    }

    @Test
    void aForeignExceptionPassesThroughUnexpired() throws Exception {
        VirtualTime.run(() -> {
            Timeout[] cm = new Timeout[1];
            IllegalStateException boom = new IllegalStateException("key");
            assertSame(boom, assertThrows(IllegalStateException.class, () -> Aio.timeout(0.01, t -> {
                cm[0] = t;
                throw boom;
            })));
            assertFalse(cm[0].expired());
        });
    }

    @Test
    void aForeignCancelStaysACancelledError() throws Exception {
        // test_foreign_cancel_doesnt_timeout_if_not_expired; and with the deadline also passing
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.timeout(10, () -> {
                Aio.currentTask().cancel();
                Aio.sleep(10);
            }));
            assertThrows(CancelledError.class, t::await);
            Task<Void> both = Aio.createTask(() -> Aio.timeout(0.01, () -> {
                Aio.currentTask().cancel();
                Aio.sleep(1);
            }));
            assertThrows(CancelledError.class, both::await); // asyncio: "foreign cancel stays CancelledError"
        });
    }

    @Test
    void aCancelRequestedBeforeTheScopeIsEnteredStaysACancelledErrorEvenIfTheScopeExpires() throws Exception {
        // Deliberately not asyncio 3.13: there, a self-cancel pending when `async with timeout(0)` is
        // entered is swallowed into TimeoutError and left counted (cancelling() == 1) but never
        // delivered. aio4j counts a request pending at entry as foreign, so it is never lost; under
        // Config.parallel(n) that request is another thread's cancel() of a running task.
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> {
                Aio.currentTask().cancel();
                Aio.timeout(Duration.ZERO, () -> Aio.sleep(1));
            });
            assertThrows(CancelledError.class, t::await);
            assertTrue(t.cancelled());
        });
    }

    @Test
    void theOuterTaskIsNotCancelledByAnExpiredScope() throws Exception {
        VirtualTime.run(() -> {
            Task<Void> outer = Aio.createTask(() -> {
                assertThrows(TimeoutError.class, () -> Aio.timeout(0.001, () -> Aio.sleep(10)));
            });
            outer.await();
            assertFalse(outer.cancelled());
            assertEquals(0, outer.cancelling());
        });
    }

    @Test
    void nestedTimeoutsOnlyTheOneThatExpiredRaises() throws Exception {
        // asyncio: inner-short -> TimeoutError, outer expired False, inner True;
        //          outer-short -> TimeoutError, outer expired True, inner False
        VirtualTime.run(() -> {
            Timeout[] o = new Timeout[1];
            Timeout[] i = new Timeout[1];
            assertThrows(TimeoutError.class, () -> Aio.timeout(10, ot -> {
                o[0] = ot;
                return Aio.timeout(0.01, it -> {
                    i[0] = it;
                    Aio.sleep(1);
                    return null;
                });
            }));
            assertFalse(o[0].expired());
            assertTrue(i[0].expired());
            TimeoutError e = assertThrows(TimeoutError.class, () -> Aio.timeout(0.01, ot -> {
                o[0] = ot;
                return Aio.timeout(10, it -> {
                    i[0] = it;
                    Aio.sleep(1);
                    return null;
                });
            }));
            assertTrue(o[0].expired());
            assertFalse(i[0].expired());
            assertEquals("Aio.timeout(0.01) expired", e.getMessage());
        });
    }

    @Test
    void whenBothDeadlinesPassDuringABlockingCallOnlyTheExpiredOuterOneTimesOut() throws Exception {
        // asyncio: inner raised CancelledError; outer expired True, inner expired False; cancelling 0
        List<String> log = new ArrayList<>();
        VirtualTime.run(() -> {
            Timeout[] o = new Timeout[1];
            Timeout[] i = new Timeout[1];
            assertThrows(TimeoutError.class, () -> Aio.timeout(0.002, ot -> {
                o[0] = ot;
                try {
                    Aio.timeout(0.1, it -> {
                        i[0] = it;
                        Thread.sleep(10); // blocks the loop past the outer deadline
                        Aio.sleep(1);
                        return null;
                    });
                } catch (CancelledError e) {
                    log.add("inner raised CancelledError");
                    throw e;
                }
                return null;
            }));
            assertTrue(o[0].expired());
            assertFalse(i[0].expired());
            assertEquals(0, Aio.currentTask().cancelling());
        });
        assertEquals(List.of("inner raised CancelledError"), log);
    }

    @Test
    void rescheduleMovesOrRemovesTheDeadline() throws Exception {
        // test_reschedule
        VirtualTime.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            double deadline1 = loop.time() + 10;
            double deadline2 = deadline1 + 20;
            Timeout[] cm = new Timeout[1];
            Task<Void> task = Aio.createTask(() -> Aio.timeoutAt(deadline1, t -> {
                cm[0] = t;
                Aio.sleep(50);
                return null;
            }));
            Aio.sleep(0);
            assertEquals(deadline1, cm[0].when(), 1e-6);
            cm[0].reschedule(deadline2);
            assertEquals(deadline2, cm[0].when(), 1e-6);
            cm[0].reschedule(Double.POSITIVE_INFINITY);
            assertEquals(Double.POSITIVE_INFINITY, cm[0].when());
            task.cancel();
            assertThrows(CancelledError.class, task::await);
            assertFalse(cm[0].expired());
        });
    }

    @Test
    void reschedulingToThePastExpiresOnTheNextTurn() throws Exception {
        VirtualTime.run(() -> {
            assertThrows(TimeoutError.class, () -> Aio.timeout(10, t -> {
                t.reschedule(Aio.getRunningLoop().time() - 1);
                Aio.sleep(1);
                return null;
            }));
        });
    }

    @Test
    void rescheduleOutsideTheActiveStateSaysWhichState() throws Exception {
        // asyncio: "Cannot change state of finished/expired/expiring Timeout"
        VirtualTime.run(() -> {
            Timeout finished = Aio.timeout(1, t -> t);
            assertEquals("Cannot change state of finished Timeout",
                    assertThrows(IllegalStateException.class, () -> finished.reschedule(1)).getMessage());
            assertEquals("<Timeout [finished]>", finished.toString());
            Timeout[] expired = new Timeout[1];
            List<String> log = new ArrayList<>();
            assertThrows(TimeoutError.class, () -> Aio.timeout(0, t -> {
                expired[0] = t;
                try {
                    Aio.sleep(1);
                } catch (CancelledError e) {
                    log.add(assertThrows(IllegalStateException.class, () -> t.reschedule(5)).getMessage());
                    throw e;
                }
                return null;
            }));
            assertEquals(List.of("Cannot change state of expiring Timeout"), log);
            assertEquals("Cannot change state of expired Timeout",
                    assertThrows(IllegalStateException.class, () -> expired[0].reschedule(1)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> Aio.timeout(1, t -> {
                t.reschedule(Double.NaN);
                return null;
            }));
        });
    }

    @Test
    void aTimeoutOutsideATaskSaysToWrapTheCodeInAioRun() throws Exception {
        var e = assertThrows(IllegalStateException.class, () -> Aio.timeout(1, () -> 1));
        assertTrue(e.getMessage().contains("Aio.run"), e.getMessage());
    }
}

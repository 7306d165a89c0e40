package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ported from CPython's test_waitfor.py; the expectations were checked against CPython 3.11. */
class WaitForTest {

    @Test
    void aBodyThatFinishesInTimeReturnsItsValue() {
        assertEquals("ok", VirtualTime.run(() -> Aio.waitFor(Duration.ofSeconds(1), () -> {
            Aio.sleep(0.01);
            return "ok";
        })));
    }

    @Test
    void onTimeoutTheBodyIsCancelledAndWaitedForThenTimeoutError() {
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
    void aTimeoutOfZeroNeverStartsTheBody() {
        // asyncio: wait_for 0 -> TimeoutError []
        List<String> ran = new ArrayList<>();
        VirtualTime.run(() -> {
            assertThrows(TimeoutError.class, () -> Aio.waitFor(Duration.ZERO, () -> ran.add("ran")));
            assertThrows(TimeoutError.class, () -> Aio.waitFor(-1, () -> ran.add("ran")));
        });
        assertEquals(List.of(), ran);
    }

    @Test
    void aTimeoutOfZeroOnADoneTaskReturnsItsResult() {
        VirtualTime.run(() -> {
            Task<Integer> t = Aio.createTask(() -> 7);
            t.await();
            assertEquals(7, Aio.waitFor(t, Duration.ZERO));
        });
    }

    @Test
    void aBodyThatSwallowsTheCancellationReturnsItsValue() {
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
    void waitingForATaskCancelsItOnTimeout() {
        VirtualTime.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.sleep(10));
            assertThrows(TimeoutError.class, () -> Aio.waitFor(t, 0.01));
            assertTrue(t.cancelled());
        });
    }

    @Test
    void cancellingTheWaitingTaskCancelsTheInnerOne() {
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
    void theInnerExceptionPropagatesUnwrapped() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        VirtualTime.run(() -> {
            var e = assertThrows(IllegalArgumentException.class, () -> Aio.waitFor(1, () -> {
                throw boom;
            }));
            assertEquals(boom, e);
        });
    }
}

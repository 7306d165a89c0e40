package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.bridge.Suspend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.coroutines.ContinuationInterceptor;
import kotlinx.coroutines.CompletableDeferred;
import kotlinx.coroutines.CompletableDeferredKt;
import kotlinx.coroutines.DelayKt;
import kotlinx.coroutines.Job;
import kotlinx.coroutines.TimeoutCancellationException;
import kotlinx.coroutines.TimeoutKt;
import kotlinx.coroutines.channels.BufferOverflow;
import kotlinx.coroutines.channels.Channel;
import kotlinx.coroutines.channels.ChannelKt;
import org.junit.jupiter.api.Test;

/** Java calling kotlinx suspend functions through the one await primitive. */
class SuspendInteropTest {

    @Test
    void aSuspendFunctionThatReturnsAtOnceDoesNotSwitchOrYield() throws Exception {
        List<String> log = new ArrayList<>();
        Aio.run(() -> {
            Aio.createTask(() -> log.add("other"));
            Thread before = Thread.currentThread();
            String v = Suspend.call(k -> "immediate");
            log.add(v);
            assertSame(before, Thread.currentThread());
            Aio.sleep(0);
        });
        assertEquals(List.of("immediate", "other"), log);
    }

    @Test
    void theSuspendFunctionRunsWithTheLoopAsDispatcherAndAJob() throws Exception {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Object interceptor = Suspend.call(k -> k.getContext().get(ContinuationInterceptor.Key));
            assertSame(loop.asDispatcher(), interceptor);
            assertNotNull(Suspend.<Object>call(k -> k.getContext().get(Job.Key)));
        });
    }

    @Test
    void kotlinxDelayRunsOnTheLoopsTimersWhileOtherTasksRun() throws Exception {
        List<String> log = new ArrayList<>();
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Aio.createTask(() -> log.add("other ran during delay"));
            double t0 = loop.time();
            Suspend.<Unit>call(k -> DelayKt.delay(20, k));
            log.add("delay done");
            assertTrue(loop.time() - t0 >= 0.020);
        });
        assertEquals(List.of("other ran during delay", "delay done"), log);
    }

    @Test
    void aKotlinChannelCarriesItemsBetweenTasksInOrder() throws Exception {
        List<Integer> got = Aio.run(() -> {
            Channel<Integer> ch = ChannelKt.Channel(0, BufferOverflow.SUSPEND, null);
            Aio.createTask(() -> {
                for (int i = 1; i <= 5; i++) {
                    int x = i;
                    Suspend.<Unit>call(k -> ch.send(x, k));
                }
            });
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                items.add(Suspend.call(ch::receive));
            }
            return items;
        });
        assertEquals(List.of(1, 2, 3, 4, 5), got);
    }

    @Test
    void cancellingATaskParkedInAKotlinSuspendFunctionEndsItWithCancelledError() throws Exception {
        Aio.run(() -> {
            Channel<String> ch = ChannelKt.Channel(0, BufferOverflow.SUSPEND, null);
            Task<String> receiver = Aio.createTask(() -> Suspend.call(ch::receive));
            Aio.sleep(0);
            receiver.cancel("no more");
            CancelledError e = assertThrows(CancelledError.class, receiver::await);
            assertEquals("no more", e.getMessage());
            // the channel is fine: a new receiver gets the next item
            Task<String> next = Aio.createTask(() -> Suspend.call(ch::receive));
            Suspend.<Unit>call(k -> ch.send("hello", k));
            assertEquals("hello", next.await());
        });
    }

    @Test
    void kotlinWithTimeoutExpiringBecomesCancelledErrorAndTheTaskGoesOn() throws Exception {
        String r = Aio.run(() -> {
            String fast = Suspend.call(k -> TimeoutKt.withTimeout(1000, (scope, k2) -> "fast", k));
            assertEquals("fast", fast);
            CancelledError e = assertThrows(CancelledError.class,
                    () -> Suspend.call(k -> TimeoutKt.withTimeout(10, (scope, k2) -> DelayKt.delay(10_000, k2), k)));
            assertInstanceOf(TimeoutCancellationException.class, e.getCause());
            Aio.sleep(0); // not a cancellation of the task: it goes on
            return "went on";
        });
        assertEquals("went on", r);
    }

    @Test
    void aDeferredCompletedFromAnotherThreadResumesTheTask() throws Exception {
        String r = Aio.run(() -> {
            CompletableDeferred<String> d = CompletableDeferredKt.CompletableDeferred((Job) null);
            Thread.ofPlatform().start(() -> d.complete("from thread"));
            return Suspend.call(d::await);
        });
        assertEquals("from thread", r);
    }

    @Test
    void anExceptionFromTheSuspendFunctionIsRethrownAsIs() throws Exception {
        IOException boom = new IOException("kotlin threw");
        Aio.run(() -> {
            IOException e = assertThrows(IOException.class, () -> Suspend.call(k -> {
                throw boom;
            }));
            assertSame(boom, e);
        });
    }

    @Test
    void outsideATaskSuspendCallBlocksTheThreadUntilDone() throws Exception {
        assertEquals(Unit.INSTANCE, Suspend.<Unit>call(k -> DelayKt.delay(10, k)));
        assertEquals("x", Suspend.call(k -> "x"));
    }

    @Test
    void aCancelledSuspendCallsCauseChainHoldsNoKotlinxInternals() throws Exception {
        // asyncio: a cancelled await's CancelledError carries the message, not the machinery under it
        Aio.run(() -> {
            Task<Void> t = Aio.createTask(() -> {
                Suspend.<Unit>call(k -> DelayKt.delay(60_000, k));
            });
            Aio.sleep(0.01);
            t.cancel("stop");
            CancelledError e = org.junit.jupiter.api.Assertions.assertThrows(CancelledError.class, t::await);
            for (Throwable c = e; c != null; c = c.getCause()) {
                org.junit.jupiter.api.Assertions.assertFalse(c instanceof java.util.concurrent.CancellationException,
                        "kotlinx's " + c.getClass().getName() + " in the cause chain");
            }
            assertEquals("stop", e.getMessage());
        });
    }
}

package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** toThread, runInExecutor and awaitFuture: blocking work off the loop, cancellation both ways. */
class ThreadsAndFuturesTest {

    @Test
    void toThreadRunsBlockingWorkWhileOtherTasksProgress() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Aio.run(() -> {
            CountDownLatch ticked = new CountDownLatch(3);
            Task<Void> ticker = Aio.createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    Aio.sleep(0.001);
                    log.add("tick");
                    ticked.countDown();
                }
            });
            String r = Aio.toThread(() -> {
                // blocks its thread until the loop has ticked three times: impossible if it held the loop
                assertTrue(ticked.await(10, TimeUnit.SECONDS));
                return "blocking done on " + Thread.currentThread().getName().substring(0, 16);
            });
            log.add(r);
            ticker.await();
        });
        assertEquals(List.of("tick", "tick", "tick", "blocking done on aio4j-to-thread-"), log);
    }

    @Test
    void cancellingAToThreadWaiterReturnsPromptly() throws Exception {
        // asyncio: to_thread cancelled promptly
        CountDownLatch release = new CountDownLatch(1);
        Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> Aio.toThread(() -> {
                release.await(10, TimeUnit.SECONDS);
                return "late";
            }));
            Aio.sleep(0.01);
            t.cancel();
            assertThrows(CancelledError.class, t::await);
            release.countDown();
        });
    }

    @Test
    void anExceptionInTheThreadReachesTheAwaiterUnwrapped() throws Exception {
        IOException boom = new IOException("disk");
        Aio.run(() -> {
            assertSame(boom, assertThrows(IOException.class, () -> Aio.toThread(() -> {
                throw boom;
            })));
        });
    }

    @Test
    void runInExecutorUsesTheGivenExecutor() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-executor"));
        try {
            String name = Aio.run(() -> Aio.runInExecutor(ex, () -> Thread.currentThread().getName()));
            assertEquals("my-executor", name);
            assertEquals("default", Aio.run(() -> Aio.runInExecutor(null, () -> "default")));
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void awaitFutureReturnsTheValueOrRethrowsUnwrapped() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Aio.run(() -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> f.complete("from thread"));
            assertEquals("from thread", Aio.awaitFuture(f));
            assertEquals("done", Aio.awaitFuture(CompletableFuture.completedFuture("done")));
            assertSame(boom, assertThrows(IllegalStateException.class,
                    () -> Aio.awaitFuture(CompletableFuture.failedFuture(boom))));
            CompletableFuture<String> chained = CompletableFuture.supplyAsync(() -> {
                throw boom;
            });
            assertSame(boom, assertThrows(IllegalStateException.class, () -> Aio.awaitFuture(chained)));
            CompletableFuture<String> cancelled = new CompletableFuture<>();
            cancelled.cancel(false);
            assertThrows(CancelledError.class, () -> Aio.awaitFuture(cancelled));
        });
    }

    @Test
    void cancellingTheAwaiterCancelsTheFuture() throws Exception {
        CompletableFuture<String> f = new CompletableFuture<>();
        Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> Aio.awaitFuture(f));
            Aio.sleep(0);
            t.cancel();
            assertThrows(CancelledError.class, t::await);
        });
        assertTrue(f.isCancelled());
    }

    @Test
    void cancellingTheTasksFutureCancelsTheTask() throws Exception {
        Aio.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.sleep(10));
            t.toCompletableFuture().cancel(false);
            assertThrows(CancelledError.class, t::await);
            assertTrue(t.cancelled());
            Task<Integer> ok = Aio.createTask(() -> 1);
            assertEquals(1, Aio.awaitFuture(ok.toCompletableFuture()));
            assertFalse(ok.cancelled());
        });
    }
}

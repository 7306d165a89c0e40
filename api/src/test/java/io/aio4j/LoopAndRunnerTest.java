package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loop's own operations, Aio.run's rules, Runner, and the Future face of tasks. */
class LoopAndRunnerTest {

    @Test
    void anAwaitOutsideALoopSaysToWrapTheCodeInAioRun() throws Exception {
        var e = assertThrows(IllegalStateException.class, () -> Aio.sleep(1));
        assertTrue(e.getMessage().contains("Aio.sleep must be called inside an aio4j task"), e.getMessage());
        assertTrue(e.getMessage().contains("wrap the code in Aio.run"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Aio.createTask(() -> 1));
        assertThrows(IllegalStateException.class, Aio::getRunningLoop);
    }

    @Test
    void runInsideARunningLoopIsAnError() throws Exception {
        Aio.run(() -> {
            var e = assertThrows(IllegalStateException.class, () -> Aio.run(() -> 1));
            assertTrue(e.getMessage().startsWith("Aio.run() cannot be called from a running event loop"), e.getMessage());
        });
    }

    @Test
    void callSoonRunsCallbacksInOrderOnALaterTurn() throws Exception {
        List<String> log = new ArrayList<>();
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            loop.callSoon(() -> log.add("1"));
            Handle cancelled = loop.callSoon(() -> log.add("cancelled"));
            loop.callSoon(() -> log.add("2"));
            cancelled.cancel();
            assertTrue(cancelled.cancelled());
            log.add("queued");
            Aio.sleep(0);
            log.add("after yield");
        });
        assertEquals(List.of("queued", "1", "2", "after yield"), log);
    }

    @Test
    void callLaterRunsInDeadlineOrderAndCanBeCancelled() throws Exception {
        List<String> log = new ArrayList<>();
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            loop.callLater(0.03, () -> log.add("30ms"));
            TimerHandle never = loop.callLater(Duration.ofMillis(20), () -> log.add("never"));
            TimerHandle h = loop.callLater(0.01, () -> log.add("10ms"));
            loop.callAt(loop.time() + 0.02, () -> log.add("at 20ms"));
            never.cancel();
            assertTrue(h.when() > loop.time() - 1);
            Aio.sleep(0.05);
        });
        assertEquals(List.of("10ms", "at 20ms", "30ms"), log);
    }

    @Test
    void callSoonThreadsafeWakesALoopWaitingInItsSelector() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Task<Void> waiter = Aio.createTask(() -> Aio.sleep(3600));
            Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(() -> {
                log.add("from another thread");
                waiter.cancel();
            }));
            assertThrows(CancelledError.class, waiter::await);
        });
        assertEquals(List.of("from another thread"), log);
    }

    @Test
    void aCallbackThatThrowsIsReportedAndTheLoopGoesOn() throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        Config config = Config.defaults().withExceptionHandler((m, e) -> reported.add(m + " / " + e.getMessage()));
        String r = Aio.run(config, () -> {
            Aio.getRunningLoop().callSoon(() -> {
                throw new IllegalStateException("callback failed");
            });
            Aio.sleep(0);
            return "went on";
        });
        assertEquals("went on", r);
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("Exception in callback"), reported.get(0));
        assertTrue(reported.get(0).endsWith("callback failed"), reported.get(0));
    }

    @Test
    void aTaskExceptionNeverRetrievedIsReportedWhenTheLoopCloses() throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        Config config = Config.defaults().withExceptionHandler((m, e) -> reported.add(m + " / " + e.getMessage()));
        Aio.run(config, () -> {
            Aio.createTask("forgotten", () -> {
                throw new IllegalStateException("lost");
            });
            Task<Void> seen = Aio.createTask("seen", () -> {
                throw new IllegalStateException("seen");
            });
            Aio.sleep(0);
            assertEquals("seen", seen.exception().getMessage());
        });
        assertEquals(List.of("Task exception was never retrieved: task forgotten / lost"), reported);
    }

    @Test
    void theLoopClockIsMonotonicSeconds() throws Exception {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            double a = loop.time();
            Aio.sleep(0.002);
            double b = loop.time();
            assertTrue(b > a);
            assertTrue(loop.isRunning());
            assertFalse(loop.isClosed());
            assertEquals(1, loop.parallelism());
        });
    }

    @Test
    void aRunnerReusesOneLoopAcrossRunsAndClosesIt() throws Exception {
        EventLoop loop;
        List<String> log = new ArrayList<>();
        try (Runner runner = Aio.runner()) {
            loop = runner.loop();
            runner.run(() -> {
                assertSame(runner.loop(), Aio.getRunningLoop());
                Aio.createTask(() -> {
                    try {
                        Aio.sleep(3600);
                    } finally {
                        log.add("cancelled at close");
                    }
                });
            });
            assertEquals(7, runner.run(() -> {
                assertSame(runner.loop(), Aio.getRunningLoop());
                return 7;
            }));
            assertFalse(loop.isRunning());
            assertTrue(log.isEmpty());
        }
        assertTrue(loop.isClosed());
        assertEquals(List.of("cancelled at close"), log);
    }

    @Test
    void aClosedRunnerRefusesToRun() throws Exception {
        Runner runner = Aio.runner();
        runner.close();
        runner.close(); // idempotent
        assertEquals("Runner is closed", assertThrows(IllegalStateException.class, () -> runner.run(() -> 1)).getMessage());
    }

    @Test
    void submitRunsABodyOnTheLoopFromAnotherThread() throws Exception {
        CompletableFuture<CompletableFuture<String>> submitted = new CompletableFuture<>();
        String r = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Thread.ofPlatform().start(() -> submitted.complete(loop.submit(() -> {
                Aio.sleep(0.01);
                return "from " + Aio.currentTask().name().substring(0, 5);
            })));
            while (!submitted.isDone()) {
                Aio.sleep(0.001);
            }
            CompletableFuture<String> f = submitted.get();
            while (!f.isDone()) {
                Aio.sleep(0.001);
            }
            return f.get();
        });
        assertEquals("from Task-", r);
    }

    @Test
    void taskIsAFutureForOtherThreads() throws Exception {
        CompletableFuture<Object> fromThread = new CompletableFuture<>();
        Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                Aio.sleep(0.02);
                return "value";
            });
            Thread.ofPlatform().start(() -> {
                try {
                    fromThread.complete(t.get(10, TimeUnit.SECONDS));
                } catch (Exception e) {
                    fromThread.complete(e);
                }
            });
            var e = assertThrows(IllegalStateException.class, t::get);
            assertTrue(e.getMessage().contains("inside a task use task.await()"), e.getMessage());
            t.await();
            while (!fromThread.isDone()) {
                Aio.sleep(0.001);
            }
            assertEquals("value", t.resultNow());
        });
        assertEquals("value", fromThread.get());
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheTask() throws Exception {
        Aio.run(() -> {
            Task<Void> t = Aio.createTask(() -> Aio.sleep(3600));
            CompletableFuture<Void> f = t.toCompletableFuture();
            assertSame(f, t.toCompletableFuture());
            f.cancel(true);
            assertThrows(CancelledError.class, t::await);
            assertTrue(t.cancelled());
        });
    }

    @Test
    void theCompletableFutureCarriesTheOutcome() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        var futures = Aio.run(() -> {
            Task<String> ok = Aio.createTask(() -> "ok");
            Task<String> bad = Aio.createTask(() -> {
                throw boom;
            });
            Task<String> gone = Aio.createTask(() -> {
                Aio.sleep(10);
                return "";
            });
            Aio.sleep(0);
            gone.cancel();
            Aio.sleep(0);
            return List.of(ok.toCompletableFuture(), bad.toCompletableFuture(), gone.toCompletableFuture());
        });
        assertEquals("ok", futures.get(0).get());
        assertSame(boom, assertThrows(ExecutionException.class, () -> futures.get(1).get()).getCause());
        assertThrows(CancellationException.class, () -> futures.get(2).get());
    }

    @Test
    void configRejectsABadParallelism() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> Config.parallel(0));
        assertEquals("parallelism is the number of task bodies that may run at once and must be >= 1: 0", e.getMessage());
    }

    @Test
    void sleepRejectsNaN() throws Exception {
        Aio.run(() -> {
            var e = assertThrows(IllegalArgumentException.class, () -> Aio.sleep(Double.NaN));
            assertEquals("Aio.sleep's delay must be a number of seconds, not NaN", e.getMessage());
            Aio.sleep(-1); // negative: like sleep(0)
        });
    }

    @Test
    void aSubmissionThatTheLoopNeverRanFailsWithLoopClosedWhenTheRunnerCloses() throws Exception {
        CompletableFuture<Integer> f;
        EventLoop loop;
        try (Runner runner = Aio.runner(Config.defaults())) {
            runner.run(() -> null);
            loop = runner.loop();
            f = loop.submit(() -> 42);
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException
                && e.getCause().getMessage().startsWith("Event loop is closed"), String.valueOf(e.getCause()));
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> loop.submit(() -> 1));
        assertEquals("Event loop is closed", late.getMessage());
    }

    @Test
    void everySubmissionAcceptedWhileTheLoopClosesEnds() throws Exception {
        for (int round = 0; round < 20; round++) {
            List<CompletableFuture<Integer>> accepted = Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> submitters = new ArrayList<>();
            try (Runner runner = Aio.runner(Config.defaults())) {
                EventLoop loop = runner.loop();
                for (int i = 0; i < 3; i++) {
                    submitters.add(Thread.ofPlatform().start(() -> {
                        for (int n = 0; n < 2_000 && !stop.get(); n++) { // bounded: a flood would starve the loop
                            Thread.yield();
                            try {
                                accepted.add(loop.submit(() -> {
                                    Aio.sleep(0);
                                    return 1;
                                }));
                            } catch (IllegalStateException closed) {
                                return; // refused: the loop is closed, nothing to wait for
                            }
                        }
                    }));
                }
                runner.run(() -> Aio.sleep(0.002));
            }
            stop.set(true);
            for (Thread t : submitters) {
                t.join();
            }
            List<CompletableFuture<Integer>> all;
            synchronized (accepted) {
                all = new ArrayList<>(accepted);
            }
            for (CompletableFuture<Integer> f : all) {
                try {
                    f.get(10, TimeUnit.SECONDS); // ran
                } catch (CancellationException | ExecutionException ended) {
                    // cancelled by close(), or failed with "Event loop is closed": ended either way
                }
            }
            assertTrue(all.stream().allMatch(CompletableFuture::isDone));
        }
    }
}

package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.ErrorSink;
import io.aio4j.bridge.lowlevel.Clock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.bridge.Carrier;
import io.aio4j.bridge.lowlevel.Forever;
import io.aio4j.bridge.lowlevel.TaskCore;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine on its own (loop, fibers, timers), each case over both carriers, as the JDK's
 * StructuredTaskScopeTest runs each case over its thread factories.
 */
class EngineTest {

    static Stream<Carrier> carriers() {
        return Stream.of(Carrier.loopThread(), Carrier.virtualThreads());
    }

    /** The smallest task: a body, and what it ended with. */
    static final class Body implements TaskCore.Host<Object> {
        static final class Cancelled extends Error {
            Cancelled(String message, Throwable cause) {
                super(message, cause);
            }
        }

        interface Code {
            void run(Body self) throws Exception;
        }

        private final Code code;
        final AtomicReference<Object> outcome = new AtomicReference<>();

        final Loop loop;
        final TaskFiber<Object> core;

        Body(Loop loop, Code code) {
            this.loop = loop;
            this.code = code;
            this.core = new TaskFiber<>(loop, this);
            core.start();
        }

        boolean cancel(String message) {
            return core.cancel(message);
        }

        @Override
        public String name() {
            return "body";
        }

        @Override
        public Object call() throws Exception {
            try {
                code.run(this);
                outcome.set("done");
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                loop.stop();
            }
            return null;
        }

        @Override
        public boolean isCancellation(Throwable t) {
            return t instanceof Cancelled;
        }

        @Override
        public void beforeOutcome(int how, Throwable error) {
            if (how == TaskCore.CANCELLED && outcome.get() == null) {
                outcome.set("cancelled before start");
                loop.stop();
            }
        }

        @Override
        public void runDoneCallback(Object callback) {
        }

        @Override
        public Error newCancelledError(String message, Throwable cause) {
            return new Cancelled(message, cause);
        }

        /** Parks until the waiter it puts in {@code box} is woken. */
        void awaitResume(AtomicReference<Waiter> box) {
            Waiter w = new Waiter();
            box.set(w);
            core.awaitWaiter(w, null, false);
        }
    }

    private static Object run(Carrier carrier, Body.Code code) {
        Loop loop = new Loop(1, carrier, Clock.SYSTEM, ErrorSink.LOG);
        try {
            Body b = new Body(loop, code);
            loop.runForever();
            return b.outcome.get();
        } finally {
            loop.close();
        }
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void aResumeFromAnotherThreadWakesALoopWaitingInItsSelector(Carrier carrier) throws Exception {
        Object outcome = run(carrier, self -> {
            AtomicReference<Waiter> box = new AtomicReference<>();
            for (int i = 0; i < 200; i++) {
                Thread.ofPlatform().start(() -> {
                    while (box.get() == null) {
                        Thread.onSpinWait();
                    }
                    box.getAndSet(null).wake(); // the loop is (about to be) selecting
                });
                self.awaitResume(box);
            }
        });
        assertEquals("done", outcome);
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void aCancelAndATimerFromAnotherThreadReachAFiberParkedWhileTheLoopSelects(Carrier carrier) throws Exception {
        Object outcome = run(carrier, self -> {
            AtomicReference<Waiter> box = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    while (box.get() == null) {
                        Thread.onSpinWait();
                    }
                    Thread.sleep(20); // the loop is waiting in its selector by now
                    // an owned loop takes both through its inbox; the others through the lock
                    Waiter first = box.get();
                    self.loop.callLater(1_000_000, first::wake);
                    while (box.get() == first) {
                        Thread.onSpinWait();
                    }
                    Thread.sleep(20);
                    self.cancel("cancelled from another thread");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            try {
                self.awaitResume(box); // woken by a timer another thread set
                self.awaitResume(box); // nobody wakes this one: only the cancel ends it
            } finally {
                other.join();
            }
        });
        assertInstanceOf(Body.Cancelled.class, outcome);
        assertEquals("cancelled from another thread", ((Throwable) outcome).getMessage());
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void aFiberResumedThenCancelledBeforeItRunsSeesTheCancellationAtThatAwait(Carrier carrier) throws Exception {
        Object outcome = run(carrier, self -> {
            AtomicReference<Waiter> box = new AtomicReference<>();
            self.loop.callSoon(() -> {
                box.get().wake(); // the fiber is ready to run...
                self.cancel("cancelled during the handoff"); // ...and cancelled before it does
            });
            self.awaitResume(box);
        });
        assertInstanceOf(Body.Cancelled.class, outcome);
        assertEquals("cancelled during the handoff", ((Throwable) outcome).getMessage());
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void aFiberCancelledBeforeItsFirstStepNeverRuns(Carrier carrier) throws Exception {
        Loop loop = new Loop(1, carrier, Clock.SYSTEM, ErrorSink.LOG);
        try {
            List<String> ran = new ArrayList<>();
            Body b = new Body(loop, self -> ran.add("ran"));
            b.cancel(null);
            loop.runForever();
            assertEquals("cancelled before start", b.outcome.get());
            assertEquals(List.of(), ran);
        } finally {
            loop.close();
        }
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void aTimerAtTheFarEndOfTheClockDoesNotFireWhileANearOneDoes(Carrier carrier) throws Exception {
        List<String> fired = new ArrayList<>();
        Object outcome = run(carrier, self -> {
            self.loop.callLater(Long.MAX_VALUE, () -> fired.add("far"));
            self.loop.callLater(Long.MAX_VALUE - self.loop.nanoTime() + 1, () -> fired.add("past the end"));
            self.loop.callAt(Forever.NEVER, () -> fired.add("never"));
            AtomicReference<Waiter> box = new AtomicReference<>();
            self.loop.callLater(1_000_000, () -> box.get().wake());
            self.awaitResume(box);
        });
        assertEquals("done", outcome);
        assertEquals(List.of(), fired, "a delay near Long.MAX_VALUE must not wrap round into the past");
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void manyCancelledTimersAreDroppedAndTheLiveOneStillFires(Carrier carrier) throws Exception {
        Object outcome = run(carrier, self -> {
            List<Timer> timers = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                timers.add(self.loop.callLater(3_600_000_000_000L + i, () -> {
                    throw new AssertionError("a cancelled timer fired");
                }));
            }
            for (Timer t : timers) {
                t.cancel();
            }
            AtomicReference<Waiter> box = new AtomicReference<>();
            self.loop.callLater(1_000_000, () -> box.get().wake());
            self.awaitResume(box);
            assertTrue(self.loop.timerCount() < 1_000, "cancelled timers left in the heap: " + self.loop.timerCount());
        });
        assertEquals("done", outcome);
        assertFalse(outcome instanceof Throwable);
    }
}

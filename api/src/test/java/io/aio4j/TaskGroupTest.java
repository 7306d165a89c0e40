package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ported from CPython's test_taskgroups.py; each expected log is CPython 3.11's (see /tmp/t6.py cases). */
class TaskGroupTest {
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

    private static Void crash(double delay, RuntimeException e) {
        Aio.sleep(delay);
        throw e;
    }

    @Test
    void theGroupWaitsForAllItsTasks() throws Exception {
        VirtualTime.run(() -> {
            List<Task<String>> ts = new ArrayList<>();
            Aio.taskGroup(tg -> {
                ts.add(tg.createTask(() -> ok("r1", 0.01)));
                ts.add(tg.createTask("second", () -> ok("r2", 0)));
            });
            assertEquals("r1", ts.get(0).result());
            assertEquals("r2", ts.get(1).result());
            assertEquals("second", ts.get(1).name());
        });
        assertEquals(List.of("r2 done", "r1 done"), log);
    }

    @Test
    void aFailingTaskCancelsItsSiblingsAndTheBody() throws Exception {
        // asyncio 1: ['a cancelled', 'body cancelled', "EG ['ZeroDivisionError']"] 0
        ArithmeticException crash = new ArithmeticException("crash");
        VirtualTime.run(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(tg -> {
                tg.createTask(() -> ok("a", 1));
                tg.createTask(() -> crash(0.01, crash));
                try {
                    Aio.sleep(1);
                    log.add("body continued");
                } catch (CancelledError e) {
                    log.add("body cancelled");
                    throw e;
                }
            }));
            assertEquals(List.of(crash), eg.exceptions());
            assertEquals("unhandled errors in a TaskGroup (1 sub-exception)", eg.getMessage());
            assertEquals(0, Aio.currentTask().cancelling());
        });
        assertEquals(List.of("a cancelled", "body cancelled"), log);
    }

    @Test
    void theBodysExceptionCancelsTheTasksAndJoinsTheGroup() throws Exception {
        // asyncio 2: ['b cancelled', "unhandled errors in a TaskGroup (1 sub-exception) ['body']"]
        IllegalArgumentException body = new IllegalArgumentException("body");
        VirtualTime.run(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(tg -> {
                tg.createTask(() -> ok("b", 1));
                Aio.sleep(0);
                throw body;
            }));
            assertEquals(List.of(body), eg.exceptions());
        });
        assertEquals(List.of("b cancelled"), log);
    }

    @Test
    void everyFailureIsInTheGroup() throws Exception {
        // asyncio 3: ['c cancelled', "unhandled errors in a TaskGroup (2 sub-exceptions) ['KeyError', 'ValueError']"]
        VirtualTime.run(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(tg -> {
                tg.createTask(() -> crash(0.01, new IllegalArgumentException("value")));
                tg.createTask(() -> crash(0.01, new IllegalStateException("key")));
                tg.createTask(() -> ok("c", 1));
            }));
            assertEquals("unhandled errors in a TaskGroup (2 sub-exceptions)", eg.getMessage());
            List<String> kinds = eg.exceptions().stream().map(e -> e.getClass().getSimpleName())
                    .sorted(Comparator.naturalOrder()).toList();
            assertEquals(List.of("IllegalArgumentException", "IllegalStateException"), kinds);
            assertEquals(2, eg.getSuppressed().length);
        });
        assertEquals(List.of("c cancelled"), log);
    }

    @Test
    void cancellingTheTaskRunningTheGroupCancelsItsTasks() throws Exception {
        // asyncio 4: ['d cancelled', "runner cancelled ('stop',)"] True 1
        VirtualTime.run(() -> {
            Task<Void> runner = Aio.createTask(() -> Aio.taskGroup(tg -> {
                tg.createTask(() -> ok("d", 1));
                Aio.sleep(1);
            }));
            Aio.sleep(0.01);
            runner.cancel("stop");
            CancelledError e = assertThrows(CancelledError.class, runner::await);
            log.add("runner cancelled " + e.getMessage());
            assertTrue(runner.cancelled());
            assertEquals(1, runner.cancelling());
        });
        assertEquals(List.of("d cancelled", "runner cancelled stop"), log);
    }

    @Test
    void createTaskOnAFinishedGroupIsAnError() throws Exception {
        // asyncio 5: finished <TaskGroup entered>
        VirtualTime.run(() -> {
            TaskGroup[] kept = new TaskGroup[1];
            Aio.taskGroup(tg -> kept[0] = tg);
            var e = assertThrows(IllegalStateException.class, () -> kept[0].createTask(() -> 1));
            assertEquals("TaskGroup <TaskGroup entered> is finished", e.getMessage());
        });
    }

    @Test
    void createTaskOnAnAbortingGroupIsAnError() throws Exception {
        // asyncio 7: ['shutting down']
        VirtualTime.run(() -> {
            assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(tg -> {
                tg.createTask(() -> crash(0, new IllegalStateException("x")));
                try {
                    Aio.sleep(1);
                } catch (CancelledError c) {
                    var e = assertThrows(IllegalStateException.class, () -> tg.createTask(() -> "late"));
                    log.add(e.getMessage().substring(e.getMessage().lastIndexOf(" is ") + 4));
                    throw c;
                }
            }));
            assertEquals(0, Aio.currentTask().cancelling()); // asyncio 3.13 keeps the count
        });
        assertEquals(List.of("shutting down"), log);
    }

    @Test
    void aFailureInANestedGroupCancelsTheOuterGroupsTasksToo() throws Exception {
        // asyncio 6: ['outer-sibling cancelled', EG(1) of [EG(1) of ZeroDivisionError]]
        ArithmeticException crash = new ArithmeticException("crash");
        VirtualTime.run(() -> {
            ExceptionGroup outer = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g1 -> {
                g1.createTask(() -> ok("outer-sibling", 1));
                Aio.taskGroup(g2 -> g2.createTask(() -> crash(0.01, crash)));
            }));
            ExceptionGroup inner = assertInstanceOf(ExceptionGroup.class, outer.exceptions().get(0));
            assertSame(crash, inner.exceptions().get(0));
            assertEquals(1, outer.exceptions().size());
            assertEquals(0, Aio.currentTask().cancelling());
        });
        assertEquals(List.of("outer-sibling cancelled"), log);
    }

    @Test
    void aCaughtGroupFailureLeavesTheTaskUncancelled() throws Exception {
        // asyncio 3.13: the body's cancellation by the group is taken back; the task goes on awaiting
        VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                try {
                    Aio.taskGroup(tg -> {
                        tg.createTask(() -> crash(0.01, new IllegalStateException("x")));
                        Aio.sleep(1);
                    });
                } catch (ExceptionGroup e) {
                    log.add("caught");
                }
                Aio.sleep(0.01);
                return "went on, cancelling=" + Aio.currentTask().cancelling();
            });
            assertEquals("went on, cancelling=0", t.await());
        });
        assertEquals(List.of("caught"), log);
    }

    @Test
    void failuresWinOverAnOutsideCancellationWhichStaysPending() throws Exception {
        VirtualTime.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                try {
                    Aio.taskGroup(tg -> {
                        tg.createTask(() -> {
                            try {
                                Aio.sleep(1);
                            } finally {
                                throw new IllegalStateException("failed while cancelled");
                            }
                        });
                        Aio.sleep(1);
                    });
                } catch (ExceptionGroup e) {
                    log.add("group: " + e.exceptions().get(0).getMessage());
                }
                Aio.sleep(0); // the outside cancellation is still pending: delivered here
                return "not reached";
            });
            Aio.sleep(0.01);
            t.cancel();
            assertThrows(CancelledError.class, t::await);
            assertEquals(1, t.cancelling());
        });
        assertEquals(List.of("group: failed while cancelled"), log);
    }

    @Test
    void aGroupOutsideATaskSaysToWrapTheCodeInAioRun() throws Exception {
        var e = assertThrows(IllegalStateException.class, () -> Aio.taskGroup(tg -> { }));
        assertTrue(e.getMessage().contains("Aio.run"), e.getMessage());
    }
}

package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Debug mode (asyncio.run(main(), debug=True)) and the task dumps. */
class DebugModeTest {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one loses the handler. */
    private static final Logger AIO4J_LOGGER = Logger.getLogger("io.aio4j");
    private static final Config DEBUG = Config.defaults().debug(true).withSlowCallbackDuration(Duration.ofMillis(40));

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logged) {
                logged.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() throws Exception {
        AIO4J_LOGGER.addHandler(capture);
    }

    @AfterEach
    void stopListening() throws Exception {
        AIO4J_LOGGER.removeHandler(capture);
    }

    private List<LogRecord> logged(String containing) {
        synchronized (logged) {
            return logged.stream().filter(r -> r.getMessage().contains(containing)).toList();
        }
    }

    static void blockTheLoop(long millis) {
        try {
            Thread.sleep(millis); // what a blocking call in a task does: holds the baton
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void debugIsOnFromThePropertyOrTheEnvironment() throws Exception {
        assertFalse(Config.debugFrom(null, null));
        assertTrue(Config.debugFrom("true", null));
        assertTrue(Config.debugFrom(null, "1"));
        assertFalse(Config.debugFrom("false", "1")); // the property wins
        assertFalse(Config.debugFrom(null, "0"));
        assertTrue(DEBUG.debug());
        assertEquals(Duration.ofMillis(40), DEBUG.slowCallbackDuration());
        var e = assertThrows(IllegalArgumentException.class, () -> DEBUG.withSlowCallbackDuration(Duration.ZERO));
        assertEquals("slowCallbackDuration must be > 0: PT0S", e.getMessage());
    }

    @Test
    void aSlowStepIsLoggedWithTheTaskAndTheStackWhereItWas() throws Exception {
        Aio.run(DEBUG, () -> {
            assertTrue(Aio.getRunningLoop().debug());
            Aio.createTask("slowpoke", () -> blockTheLoop(200)).await();
            Aio.sleep(0.001); // a fast step is not logged
        });
        // as asyncio, the task is named as it is after the step: here the step was its last
        List<LogRecord> slow = logged("Executing <Task");
        assertEquals(1, slow.size(), "one slow step: " + slow.stream().map(LogRecord::getMessage).toList());
        LogRecord r = slow.get(0);
        assertTrue(r.getMessage().matches("Executing <Task finished name='slowpoke' result=None> took 0\\.\\d{3} seconds"), r.getMessage());
        assertEquals(java.util.logging.Level.WARNING, r.getLevel());
        String stack = java.util.Arrays.toString(r.getThrown().getStackTrace());
        assertTrue(stack.contains("DebugModeTest.blockTheLoop"), stack);
        assertTrue(r.getThrown().getMessage().contains("slowCallbackDuration (0.040 s)"), r.getThrown().getMessage());
    }

    @Test
    void withoutDebugModeNothingIsLoggedAndTheThresholdCanBeChangedWhileRunning() throws Exception {
        Aio.run(() -> {
            assertFalse(Aio.getRunningLoop().debug());
            blockTheLoop(100);
            Aio.getRunningLoop().setSlowCallbackDuration(Duration.ofMillis(20));
            Aio.getRunningLoop().setDebug(true); // asyncio: loop.set_debug(True)
            Aio.sleep(0);
            blockTheLoop(60);
            Aio.sleep(0);
        });
        assertEquals(1, logged("Executing <Task").size());
    }

    @Test
    void theLoopsNonThreadSafeMethodsRaiseFromAnotherThread() throws Exception {
        Aio.run(DEBUG, () -> {
            EventLoop loop = Aio.getRunningLoop();
            var e = assertThrows(IllegalStateException.class, () -> Aio.toThread(() -> loop.callSoon(() -> { })));
            assertTrue(e.getMessage().startsWith("Non-thread-safe operation invoked on an event loop other than the current one: "
                    + "EventLoop.callSoon called from thread aio4j-to-thread-"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> Aio.toThread(() -> loop.callLater(1, () -> { })));
            Aio.toThread(() -> loop.callSoonThreadsafe(() -> { })); // the thread-safe one is fine
        });
        Aio.run(() -> { // and without debug mode, asyncio does not check either
            EventLoop loop = Aio.getRunningLoop();
            Aio.toThread(() -> loop.callSoon(() -> { }));
        });
    }

    @Test
    void awaitingATaskOfAnotherLoopRaises() throws Exception {
        try (Runner other = Aio.runner(DEBUG)) {
            java.util.concurrent.CompletableFuture<Task<String>> foreign = new java.util.concurrent.CompletableFuture<>();
            Thread t = Thread.ofPlatform().start(() -> other.run(() -> {
                Task<String> task = Aio.createTask(() -> {
                    Aio.sleep(0.05);
                    return "there";
                });
                foreign.complete(task);
                return task.await();
            }));
            Aio.run(DEBUG, () -> {
                var e = assertThrows(IllegalStateException.class, () -> foreign.get().await());
                assertTrue(e.getMessage().contains("belongs to another event loop"), e.getMessage());
            });
            t.join();
        }
    }

    @Test
    void aTaskNeverAwaitedAndAnExceptionNeverRetrievedNameWhereTheTaskWasCreated() throws Exception {
        Aio.run(DEBUG, () -> {
            Aio.createTask("forgotten", () -> Aio.sleep(3600));
            Aio.createTask("failing", () -> {
                throw new IllegalStateException("boom");
            });
            Aio.sleep(0.01);
        });
        List<LogRecord> never = logged("was never awaited");
        assertEquals(1, never.size());
        assertTrue(never.get(0).getMessage().matches("Task forgotten was never awaited: it was still pending when Aio.run\\(\\) "
                + "returned and is cancelled \\(created at io\\.aio4j\\.DebugModeTest\\.lambda.*\\(DebugModeTest\\.java:\\d+\\)\\)"),
                never.get(0).getMessage());
        List<LogRecord> unretrieved = logged("Task exception was never retrieved");
        assertEquals(1, unretrieved.size());
        assertTrue(unretrieved.get(0).getMessage().contains("task failing (created at io.aio4j.DebugModeTest.lambda"),
                unretrieved.get(0).getMessage());
    }

    @Test
    void dumpTasksShowsTheTreeWithWhatEachTaskAwaits() throws Exception {
        String dump = Aio.run(() -> {
            Task<?> sleeper = Aio.createTask("sleeper", () -> Aio.sleep(60));
            Task<?> parent = Aio.createTask("parent", () -> Aio.taskGroup(tg -> {
                tg.createTask("member-1", () -> Aio.sleep(60));
                tg.createTask("member-2", () -> new io.aio4j.sync.Event().await());
            }));
            Aio.sleep(0.01);
            String d = Aio.dumpTasks();
            sleeper.cancel();
            parent.cancel();
            return d;
        });
        String[] lines = dump.split("\n");
        assertTrue(lines[0].matches("<EventLoop running=true .*>: 5 tasks"), lines[0]);
        assertTrue(lines[1].startsWith("Task 'Task-") && lines[1].endsWith("(running)"), lines[1]);
        assertTrue(dump.contains("\n  Task 'sleeper' (waiting) awaiting Aio.sleep at io.aio4j.DebugModeTest.lambda"), dump);
        assertTrue(dump.contains("\n      at io.aio4j.Aio.sleep(Aio.java:"), dump);
        assertTrue(dump.contains("\n  Task 'parent' (waiting) awaiting Aio.taskGroup at "), dump);
        assertTrue(dump.contains("\n    <TaskGroup tasks=2 entered>\n      Task 'member-1' (waiting) awaiting Aio.sleep at "), dump);
        assertTrue(dump.contains("\n      Task 'member-2' (waiting) awaiting Event.await at "), dump);
    }

    @Test
    void dumpsAreReachableFromOtherThreadsAndOverJmx() throws Exception {
        Aio.run(() -> {
            Aio.createTask("visible", () -> Aio.sleep(60));
            Aio.sleep(0.01);
            String fromOutside = Aio.toThread(Aio::dumpTasks);
            assertTrue(fromOutside.contains("Task 'visible' (waiting) awaiting Aio.sleep"), fromOutside);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("io.aio4j:type=Tasks");
            for (int i = 0; i < 500 && !server.isRegistered(name); i++) {
                Aio.toThread(() -> {
                    Thread.sleep(10); // registration runs on its own thread at the first loop
                    return null;
                });
            }
            String viaJmx = Aio.toThread(() -> (String) server.invoke(name, "dumpTasks", null, null));
            assertTrue(viaJmx.contains("Task 'visible' (waiting)"), viaJmx);
            StringWriter w = new StringWriter();
            Aio.getRunningLoop().dumpTasks(w);
            assertTrue(w.toString().contains("Task 'visible'"));
            for (Task<?> t : Aio.allTasks()) {
                if (t != Aio.currentTask()) {
                    t.cancel();
                }
            }
        });
    }
}

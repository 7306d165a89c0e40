package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.sync.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** asyncio's add_signal_handler / remove_signal_handler, with a real signal sent to this JVM. */
class SignalHandlerTest {

    private static void kill(String signal) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + signal, String.valueOf(ProcessHandle.current().pid())).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aSignalRunsTheCallbackOnTheLoopUntilTheHandlerIsRemoved() throws Exception {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Event got = new Event();
            Thread loopThread = Thread.currentThread();
            // SIGWINCH: its default is to be ignored, so a handler that failed to install harms nothing
            loop.addSignalHandler("SIGWINCH", () -> {
                threads.add(Thread.currentThread() == loopThread || Aio.currentTask() == null ? "loop" : "elsewhere");
                got.set();
            });
            Aio.toThread(() -> {
                kill("WINCH");
                return null;
            });
            Aio.waitFor(10, got::await);
            assertTrue(loop.removeSignalHandler("WINCH"), "the SIG prefix is optional");
            assertFalse(loop.removeSignalHandler("SIGWINCH"), "already removed");
        });
        assertEquals(List.of("loop"), threads);
    }

    @Test
    void badSignalsAreNamed() throws Exception {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> loop.addSignalHandler("SIGNOPE", () -> { }));
            assertTrue(unknown.getMessage().contains("SIGNOPE"), unknown.getMessage());
            IllegalArgumentException kill = assertThrows(IllegalArgumentException.class,
                    () -> loop.addSignalHandler("SIGKILL", () -> { }));
            assertTrue(kill.getMessage().contains("KILL"), kill.getMessage());
            assertFalse(loop.removeSignalHandler("SIGTERM"), "none was added");
        });
    }
}

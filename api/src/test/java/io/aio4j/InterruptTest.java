package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** asyncio's Runner: Ctrl-C, or here also an interrupt of the thread in Aio.run, cancels the main task. */
class InterruptTest {

    @Test
    void interruptingTheThreadInAioRunCancelsTheMainTask() throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        boolean[] stillInterrupted = {false};
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                Aio.run(() -> Aio.sleep(60));
            } catch (Throwable e) {
                ended.set(e);
            }
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        Thread.sleep(200); // the loop waits in its selector by now
        runner.interrupt();
        runner.join(10_000);
        assertTrue(ended.get() instanceof CancelledError, "Aio.run ended with " + ended.get());
        assertEquals("interrupted", ended.get().getMessage());
        assertTrue(stillInterrupted[0], "the caller still sees its interrupt");
    }

    @Test
    void theFirstCtrlCCancelsTheMainTask() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "POSIX signals");
        org.junit.jupiter.api.Assumptions.assumeFalse(sigintIgnored(),
                "this JVM was started with SIGINT ignored (a background job): its child inherits that, as asyncio would");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(List.of("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-Daio4j.carrier=" + System.getProperty("aio4j.carrier", "virtual-threads"),
                "-cp", System.getProperty("java.class.path"), SigintProbe.class.getName()));
        java.lang.Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        assertEquals("READY", out.readLine());
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertEquals("cancelled: interrupted by SIGINT", out.readLine());
        assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    /** Whether this process ignores SIGINT (Linux: bit 2 of /proc/self/status's SigIgn mask). */
    private static boolean sigintIgnored() throws java.io.IOException {
        java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
        if (!java.nio.file.Files.exists(status)) {
            return false;
        }
        for (String line : java.nio.file.Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
            }
        }
        return false;
    }
}

package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.bridge.Carrier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Choosing a carrier, what each one means for threads, and the errors that say how to fix a choice. */
class CarrierTest {
    private static final String ASKED = System.getProperty("aio4j.carrier", "");

    @Test
    void tasksRunOnTheCarrierTheBuildAskedFor() throws Exception {
        Thread caller = Thread.currentThread();
        Thread[] inTask = new Thread[2];
        VirtualTime.run(() -> {
            inTask[0] = Thread.currentThread();
            Aio.createTask(() -> inTask[1] = Thread.currentThread()).await();
        });
        if (ASKED.equals("loop-thread")) {
            assertSame(caller, inTask[0], "on the loop-thread carrier a task runs on the loop's own thread");
            assertSame(caller, inTask[1]);
        } else if (ASKED.equals("virtual-threads")) {
            assertTrue(inTask[0].isVirtual() && inTask[1].isVirtual() && inTask[0] != inTask[1],
                    "on virtual threads each task is a virtual thread of its own");
        }
    }

    @Test
    void theLoopThreadCarrierRefusesParallelModeSayingWhatToUse() throws Exception {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Aio.run(Config.parallel(2).withCarrier(Carrier.loopThread()), () -> null));
        assertTrue(e.getMessage().startsWith("Config.parallel(2) runs bodies on several threads at once"), e.getMessage());
        assertTrue(e.getMessage().contains("Carrier.virtualThreads()"), e.getMessage());
    }

    @Test
    void parallelModeWithoutAChosenCarrierRunsOnVirtualThreads() throws Exception {
        assertSame(Carrier.virtualThreads(), Config.parallel(2).carrier());
        assertTrue(Aio.run(Config.parallel(2), () -> Thread.currentThread().isVirtual()));
    }

    @Test
    void anUnknownCarrierPropertyNamesTheValuesItTakes() throws Exception {
        List<String> out = probe(List.of("-Daio4j.carrier=fibers"));
        assertTrue(out.contains("java.lang.IllegalArgumentException: -Daio4j.carrier must be loop-thread or "
                + "virtual-threads: \"fibers\""), String.valueOf(out));
    }

    @Test
    void askingForTheLoopThreadCarrierWithoutTheFlagNamesTheFlag() throws Exception {
        List<String> out = probe(List.of("-Daio4j.carrier=loop-thread"));
        assertTrue(out.size() == 1 && out.get(0).startsWith("java.lang.IllegalStateException: The loop-thread carrier "
                + "(-Daio4j.carrier=loop-thread) needs the JVM option --add-exports java.base/jdk.internal.vm=ALL-UNNAMED"),
                String.valueOf(out));
    }

    @Test
    void withoutTheFlagTheDefaultIsVirtualThreads() throws Exception {
        assertEquals(List.of("ran"), probe(List.of()));
    }

    /** Runs {@link CarrierProbe} in a new JVM with {@code options} and returns what it printed. */
    private static List<String> probe(List<String> options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CarrierProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM ended");
        assertFalse(text.isEmpty(), "the probe printed something");
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank() && !l.startsWith("WARNING")) {
                lines.add(l.strip());
            }
        }
        return lines;
    }
}

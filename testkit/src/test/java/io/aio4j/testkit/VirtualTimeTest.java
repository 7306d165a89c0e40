package io.aio4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.TimeoutError;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** @AioTest's virtual clock: hours pass in milliseconds, but never past real work in flight. */
class VirtualTimeTest {

    @AioTest
    void anHourOfSleepingTakesNoRealTime(AioTestContext ctx) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            Aio.sleep(Duration.ofMinutes(1));
        }
        assertEquals(3600, ctx.time(), 1e-6);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "virtual time should not wait in real time");
    }

    @AioTest
    void timeoutsAndWaitForRunOnTheVirtualClock(AioTestContext ctx) throws Exception {
        assertThrows(TimeoutError.class, () -> Aio.waitFor(Duration.ofHours(1), () -> Aio.sleep(Duration.ofDays(1))));
        assertEquals(3600, ctx.time(), 1e-6);
        Task<String> slow = Aio.createTask(() -> {
            Aio.sleep(30);
            return "done";
        });
        assertEquals("done", Aio.timeout(Duration.ofMinutes(1), () -> slow.await()));
        assertEquals(3630, ctx.time(), 1e-6);
    }

    @AioTest
    void advanceRunsWhatBecameDue(AioTestContext ctx) throws Exception {
        int[] woke = {0};
        Aio.createTask(() -> {
            Aio.sleep(10);
            woke[0]++;
        });
        ctx.runUntilIdle(); // the task started and sleeps
        ctx.advance(Duration.ofSeconds(5));
        assertEquals(0, woke[0]);
        ctx.advance(Duration.ofSeconds(5));
        assertEquals(1, woke[0]);
        assertEquals(10, ctx.time(), 1e-6);
    }

    @AioTest
    void workOnAnotherThreadIsNotOvertakenByVirtualTime(AioTestContext ctx) throws Exception {
        // a thread's 200 ms of real work inside a 10-second virtual timeout: must not time out
        String r = Aio.waitFor(10, () -> Aio.toThread(() -> {
            Thread.sleep(200);
            return "finished";
        }));
        assertEquals("finished", r);
        assertTrue(ctx.time() < 10, "the clock jumped past the thread's work: " + ctx.time());
    }

    @AioTest(autojumpThresholdMillis = 1000)
    void dataInFlightOnARealSocketIsNotTimedOut(AioTestContext ctx) throws Exception {
        // a real peer that thinks for 150 ms: a threshold above its think time keeps the timeout away
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try (ss; Socket s = ss.accept()) {
                Thread.sleep(150); // slow, but real
                OutputStream out = s.getOutputStream();
                out.write("late but here\n".getBytes());
                out.flush();
                Thread.sleep(50);
            } catch (Exception e) {
                // the test sees the effect
            }
        });
        try (Connection c = Net.openConnection("127.0.0.1", ss.getLocalPort())) {
            byte[] line = Aio.waitFor(5, () -> c.reader().readline());
            assertEquals("late but here\n", new String(line));
        }
    }

    @Test
    void aTestCanRunWithoutJUnit() throws Throwable {
        AioTesting.run(AioTesting.Settings.defaults(), ctx -> {
            Aio.sleep(Duration.ofDays(365));
            assertEquals(365 * 86400, ctx.time(), 1e-3);
        });
    }

    @Test
    void aProgramThatCallsAioRunItselfRunsOnVirtualTime() throws Exception {
        double[] slept = new double[1];
        AioTesting.withVirtualTime(20, () -> Aio.run(() -> {
            double start = Aio.getRunningLoop().time();
            Aio.sleep(Duration.ofHours(1));
            slept[0] = Aio.getRunningLoop().time() - start;
        }));
        assertEquals(3600, slept[0], 1e-3);
        // outside, loops are on the system clock again: a 50 ms sleep takes real time
        long t0 = System.nanoTime();
        Aio.run(() -> Aio.sleep(0.05));
        assertTrue(System.nanoTime() - t0 >= 50_000_000, "the virtual clock outlived withVirtualTime");
    }
}

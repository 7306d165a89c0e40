package io.aio4j.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subprocesses; expected values are CPython 3.11's for the same programs (see the comments). */
class SubprocessTest {

    @Test
    void communicateFeedsStdinAndCollectsTheOutput() throws Exception {
        // asyncio: b'hello' b'' 0
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessExec("cat");
            Subprocess.Output out = p.communicate("hello".getBytes(UTF_8));
            assertEquals("hello", new String(out.stdout(), UTF_8));
            assertEquals(0, out.stderr().length);
            assertEquals(0, p.returncode());
        });
    }

    @Test
    void aShellCommandsStdoutStderrAndExitCode() throws Exception {
        // asyncio: b'out\n' b'err\n' 3
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessShell("echo out; echo err 1>&2; exit 3");
            Subprocess.Output out = p.communicate();
            assertEquals("out\n", new String(out.stdout(), UTF_8));
            assertEquals("err\n", new String(out.stderr(), UTF_8));
            assertEquals(3, p.returncode());
        });
    }

    @Test
    void terminateAndKillReportMinusTheSignal() throws Exception {
        // asyncio: running returncode None / terminated -> -15 / killed -> -9
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessExec("sleep", "10");
            assertNull(p.returncode());
            p.terminate();
            assertEquals(-15, p.await());
            Subprocess q = Net.createSubprocessExec("sleep", "10");
            q.kill();
            assertEquals(-9, q.await());
        });
    }

    @Test
    void stdoutIsAStreamReadLineByLine() throws Exception {
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessShell("printf 'a\\nb\\nc'");
            List<String> lines = new ArrayList<>();
            for (byte[] line : p.stdout()) {
                lines.add(new String(line, UTF_8));
            }
            assertEquals(List.of("a\n", "b\n", "c"), lines);
            assertEquals(0, p.await());
        });
    }

    @Test
    void aChildAnsweringLineByLineNeverLeavesALineUnread() throws Exception {
        // the pump thread fed the reader between readline's look at the buffer and its wait: the task
        // then waited for a line that was already there (about once in 2,500-20,000 round trips)
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessExec(List.of("cat"), SubprocessOptions.defaults());
            for (int i = 0; i < 100_000; i++) {
                byte[] line = (i + "\n").getBytes(UTF_8);
                p.stdin().write(line);
                p.stdin().drain();
                byte[] got = Aio.waitFor(java.time.Duration.ofSeconds(10), () -> p.stdout().readline());
                assertEquals(i + "\n", new String(got, UTF_8), "round trip " + i);
            }
            p.stdin().close();
            assertEquals(0, p.await());
        });
    }

    @Test
    void aLargeOutputFlowsThroughThePausedAndResumedPipe() throws Exception {
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessShell("head -c 3000000 /dev/zero");
            Aio.sleep(0.05); // let the reader fill past its limit and pause the pump
            assertEquals(3_000_000, p.stdout().read().length);
            assertEquals(0, p.await());
        });
    }

    @Test
    void stdinIsAStreamWithDrain() throws Exception {
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessShell("wc -c");
            for (int i = 0; i < 100; i++) {
                p.stdin().write(new byte[10_000]);
                p.stdin().drain();
            }
            p.stdin().close();
            assertEquals("1000000", new String(p.stdout().read(), UTF_8).trim());
            assertEquals(0, p.await());
        });
    }

    @Test
    void cancellingAWaitLeavesTheProcessRunning() throws Exception {
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessExec(List.of("sleep", "10"),
                    SubprocessOptions.defaults().withStdout(Stdio.DEVNULL).withStdin(Stdio.DEVNULL));
            assertNull(p.stdout());
            assertNull(p.stdin());
            Task<Integer> waiting = Aio.createTask(p::await);
            Aio.sleep(0.01);
            waiting.cancel();
            assertThrows(CancelledError.class, waiting::await);
            assertNull(p.returncode());
            p.kill();
            assertEquals(-9, p.await());
            assertTrue(p.pid() > 0);
        });
    }

    @Test
    void mergedStderrAndMisuse() throws Exception {
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessShell("echo to-err 1>&2", SubprocessOptions.defaults().withStderr(Stdio.STDOUT));
            assertNull(p.stderr());
            assertEquals("to-err\n", new String(p.communicate().stdout(), UTF_8));
            assertThrows(IllegalArgumentException.class, () -> SubprocessOptions.defaults().withStdout(Stdio.STDOUT));
            assertThrows(IllegalArgumentException.class, () -> Net.createSubprocessExec(List.of(), SubprocessOptions.defaults()));
        });
    }

    @Test
    void sendSignalDeliversAnySignalAndTheReturnCodeSaysWhich() throws Exception {
        // asyncio: proc.send_signal(signal.SIGINT); await proc.wait() == -signal.SIGINT
        Aio.run(() -> {
            Subprocess p = Net.createSubprocessExec("sleep", "10");
            p.sendSignal(2); // SIGINT
            assertEquals(-2, p.await());
            var e = assertThrows(IllegalArgumentException.class, () -> p.sendSignal(0));
            assertEquals("a signal number is in 1..64: 0", e.getMessage());
            p.sendSignal(10); // exited: left alone
        });
    }
}

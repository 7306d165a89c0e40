package io.aio4j.net.internal;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.Subprocess;
import io.aio4j.net.Stdio;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.net.SubprocessOptions;
import java.io.File;
import java.io.IOException;
import java.util.List;

/** asyncio's subprocess {@code Process} over {@link java.lang.Process}. */
public final class SubprocessImpl implements Subprocess {
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;
    private static final File DEV_NULL = new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");

    private final java.lang.Process process;
    private final StreamWriterImpl stdin;
    private final StreamReaderImpl stdout;
    private final StreamReaderImpl stderr;
    private volatile int signalSent;

    private SubprocessImpl(io.aio4j.bridge.lowlevel.LoopHandle loop, java.lang.Process process, SubprocessOptions o) {
        this.process = process;
        String tag = "aio4j-pid-" + process.pid();
        this.stdin = o.stdin() == Stdio.PIPE
                ? PipeWire.Write.open(loop, process.getOutputStream(), tag + "-stdin") : null;
        this.stdout = o.stdout() == Stdio.PIPE ? PipeWire.Read.open(loop, process.getInputStream(), o.limit(), tag + "-stdout") : null;
        this.stderr = o.stderr() == Stdio.PIPE ? PipeWire.Read.open(loop, process.getErrorStream(), o.limit(), tag + "-stderr") : null;
    }

    public static SubprocessImpl start(List<String> command, SubprocessOptions o) throws IOException {
        var loop = EventLoopImpl.current("Net.createSubprocessExec").handle();
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a subprocess needs a program: the command is empty");
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectInput(switch (o.stdin()) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.from(DEV_NULL);
            default -> ProcessBuilder.Redirect.INHERIT;
        });
        pb.redirectOutput(redirect(o.stdout()));
        if (o.stderr() == Stdio.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(redirect(o.stderr()));
        }
        if (o.cwd() != null) {
            pb.directory(o.cwd().toFile());
        }
        if (o.env() != null) {
            pb.environment().clear();
            pb.environment().putAll(o.env());
        }
        return new SubprocessImpl(loop, pb.start(), o);
    }

    private static ProcessBuilder.Redirect redirect(Stdio s) {
        return switch (s) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.DISCARD;
            default -> ProcessBuilder.Redirect.INHERIT;
        };
    }

    @Override
    public StreamWriter stdin() {
        return stdin;
    }

    @Override
    public StreamReader stdout() {
        return stdout;
    }

    @Override
    public StreamReader stderr() {
        return stderr;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Integer returncode() {
        return process.isAlive() ? null : code(process.exitValue());
    }

    private int code(int exit) {
        int sig = signalSent;
        return sig != 0 && exit == 128 + sig ? -sig : exit; // asyncio reports -signal
    }

    @Override
    public int await() {
        if (process.isAlive()) {
            Aio.awaitFuture(process.onExit());
        }
        return returncode();
    }

    @Override
    public Output communicate(byte[] input) throws IOException {
        Task<Void> feeding = Aio.createTask(() -> {
            if (stdin != null) {
                if (input != null && input.length > 0) {
                    stdin.write(input);
                    try {
                        stdin.drain();
                    } catch (IOException e) {
                        // asyncio ignores BrokenPipeError / ConnectionResetError here
                    }
                }
                stdin.close();
            }
        });
        Task<byte[]> out = Aio.createTask(() -> stdout == null ? null : stdout.read());
        Task<byte[]> err = Aio.createTask(() -> stderr == null ? null : stderr.read());
        Aio.gather(feeding, out, err);
        await();
        return new Output(out.result(), err.result());
    }

    @Override
    public Output communicate() throws IOException {
        return communicate(null);
    }

    @Override
    public void sendSignal(int signal) throws IOException {
        if (signal < 1 || signal > 64) {
            throw new IllegalArgumentException("a signal number is in 1..64: " + signal);
        }
        if (signal == SIGTERM) {
            terminate();
            return;
        }
        if (signal == SIGKILL) {
            kill();
            return;
        }
        if (System.getProperty("os.name").startsWith("Windows")) {
            throw new UnsupportedOperationException("signal " + signal + " on Windows: only SIGTERM (15) and SIGKILL (9)");
        }
        if (!process.isAlive()) {
            return;
        }
        signalSent = signal;
        java.lang.Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        int rc = Aio.awaitFuture(kill.onExit()).exitValue();
        if (rc != 0 && process.isAlive()) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
        }
    }

    @Override
    public void terminate() {
        signalSent = SIGTERM;
        process.destroy();
    }

    @Override
    public void kill() {
        signalSent = SIGKILL;
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        Integer rc = returncode();
        return "<Subprocess " + pid() + (rc == null ? "" : " returncode=" + rc) + ">";
    }
}

package io.aio4j.net;

import io.aio4j.net.internal.SubprocessImpl;
import java.io.IOException;

/**
 * A child process started by {@link Net#createSubprocessExec} or {@link Net#createSubprocessShell},
 * with its standard streams as aio4j streams.
 *
 * {@snippet :
 * Subprocess p = Net.createSubprocessExec("cat");
 * Subprocess.Output out = p.communicate("hello".getBytes());
 * System.out.println(new String(out.stdout()) + " exit " + p.returncode());
 * }
 *
 * @apiNote asyncio: {@code asyncio.subprocess.Process} (named {@code Subprocess} here, so that
 *     {@code import io.aio4j.net.*} leaves {@code java.lang.Process} alone)
 */
public sealed interface Subprocess permits SubprocessImpl {

    /**
     * The child's stdin, or null if it is not {@link Stdio#PIPE}.
     *
     * @apiNote asyncio: {@code proc.stdin}
     */
    StreamWriter stdin();

    /**
     * The child's stdout, or null if it is not {@link Stdio#PIPE}.
     *
     * @apiNote asyncio: {@code proc.stdout}
     */
    StreamReader stdout();

    /**
     * The child's stderr, or null if it is not {@link Stdio#PIPE}.
     *
     * @apiNote asyncio: {@code proc.stderr}
     */
    StreamReader stderr();

    /**
     * @apiNote asyncio: {@code proc.pid}
     */
    long pid();

    /**
     * The exit code, or null while the process runs. A process ended by {@link #terminate()} or
     * {@link #kill()} reports minus the signal number, as asyncio does; one killed by another signal
     * reports 128 + the signal number (the JDK cannot tell that apart from such an exit code).
     *
     * @apiNote asyncio: {@code proc.returncode}
     */
    Integer returncode();

    /**
     * Waits for the process to exit and returns {@link #returncode()}. With {@link Stdio#PIPE} output
     * that nobody reads, the child may block on a full pipe: use {@link #communicate} then.
     *
     * <p><b>Cancellation:</b> the wait ends with {@code CancelledError}; the process goes on.
     *
     * @apiNote asyncio: {@code await proc.wait()}
     */
    int await();

    /**
     * Sends {@code input} to stdin (then closes it), reads stdout and stderr to their end, and waits
     * for the process to exit.
     *
     * <p><b>Cancellation:</b> the reads and the wait stop with {@code CancelledError}; the process goes
     * on.
     *
     * @apiNote asyncio: {@code stdout, stderr = await proc.communicate(input)}
     */
    Output communicate(byte[] input) throws IOException;

    /**
     * {@link #communicate(byte[])} with no input.
     *
     * @apiNote asyncio: {@code await proc.communicate()}
     */
    Output communicate() throws IOException;

    /**
     * Sends the signal numbered {@code signal} (POSIX numbers: 15 SIGTERM, 9 SIGKILL, 2 SIGINT, 1
     * SIGHUP, 10 SIGUSR1 ...) to the process. SIGTERM and SIGKILL are {@link #terminate()} and
     * {@link #kill()}; other signals are sent with the system's {@code kill} command, so they need a
     * POSIX system. A process that has already exited is left alone.
     *
     * @apiNote asyncio: {@code proc.send_signal(signal)}
     * @throws IllegalArgumentException if {@code signal} is not in 1..64
     * @throws UnsupportedOperationException for a signal other than SIGTERM/SIGKILL on Windows
     * @throws IOException if the {@code kill} command cannot be run or fails
     */
    void sendSignal(int signal) throws IOException;

    /**
     * Asks the process to end (SIGTERM).
     *
     * @apiNote asyncio: {@code proc.terminate()}
     */
    void terminate();

    /**
     * Ends the process (SIGKILL).
     *
     * @apiNote asyncio: {@code proc.kill()}
     */
    void kill();

    /**
     * What {@link #communicate} read; a stream that is not {@link Stdio#PIPE} is null.
     *
     * @param stdout everything the child wrote to stdout
     * @param stderr everything the child wrote to stderr
     */
    record Output(byte[] stdout, byte[] stderr) {
    }
}

package io.aio4j.net.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.TaskImpl;
import io.aio4j.bridge.lowlevel.Waiter;
import io.ktor.network.selector.SelectorManager;
import io.ktor.network.selector.SelectorManagerKt;
import io.ktor.network.sockets.Socket;
import io.ktor.network.sockets.SocketsKt;
import io.ktor.utils.io.ByteReadChannel;
import io.ktor.utils.io.ByteReadChannelOperationsKt;
import io.ktor.utils.io.ByteWriteChannel;
import io.ktor.utils.io.ByteWriteChannelOperationsKt;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import kotlin.Unit;
import kotlinx.coroutines.Dispatchers;

/**
 * A Ktor raw {@link Socket} as an aio4j stream: the interop transport. Two pump tasks on the loop move
 * bytes between Ktor's byte channels and the {@link StreamReaderImpl}/{@link StreamWriterImpl}; each
 * read and write is one {@code Suspend.call} of Ktor's suspend functions. Same semantics as the
 * selector transport (limit and pause, drain between the water marks, close and abort).
 */
public final class KtorTransport implements WriteTransport, StreamReaderImpl.ReadControl, ClientConnection {
    private static SelectorManager selector;

    final Object lock = new Object();
    private final Socket socket;
    private final ByteReadChannel in;
    private final ByteWriteChannel out;
    private final StreamReaderImpl reader;
    private final StreamWriterImpl writer;
    private final Runnable onClosed;

    // guarded by lock
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private long pending;
    private boolean readPaused;
    private Waiter resumeReading;
    private Waiter writeWork;
    private boolean closing;
    private boolean aborted;
    private boolean eofRequested;
    private boolean closed;
    private Throwable error;
    private final WaitList drainWaiters = new WaitList(lock);
    /** drain()'s condition, under the lock: writing may go on (or the connection is lost). */
    private final WaitList.Condition<IOException> canWrite = () -> {
        if (closed) {
            throw lostErrorLocked();
        }
        return pending <= SocketTransport.HIGH_WATER;
    };
    private final WaitList closeWaiters = new WaitList(lock);
    private final WaitList.Condition<RuntimeException> isClosed = () -> closed;
    private TaskImpl<Void> readPump;
    private volatile io.aio4j.bridge.lowlevel.LoopHandle loop;
    private TaskImpl<Void> writePump;

    /** Ktor's selector for the sockets aio4j opens with the Ktor transport (its own threads). */
    public static synchronized SelectorManager selector() {
        if (selector == null) {
            selector = SelectorManagerKt.SelectorManager(Dispatchers.getIO());
        }
        return selector;
    }

    private KtorTransport(Socket socket, int limit, Runnable onClosed) {
        this.socket = socket;
        this.in = SocketsKt.openReadChannel(socket);
        this.out = SocketsKt.openWriteChannel(socket, false);
        this.onClosed = onClosed;
        this.reader = new StreamReaderImpl(lock, limit);
        this.writer = new StreamWriterImpl(this, reader);
        reader.setTransport(this);
    }

    /** Wraps {@code socket} and starts its pumps on the current loop. */
    public static KtorTransport wrap(Socket socket, int limit, Runnable onClosed) {
        EventLoopImpl loop = EventLoopImpl.current("Net.wrap");
        KtorTransport t = new KtorTransport(socket, limit, onClosed);
        t.readPump = TaskImpl.create(loop, "ktor-read " + socket, t::pumpIn);
        t.writePump = TaskImpl.create(loop, "ktor-write " + socket, t::pumpOut);
        t.loop = loop.handle();
        loop.handle().track(t, "a Ktor stream connection to " + t.extraInfo("peername"));
        return t;
    }

    public StreamReaderImpl reader() {
        return reader;
    }

    public StreamWriterImpl writer() {
        return writer;
    }

    // ---- reading -----------------------------------------------------------------------------

    private Void pumpIn() {
        byte[] buf = new byte[16 * 1024];
        try {
            for (;;) {
                Waiter w = null;
                synchronized (lock) {
                    if (readPaused) {
                        w = resumeReading = new Waiter();
                    }
                }
                if (w != null) {
                    w.await("Ktor read pump");
                    continue;
                }
                int n = Suspend.call(k -> ByteReadChannelOperationsKt.readAvailable(in, buf, 0, buf.length, k));
                synchronized (lock) {
                    if (n < 0) {
                        reader.feedEofLocked();
                        return null;
                    }
                    reader.feedLocked(buf, 0, n);
                }
            }
        } catch (CancelledError e) {
            return null; // closing
        } catch (Throwable e) {
            fail(e);
            return null;
        }
    }

    @Override
    public void pauseReading() {
        readPaused = true; // holding lock
    }

    @Override
    public void resumeReading() {
        readPaused = false;
        if (resumeReading != null && !resumeReading.done()) {
            resumeReading.wake();
        }
        resumeReading = null;
    }

    // ---- writing -----------------------------------------------------------------------------

    private Void pumpOut() {
        try {
            for (;;) {
                byte[][] batch;
                boolean finish;
                Waiter w = null;
                synchronized (lock) {
                    batch = queue.toArray(new byte[0][]);
                    queue.clear();
                    finish = batch.length == 0 && (closing || eofRequested);
                    if (batch.length == 0 && !finish) {
                        w = writeWork = new Waiter();
                    }
                }
                if (w != null) {
                    w.await("Ktor write pump");
                    continue;
                }
                if (finish) {
                    Suspend.<Unit>call(out::flushAndClose);
                    if (closing) {
                        finish(null);
                    }
                    return null;
                }
                long sent = 0;
                for (byte[] b : batch) {
                    Suspend.<Unit>call(k -> ByteWriteChannelOperationsKt.writeFully(out, b, 0, b.length, k));
                    sent += b.length;
                }
                Suspend.<Unit>call(out::flush);
                synchronized (lock) {
                    pending -= sent;
                    if (pending <= SocketTransport.LOW_WATER) {
                        drainWaiters.wakeAllLocked();
                    }
                }
            }
        } catch (CancelledError e) {
            finish(null);
            return null;
        } catch (Throwable e) {
            fail(e);
            return null;
        }
    }

    private void signalWriterLocked() {
        if (writeWork != null && !writeWork.done()) {
            writeWork.wake();
        }
        writeWork = null;
    }

    @Override
    public void write(byte[] data, int off, int len) {
        synchronized (lock) {
            if (eofRequested) {
                throw new IllegalStateException("Cannot call write() after write_eof()");
            }
            if (len == 0 || closing || closed) {
                return;
            }
            queue.add(Arrays.copyOfRange(data, off, off + len));
            pending += len;
            signalWriterLocked();
        }
    }

    @Override
    public void drain() throws IOException {
        WriteTransport.beforeDrain(reader, this);
        drainWaiters.awaitUntil(canWrite, "StreamWriter.drain");
    }

    private IOException lostErrorLocked() {
        return WaitList.connectionLost(error);
    }

    // ---- closing -----------------------------------------------------------------------------

    @Override
    public void close() {
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            signalWriterLocked(); // the writer flushes, then closes
        }
    }

    @Override
    public void abort() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            aborted = true;
            closing = true;
            queue.clear();
            pending = 0;
        }
        finish(null);
    }

    private void fail(Throwable e) {
        synchronized (lock) {
            if (error == null && !closing) {
                error = e;
            }
        }
        finish(e);
    }

    private void finish(Throwable e) {
        TaskImpl<Void> r;
        TaskImpl<Void> w;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            queue.clear();
            pending = 0;
            if (loop != null) {
                loop.untrack(this);
            }
            if (e == null) {
                reader.feedEofLocked();
            } else {
                reader.setExceptionLocked(e);
            }
            drainWaiters.wakeAllLocked();
            closeWaiters.wakeAllLocked();
            r = readPump;
            w = writePump;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (r != null) {
            r.cancel();
        }
        if (w != null) {
            w.cancel();
        }
        if (onClosed != null) {
            onClosed.run();
        }
    }

    @Override
    public boolean isClosing() {
        synchronized (lock) {
            return closing;
        }
    }

    @Override
    public void waitClosed() throws IOException {
        closeWaiters.awaitUntil(isClosed, "StreamWriter.waitClosed");
        synchronized (lock) {
            if (error != null && !aborted) {
                throw Unchecked.rethrow(error);
            }
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void writeEof() {
        synchronized (lock) {
            if (closing || eofRequested) {
                return;
            }
            eofRequested = true;
            signalWriterLocked();
        }
    }

    @Override
    public Object extraInfo(String name) {
        return switch (name) {
            case "peername" -> toJava(socket.getRemoteAddress());
            case "sockname" -> toJava(socket.getLocalAddress());
            case "socket" -> socket;
            default -> null;
        };
    }

    /** A Ktor address as java.net's (Ktor 3.6 keeps its own conversion internal). */
    static java.net.SocketAddress toJava(io.ktor.network.sockets.SocketAddress a) {
        if (a instanceof io.ktor.network.sockets.InetSocketAddress inet) {
            return new java.net.InetSocketAddress(inet.getHostname(), inet.getPort());
        }
        return a == null ? null : java.net.UnixDomainSocketAddress.of(String.valueOf(a));
    }

    @Override
    public long bufferedBytes() {
        synchronized (lock) {
            return pending;
        }
    }

    @Override
    public String toString() {
        return "<KtorTransport " + socket + (closed ? " closed" : closing ? " closing" : "") + ">";
    }
}

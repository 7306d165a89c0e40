package io.aio4j.net.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.TaskImpl;
import io.ktor.network.selector.SelectorManager;
import io.ktor.network.selector.SelectorManagerKt;
import io.ktor.network.sockets.Socket;
import io.ktor.network.sockets.SocketsKt;
import io.ktor.utils.io.ByteReadChannel;
import io.ktor.utils.io.ByteReadChannelOperationsKt;
import io.ktor.utils.io.ByteWriteChannel;
import io.ktor.utils.io.ByteWriteChannelOperationsKt;
import java.io.IOException;
import java.nio.ByteBuffer;
import kotlin.Unit;
import kotlinx.coroutines.Dispatchers;

/**
 * A Ktor raw {@link Socket} as a {@link StreamTransport}: the interop transport. Two pump tasks on
 * the loop move bytes between Ktor's byte channels and the transport; each read and write is one
 * {@code Suspend.call} of Ktor's suspend functions. The wire takes one chunk (up to 64 KiB) at a
 * time, which the write pump hands to Ktor before it takes the next: the rest waits in the
 * transport's buffer, where flow control sees it.
 */
public final class KtorTransport extends StreamTransport {
    private static final int CHUNK = 64 * 1024;
    private static SelectorManager selector;

    private final Socket socket;
    private final ByteReadChannel in;
    private final ByteWriteChannel out;
    private TaskImpl<Void> readPump;
    private TaskImpl<Void> writePump;

    // guarded by lock
    private boolean reading;
    private Waiter resumeReading;
    private byte[] inflight;
    private boolean wantWritable;
    private boolean shutdown;
    private boolean wireClosed;
    private Waiter writeWork;

    /** Ktor's selector for the sockets aio4j opens with the Ktor transport (its own threads). */
    public static synchronized SelectorManager selector() {
        if (selector == null) {
            selector = SelectorManagerKt.SelectorManager(Dispatchers.getIO());
        }
        return selector;
    }

    private KtorTransport(EventLoopImpl loop, Socket socket, int limit) {
        super(loop.handle(), limit, false);
        this.socket = socket;
        this.in = SocketsKt.openReadChannel(socket);
        this.out = SocketsKt.openWriteChannel(socket, false);
    }

    /** Wraps {@code socket} and starts its pumps on the current loop. */
    public static KtorTransport wrap(Socket socket, int limit) {
        return wrap(socket, limit, true);
    }

    /** {@link #wrap(Socket, int)}; {@code read} false for a TLS server's connection (see {@link #open}). */
    static KtorTransport wrap(Socket socket, int limit, boolean read) {
        EventLoopImpl loop = EventLoopImpl.current("Net.wrap");
        KtorTransport t = new KtorTransport(loop, socket, limit);
        t.readPump = TaskImpl.create(loop, "ktor-read " + socket, t::pumpIn);
        t.writePump = TaskImpl.create(loop, "ktor-write " + socket, t::pumpOut);
        t.open("a Ktor stream connection to " + t.wireInfo("peername"), read);
        return t;
    }

    // ---- reading -----------------------------------------------------------------------------

    private Void pumpIn() {
        byte[] buf = new byte[16 * 1024];
        try {
            for (;;) {
                Waiter w = null;
                synchronized (lock) {
                    if (wireClosed) {
                        return null;
                    }
                    if (!reading) {
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
                        receivedEof();
                        return null;
                    }
                    received(ByteBuffer.wrap(buf, 0, n));
                }
            }
        } catch (CancelledError e) {
            return null; // closing
        } catch (Throwable e) {
            synchronized (lock) {
                failed(e);
            }
            return null;
        }
    }

    @Override
    protected void wireReading(boolean on) {
        reading = on;
        if (on && resumeReading != null && !resumeReading.done()) {
            resumeReading.wake();
        }
        if (on) {
            resumeReading = null;
        }
    }

    // ---- writing -----------------------------------------------------------------------------

    private Void pumpOut() {
        try {
            for (;;) {
                byte[] chunk;
                boolean finish;
                Waiter w = null;
                synchronized (lock) {
                    chunk = inflight;
                    finish = chunk == null && (shutdown || wireClosed);
                    if (chunk == null && !finish) {
                        w = writeWork = new Waiter();
                    }
                }
                if (w != null) {
                    w.await("Ktor write pump");
                    continue;
                }
                if (finish) {
                    Suspend.<Unit>call(out::flushAndClose);
                    synchronized (lock) {
                        if (wireClosed) {
                            closeSocket();
                        }
                    }
                    return null;
                }
                Suspend.<Unit>call(k -> ByteWriteChannelOperationsKt.writeFully(out, chunk, 0, chunk.length, k));
                Suspend.<Unit>call(out::flush);
                synchronized (lock) {
                    inflight = null;
                    if (wantWritable) {
                        writable();
                    }
                }
            }
        } catch (CancelledError e) {
            return null;
        } catch (Throwable e) {
            synchronized (lock) {
                failed(e);
            }
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
    protected long wireWrite(ByteBuffer[] bufs) {
        if (inflight != null || shutdown || wireClosed) {
            return 0;
        }
        long total = 0;
        for (ByteBuffer b : bufs) {
            total += b.remaining();
        }
        int n = (int) Math.min(total, CHUNK);
        if (n == 0) {
            return 0;
        }
        byte[] chunk = new byte[n];
        int at = 0;
        for (ByteBuffer b : bufs) {
            int k = Math.min(b.remaining(), n - at);
            b.get(chunk, at, k);
            at += k;
            if (at == n) {
                break;
            }
        }
        inflight = chunk;
        signalWriterLocked();
        return n;
    }

    @Override
    protected void wireWantWritable(boolean on) {
        wantWritable = on;
    }

    @Override
    protected void wireShutdownOutput() {
        shutdown = true;
        signalWriterLocked();
    }

    @Override
    protected void wireClose(boolean abort) {
        wireClosed = true;
        if (resumeReading != null && !resumeReading.done()) {
            resumeReading.wake();
        }
        if (abort || inflight == null && writeWork != null) {
            inflight = null;
            closeSocket();
            readPump.cancel();
            writePump.cancel();
        } else {
            signalWriterLocked(); // the write pump sends what it holds, then closes
            readPump.cancel();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    protected Object wireInfo(String name) {
        return switch (name) {
            case "peername" -> toJava(socket.getRemoteAddress());
            case "sockname" -> toJava(socket.getLocalAddress());
            case "socket" -> socket;
            default -> null;
        };
    }

    @Override
    protected String wireName() {
        return "KtorTransport " + socket;
    }

    /** A Ktor address as java.net's (Ktor 3.6 keeps its own conversion internal). */
    static java.net.SocketAddress toJava(io.ktor.network.sockets.SocketAddress a) {
        if (a instanceof io.ktor.network.sockets.InetSocketAddress inet) {
            return new java.net.InetSocketAddress(inet.getHostname(), inet.getPort());
        }
        return a == null ? null : java.net.UnixDomainSocketAddress.of(String.valueOf(a));
    }
}

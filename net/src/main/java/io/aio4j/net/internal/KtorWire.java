package io.aio4j.net.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.TaskImpl;
import io.aio4j.net.spi.Wire;
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
 * A Ktor raw {@link Socket} as a {@link Wire}: the interop transport. Two pump tasks on the loop move
 * bytes between Ktor's byte channels and the transport above; each read and write is one
 * {@code Suspend.call} of Ktor's suspend functions. The wire takes one chunk (up to 64 KiB) at a
 * time, which the write pump hands to Ktor before it takes the next: the rest waits in the
 * transport's buffer, where flow control sees it.
 */
public final class KtorWire extends Wire {
    private static final int CHUNK = 64 * 1024;
    private static SelectorManager selector;

    private final Socket socket;
    private final ByteReadChannel in;
    private final ByteWriteChannel out;
    private final TaskImpl<Void> readPump;
    private final TaskImpl<Void> writePump;

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

    /** A wire over {@code socket} whose pumps run as tasks of {@code loop} (they wait until it is bound). */
    KtorWire(EventLoopImpl loop, Socket socket) {
        this.socket = socket;
        this.in = SocketsKt.openReadChannel(socket);
        this.out = SocketsKt.openWriteChannel(socket, false);
        this.readPump = TaskImpl.create(loop, "ktor-read " + socket, this::pumpIn);
        this.writePump = TaskImpl.create(loop, "ktor-write " + socket, this::pumpOut);
    }

    /** {@code Net.wrap}: {@code socket} as a connection of the current loop. */
    public static StreamTransport wrap(Socket socket, int limit) {
        EventLoopImpl loop = EventLoopImpl.current("Net.wrap");
        KtorWire w = new KtorWire(loop, socket);
        return StreamTransport.open(loop.handle(), w, limit, "a Ktor stream connection to " + w.info("peername"), true);
    }

    /**
     * {@code open_connection} on Ktor raw sockets: resolved as the selector provider resolves (off the
     * loop, with the same errors), then each address in turn.
     */
    static KtorWire connect(String host, int port, io.aio4j.net.ConnectOptions o) throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("Net.openConnection");
        java.util.List<IOException> errors = new java.util.ArrayList<>();
        for (java.net.InetAddress a : Connector.resolve(host)) {
            try {
                return new KtorWire(loop, Connector.ktorConnect(new java.net.InetSocketAddress(a, port), o));
            } catch (IOException e) {
                errors.add(e);
            }
        }
        throw Connector.combine(errors, host, port);
    }

    // ---- reading -----------------------------------------------------------------------------

    private Void pumpIn() {
        byte[] buf = new byte[16 * 1024];
        try {
            for (;;) {
                Waiter w = null;
                synchronized (lock()) {
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
                synchronized (lock()) {
                    if (n < 0) {
                        events().receivedEof();
                        return null;
                    }
                    events().received(ByteBuffer.wrap(buf, 0, n));
                }
            }
        } catch (CancelledError e) {
            return null; // closing
        } catch (Throwable e) {
            synchronized (lock()) {
                events().failed(e);
            }
            return null;
        }
    }

    @Override
    public void reading(boolean on) {
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
                synchronized (lock()) {
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
                    synchronized (lock()) {
                        if (wireClosed) {
                            closeSocket();
                        }
                    }
                    return null;
                }
                Suspend.<Unit>call(k -> ByteWriteChannelOperationsKt.writeFully(out, chunk, 0, chunk.length, k));
                Suspend.<Unit>call(out::flush);
                synchronized (lock()) {
                    inflight = null;
                    if (wantWritable) {
                        events().writable();
                    }
                }
            }
        } catch (CancelledError e) {
            return null;
        } catch (Throwable e) {
            synchronized (lock()) {
                events().failed(e);
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
    public long write(ByteBuffer[] bufs) {
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
    public void wantWritable(boolean on) {
        wantWritable = on;
    }

    @Override
    public void shutdownOutput() {
        shutdown = true;
        signalWriterLocked();
    }

    @Override
    public void close(boolean abort) {
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
    public Object info(String name) {
        return switch (name) {
            case "peername" -> toJava(socket.getRemoteAddress());
            case "sockname" -> toJava(socket.getLocalAddress());
            case "socket" -> socket;
            default -> null;
        };
    }

    @Override
    public String toString() {
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

package io.aio4j.ktor.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.spi.Transports;
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
    private final Task<Void> readPump;
    private final Task<Void> writePump;

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

    /** A wire over {@code socket} whose pumps run as tasks of the current loop (they wait until it is bound). */
    public KtorWire(Socket socket) {
        this.socket = socket;
        this.in = SocketsKt.openReadChannel(socket);
        this.out = SocketsKt.openWriteChannel(socket, false);
        this.readPump = Aio.createTask("ktor-read " + socket, this::pumpIn);
        this.writePump = Aio.createTask("ktor-write " + socket, this::pumpOut);
    }

    /** {@code KtorNet.wrap}: {@code socket} as a connection of the current loop. */
    public static Connection wrap(Socket socket, ConnectOptions options) throws java.io.IOException {
        KtorWire w = new KtorWire(socket);
        return Transports.connect(w, options, null, "a Ktor stream connection to " + w.info("peername"));
    }

    /** {@code open_connection} on Ktor raw sockets: resolved as the selector provider resolves, then each address. */
    static KtorWire connect(String host, int port, ConnectOptions o) throws IOException {
        return Transports.connectEach(host, port, a -> new KtorWire(connectTo(a, o)));
    }

    /**
     * Ktor's {@code connect} to a resolved address (so Ktor does no blocking lookup of its own). Ktor
     * closes the socket if the connect itself is cancelled; a socket that was connected just before
     * the cancellation reached the task is closed here, so a cancelled connect opens nothing.
     */
    private static io.ktor.network.sockets.Socket connectTo(java.net.InetSocketAddress addr, ConnectOptions o) throws IOException {
        var tcp = io.ktor.network.sockets.BuildersKt.aSocket(selector()).tcp();
        var target = new io.ktor.network.sockets.InetSocketAddress(addr.getAddress().getHostAddress(), addr.getPort());
        io.ktor.network.sockets.Socket[] connected = new io.ktor.network.sockets.Socket[1];
        try {
            return io.aio4j.bridge.Suspend.call(k -> tcp.connect(target, opts -> {
                opts.setNoDelay(o.noDelay());
                opts.setKeepAlive(o.keepAlive());
                return kotlin.Unit.INSTANCE;
            }, new kotlin.coroutines.Continuation<io.ktor.network.sockets.Socket>() {
                @Override
                public kotlin.coroutines.CoroutineContext getContext() {
                    return k.getContext();
                }

                @Override
                public void resumeWith(Object result) {
                    if (!(result instanceof kotlin.Result.Failure)) {
                        connected[0] = (io.ktor.network.sockets.Socket) result; // read after the task resumes
                    }
                    k.resumeWith(result);
                }
            }));
        } catch (io.aio4j.CancelledError e) {
            if (connected[0] != null) {
                connected[0].close();
            }
            throw e;
        } catch (Exception e) { // Kotlin's exceptions come through undeclared
            if (e instanceof java.net.ConnectException ce) {
                java.net.ConnectException described = new java.net.ConnectException(
                        "Connect call failed " + addr + ": " + ce.getMessage());
                described.initCause(ce);
                throw described;
            }
            throw e;
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    private void pumpIn() {
        byte[] buf = new byte[16 * 1024];
        try {
            for (;;) {
                Waiter w = null;
                synchronized (lock()) {
                    if (wireClosed) {
                        return;
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
                        return;
                    }
                    events().received(ByteBuffer.wrap(buf, 0, n));
                }
            }
        } catch (CancelledError e) {
            return; // closing
        } catch (Throwable e) {
            synchronized (lock()) {
                events().failed(e);
            }
            return;
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

    private void pumpOut() {
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
                    return;
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
            return;
        } catch (Throwable e) {
            synchronized (lock()) {
                events().failed(e);
            }
            return;
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
        byte[] chunk = takeChunk(bufs, CHUNK);
        if (chunk == null) {
            return 0;
        }
        inflight = chunk;
        signalWriterLocked();
        return chunk.length;
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

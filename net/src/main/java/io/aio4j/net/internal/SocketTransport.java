package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.Readiness;
import io.aio4j.bridge.lowlevel.LoopHandle;
import io.aio4j.bridge.lowlevel.Unchecked;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * asyncio's {@code _SelectorSocketTransport} with a {@code StreamReaderProtocol}: a non-blocking
 * {@link SocketChannel} on the loop's selector. Reading is eager (into the reader's buffer, paused
 * above twice the reader's limit); writing sends at once what the socket takes and buffers the rest,
 * with flow control between the high- and low-water marks.
 *
 * <p>Everything is guarded by {@link #lock}, the connection's monitor, shared with its reader.
 */
public final class SocketTransport implements StreamReaderImpl.ReadControl, WriteTransport, ClientConnection {
    static final int HIGH_WATER = 64 * 1024;
    /**
     * Direct read buffers, lent for one read: the read copies nothing, and there are only as many as
     * reads happen at once (callbacks run on whichever fiber holds the baton, so a thread-local would
     * give every fiber one).
     */
    private static final java.util.concurrent.ConcurrentLinkedQueue<ByteBuffer> READ_BUFFERS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int READ_SIZE = 256 * 1024;
    static final int LOW_WATER = HIGH_WATER / 4;

    final Object lock;
    private final LoopHandle loop;
    private final SocketChannel channel;
    private final Readiness reg;
    private final StreamReaderImpl reader;
    private final StreamWriterImpl writer;
    private final Runnable onClosed;

    // guarded by lock
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private long pendingBytes;
    private boolean readingPaused;
    private boolean closing;
    private boolean eofRequested;
    private boolean eofWritten;
    private boolean closed;
    private Throwable lostError;
    private boolean writePaused;
    private final WaitList drainWaiters;
    /** drain()'s condition, under the lock: writing may go on (or the connection is lost). */
    private final WaitList.Condition<IOException> canWrite = () -> {
        if (closed) {
            throw lostErrorLocked();
        }
        return !writePaused;
    };
    private final WaitList closeWaiters;
    private final WaitList.Condition<RuntimeException> isClosed = () -> closed;
    private TlsSession tls;
    private boolean handshakeDone = true; // false while a TLS handshake runs
    private final WaitList handshakeWaiters;
    private SSLContext sslContext;
    private volatile boolean serverSide;

    /**
     * Takes over {@code reg} (the channel's registration on {@code loop}) and starts reading.
     * {@code onClosed} runs once when the connection is gone (server bookkeeping); may be null.
     */
    public SocketTransport(LoopHandle loop, SocketChannel channel, Readiness reg, int limit, Runnable onClosed) {
        this(loop, channel, reg, limit, onClosed, true);
    }

    /**
     * {@code read}: start reading now; false for a connection whose first bytes belong to a TLS
     * handshake that {@link #startTls} begins (a TLS server's connection), so that a ClientHello that
     * arrives before the handshake starts is not taken for plain data.
     */
    public SocketTransport(LoopHandle loop, SocketChannel channel, Readiness reg, int limit, Runnable onClosed, boolean read) {
        this.lock = new Object();
        this.drainWaiters = new WaitList(lock);
        this.closeWaiters = new WaitList(lock);
        this.handshakeWaiters = new WaitList(lock);
        this.loop = loop;
        this.channel = channel;
        this.reg = reg;
        this.onClosed = onClosed;
        this.reader = new StreamReaderImpl(lock, limit);
        this.writer = new StreamWriterImpl(this, reader);
        reader.setTransport(this);
        reg.handler(this::ready);
        if (read) {
            reg.interest(SelectionKey.OP_READ);
        }
        loop.track(this, "a stream connection to " + extraInfo("peername"));
    }

    public StreamReaderImpl reader() {
        return reader;
    }

    public StreamWriterImpl writer() {
        return writer;
    }

    // ---- selector events (loop callbacks) --------------------------------------------------------

    private void ready(int ops) {
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            writeReady();
        }
        if ((ops & SelectionKey.OP_READ) != 0) {
            readReady();
        }
    }

    private void readReady() {
        synchronized (lock) {
            if (closed || readingPaused) {
                return;
            }
            try {
                if (tls != null) {
                    readTlsLocked();
                    return;
                }
                // asyncio reads up to 256 KiB per recv: one wake-up of the reader per burst, not per 8 KiB
                ByteBuffer in = READ_BUFFERS.poll();
                if (in == null) {
                    in = ByteBuffer.allocateDirect(READ_SIZE);
                }
                int n;
                try {
                    n = channel.read(in.clear());
                    if (n > 0) {
                        reader.feedLocked(in.flip());
                    }
                } finally {
                    READ_BUFFERS.offer(in);
                }
                if (n > 0) {
                    if (!readingPaused) {
                        reg.watch(SelectionKey.OP_READ);
                    }
                } else if (n < 0) {
                    // asyncio: eof_received() keeps a stream open for writing; reading stops
                    reader.feedEofLocked();
                } else {
                    reg.watch(SelectionKey.OP_READ);
                }
            } catch (IOException e) {
                fatalLocked(e);
            }
        }
    }

    private void readTlsLocked() throws IOException {
        int n = channel.read(tls.netInSpace());
        if (n > 0) {
            tls.step();
            if (!readingPaused && !closed) {
                reg.watch(SelectionKey.OP_READ);
            }
        } else if (n < 0) {
            if (tls.handshaking()) {
                fatalLocked(new javax.net.ssl.SSLHandshakeException("the peer closed the connection during the TLS handshake"));
            } else {
                reader.feedEofLocked(); // EOF without close_notify
            }
        } else {
            reg.watch(SelectionKey.OP_READ);
        }
    }

    private void writeReady() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                flushLocked();
            } catch (IOException e) {
                fatalLocked(e);
                return;
            }
            if (!pending.isEmpty()) {
                reg.watch(SelectionKey.OP_WRITE);
                return;
            }
            if (closing) {
                scheduleConnectionLostLocked(null);
            } else if (eofRequested && !eofWritten) {
                shutdownOutputLocked();
            }
        }
    }

    private void flushLocked() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuffer[] bufs = pending.toArray(new ByteBuffer[0]);
        long n = channel.write(bufs);
        pendingBytes -= n;
        while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
            pending.pollFirst();
        }
        maybeResumeWritingLocked();
    }

    // ---- reading flow control (called by the reader, holding lock) -------------------------------

    @Override
    public void pauseReading() {
        readingPaused = true;
        reg.unwatch(SelectionKey.OP_READ);
    }

    @Override
    public void resumeReading() {
        if (readingPaused && !closing && !closed) {
            readingPaused = false;
            reg.watch(SelectionKey.OP_READ);
        }
    }

    // ---- writing (called by tasks) ---------------------------------------------------------------

    @Override
    public void write(byte[] data, int off, int len) {
        synchronized (lock) {
            if (eofRequested) {
                throw new IllegalStateException("Cannot call write() after write_eof()");
            }
            if (len == 0 || closing || closed) {
                return; // asyncio: writes to a lost connection are dropped; drain() reports the loss
            }
            try {
                if (tls != null) {
                    tls.write(data, off, len);
                } else {
                    sendRawLocked(ByteBuffer.wrap(data, off, len));
                }
            } catch (IOException e) {
                fatalLocked(e);
            }
        }
    }

    /** Sends {@code b} now as far as the socket takes it, and buffers a copy of the rest. */
    private void sendRawLocked(ByteBuffer b) throws IOException {
        if (pending.isEmpty()) {
            channel.write(b);
            if (!b.hasRemaining()) {
                return;
            }
            reg.watch(SelectionKey.OP_WRITE);
        }
        int len = b.remaining();
        byte[] copy = new byte[len]; // the caller may reuse its array
        b.get(copy);
        pending.addLast(ByteBuffer.wrap(copy));
        pendingBytes += len;
        if (!writePaused && pendingBytes > HIGH_WATER) {
            writePaused = true;
        }
    }

    private void maybeResumeWritingLocked() {
        if (writePaused && pendingBytes <= LOW_WATER) {
            writePaused = false;
            drainWaiters.wakeAllLocked();
        }
    }

    @Override
    public void drain() throws IOException {
        WriteTransport.beforeDrain(reader, this);
        drainWaiters.awaitUntil(canWrite, "StreamWriter.drain");
    }

    private IOException lostErrorLocked() {
        return WaitList.connectionLost(lostError);
    }

    @Override
    public void writeEof() {
        synchronized (lock) {
            if (closing || eofRequested) {
                return;
            }
            eofRequested = true;
            if (pending.isEmpty()) {
                shutdownOutputLocked();
            }
        }
    }

    private void shutdownOutputLocked() {
        try {
            channel.shutdownOutput();
            eofWritten = true;
        } catch (IOException e) {
            fatalLocked(e);
        }
    }

    // ---- closing ---------------------------------------------------------------------------------

    @Override
    public void close() {
        synchronized (lock) {
            closeLocked();
        }
    }

    private void closeLocked() {
        if (closing) {
            return;
        }
        closing = true;
        reg.unwatch(SelectionKey.OP_READ);
        if (tls != null && !tls.handshaking() && !closed) {
            try {
                tls.close(); // close_notify, sent before the socket closes
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (pending.isEmpty()) {
            scheduleConnectionLostLocked(null);
        }
    }

    /** Closes at once, dropping buffered data: asyncio's {@code abort()}. */
    @Override
    public void abort() {
        synchronized (lock) {
            forceCloseLocked(null);
        }
    }

    private void fatalLocked(Throwable e) {
        forceCloseLocked(e);
    }

    private void forceCloseLocked(Throwable e) {
        if (closed) {
            return;
        }
        pending.clear();
        pendingBytes = 0;
        closing = true;
        reg.interest(0);
        scheduleConnectionLostLocked(e);
    }

    private boolean lostScheduled;

    private void scheduleConnectionLostLocked(Throwable e) {
        if (lostScheduled) {
            return;
        }
        lostScheduled = true;
        try {
            loop.callSoon(() -> connectionLost(e));
        } catch (IllegalStateException loopClosed) {
            connectionLost(e);
        }
    }

    /** asyncio's {@code _call_connection_lost}: closes the socket and tells the reader and the waiters. */
    private void connectionLost(Throwable e) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            lostError = e;
            loop.untrack(this);
            reg.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already lost
            }
            if (e == null) {
                reader.feedEofLocked();
            } else {
                reader.setExceptionLocked(e);
            }
            drainWaiters.wakeAllLocked();
            closeWaiters.wakeAllLocked();
            handshakeWaiters.wakeAllLocked();
        }
        if (onClosed != null) {
            onClosed.run();
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
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
            if (lostError != null) {
                throw Unchecked.rethrow(lostError);
            }
        }
    }

    @Override
    public Object extraInfo(String name) {
        try {
            return switch (name) {
                case "peername" -> channel.getRemoteAddress();
                case "sockname" -> channel.getLocalAddress();
                case "socket" -> channel;
                case "sslcontext" -> tls != null ? sslContext : null;
                case "ssl_object" -> tls != null ? tls.engine : null;
                case "cipher" -> tls != null ? tls.engine.getSession().getCipherSuite() : null;
                case "peercert" -> tls != null ? peerCertificate() : null;
                default -> null;
            };
        } catch (IOException e) {
            return null; // closed
        }
    }

    private Object peerCertificate() {
        try {
            java.security.cert.Certificate[] chain = tls.engine.getSession().getPeerCertificates();
            return chain.length > 0 ? chain[0] : null;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    // ---- TLS ---------------------------------------------------------------------------------

    /**
     * Starts TLS on this connection (asyncio's {@code start_tls}) and waits for the handshake. A client
     * verifies the server's certificate and, when {@code serverHostname} is given, its name.
     */
    public void startTls(SSLContext context, String serverHostname, boolean serverSide) throws IOException {
        synchronized (lock) {
            if (tls != null) {
                throw new IllegalStateException("the connection already uses TLS");
            }
            if (closing || closed) {
                throw new java.net.SocketException("Connection lost");
            }
            SSLEngine engine;
            if (serverSide) {
                engine = context.createSSLEngine();
                engine.setUseClientMode(false);
            } else {
                engine = serverHostname != null ? context.createSSLEngine(serverHostname, -1) : context.createSSLEngine();
                engine.setUseClientMode(true);
                SSLParameters p = engine.getSSLParameters();
                if (serverHostname != null) {
                    p.setEndpointIdentificationAlgorithm("HTTPS"); // asyncio: check_hostname=True
                    if (!Connector.isIpLiteral(serverHostname)) {
                        p.setServerNames(java.util.List.of(new SNIHostName(serverHostname)));
                    }
                }
                engine.setSSLParameters(p);
            }
            sslContext = context;
            handshakeDone = false;
            tls = new TlsSession(engine, new TlsSession.Sink() {
                @Override
                public void sendCipher(ByteBuffer data) throws IOException {
                    sendRawLocked(data);
                }

                @Override
                public void deliver(byte[] data, int off, int len) {
                    reader.feedLocked(data, off, len);
                }

                @Override
                public void deliverEof() {
                    reader.feedEofLocked();
                }

                @Override
                public void handshakeDone() {
                    handshakeDone = true;
                    handshakeWaiters.wakeAllLocked();
                }
            });
            try {
                tls.begin();
            } catch (IOException e) {
                fatalLocked(e);
            }
            if (!readingPaused) {
                reg.watch(SelectionKey.OP_READ);
            }
        }
        awaitHandshake();
    }

    /** Marks a connection accepted by a server (TLS then presents the server's certificate). */
    void markServerSide() {
        serverSide = true;
    }

    boolean serverSide() {
        return serverSide;
    }

    /** Waits until the TLS handshake finished; throws the connection's error if it failed. */
    public void awaitHandshake() throws IOException {
        handshakeWaiters.awaitUntil(() -> {
            if (closed) {
                throw lostErrorLocked();
            }
            return handshakeDone;
        }, "TLS handshake");
    }

    @Override
    public long bufferedBytes() {
        synchronized (lock) {
            return pendingBytes;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "<SocketTransport " + (closed ? "closed" : closing ? "closing" : "open")
                    + " write_buffered=" + pendingBytes + (readingPaused ? " reading-paused" : "") + ">";
        }
    }
}

package io.aio4j.net.internal;

import io.aio4j.Aio;
import io.aio4j.bridge.lowlevel.LoopHandle;
import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.net.ClientAuth;
import io.aio4j.net.spi.Wire;
import io.aio4j.net.spi.WireEvents;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The one stream transport: asyncio's {@code _SelectorTransport} state machine with its
 * {@code _FlowControlMixin} and a {@code StreamReaderProtocol}, over a {@link Wire} (a socket on the
 * loop's selector, a Ktor socket, a pipe, the test kit's memory network: each a provider's).
 *
 * <p>States: OPEN, CLOSING ({@link #close()} was called: no more writes, the buffer is flushed, then
 * the wire closes) and CLOSED (the connection is lost: the reader has its EOF or error, every waiter
 * is woken). Writing sends at once what the wire takes and buffers the rest; above the high-water mark
 * {@link #drain()} waits until the buffer is back at the low-water mark (asyncio's
 * {@code pause_writing}/{@code resume_writing}). TLS is a layer inside the transport
 * ({@link #startTls}), so it runs over every wire: ciphertext is what the buffer holds and the wire
 * moves.
 *
 * <p>Everything is guarded by the wire's {@link Wire#lock()}, the connection's monitor, shared with its
 * reader. The wire's methods are called holding it; the wire reports ({@link #received},
 * {@link #receivedEof}, {@link #writable}, {@link #failed}) holding it too.
 */
public final class StreamTransport implements WireEvents {
    private static final int OPEN = 0, CLOSING = 1, CLOSED = 2;

    private final Object lock;
    private final LoopHandle loop;
    private final Wire wire;
    private final StreamReaderImpl reader;
    private final WriterHold writer;
    private Runnable onClosed;
    /** What the connection is, for leak reports ("a stream connection to /127.0.0.1:8888"). */
    private String what;

    // guarded by lock
    private int state = OPEN;
    private final WriteBuffer pending = new WriteBuffer();
    private boolean wantWritable;
    private boolean readingPaused;
    private boolean reading;
    private boolean eofRequested;
    private boolean eofWritten;
    private boolean lostScheduled;
    private boolean closeOnEof;
    private Throwable lostError;
    private final WaitList drainWaiters;
    private final WaitList closeWaiters;
    private final WaitList handshakeWaiters;
    /** drain()'s condition, under the lock: writing may go on (or the connection is lost). */
    private final WaitList.Condition<IOException> canWrite = () -> {
        if (state == CLOSED) {
            throw WaitList.connectionLost(lostError);
        }
        return !pending.paused();
    };
    private final WaitList.Condition<RuntimeException> isClosed = () -> state == CLOSED;
    private TlsSession tls;
    private volatile boolean serverSide;

    /**
     * A transport over {@code wire} on {@code loop} whose reader buffers up to {@code limit} bytes for a
     * line or separator; {@link #open} starts it.
     */
    private StreamTransport(LoopHandle loop, Wire wire, int limit) {
        this.loop = loop;
        this.wire = wire;
        this.lock = wire.lock();
        boolean foreign = wire.foreign();
        this.drainWaiters = new WaitList(lock, foreign);
        this.closeWaiters = new WaitList(lock, foreign);
        this.handshakeWaiters = new WaitList(lock, foreign);
        this.reader = new StreamReaderImpl(lock, limit);
        if (foreign) {
            reader.markForeignFed();
        }
        this.writer = new WriterHold(new StreamWriterImpl(this, reader));
        reader.setTransport(new StreamReaderImpl.ReadControl() {
            @Override
            public void pauseReading() {
                readingPaused = true;
                if (reading) {
                    wire.reading(false);
                }
            }

            @Override
            public void resumeReading() {
                if (readingPaused && state == OPEN) {
                    readingPaused = false;
                    if (reading) {
                        wire.reading(true);
                    }
                }
            }
        });
    }

    /**
     * The transport over {@code wire}, registered as an open resource ({@code what}, for leak reports);
     * if {@code read}, it starts reading. A TLS server's connection starts with {@code read} false: its
     * first bytes are the ClientHello that {@link #startTls} reads.
     */
    static StreamTransport open(LoopHandle loop, Wire wire, int limit, String what, boolean read) {
        StreamTransport t = new StreamTransport(loop, wire, limit);
        t.what = what;
        wire.bind(t);
        loop.track(t, what);
        if (read) {
            synchronized (t.lock) {
                t.startReadingLocked();
            }
        }
        return t;
    }

    private void startReadingLocked() {
        if (!reading && state == OPEN) {
            reading = true;
            if (!readingPaused) {
                wire.reading(true);
            }
        }
    }

    public final StreamReaderImpl reader() {
        return reader;
    }

    /** The writer; after {@link #releaseWriter()}, null once nobody holds it any more. */
    public final StreamWriterImpl writer() {
        return writer.get();
    }

    /** The connection's two streams for its user; the transport then holds the writer weakly. */
    public final io.aio4j.net.Connection connection() {
        io.aio4j.net.Connection c = new io.aio4j.net.Connection(reader, writer());
        releaseWriter();
        return c;
    }

    /**
     * From now on the transport holds its writer weakly, as asyncio's: once the writer is unreachable
     * (a server's handler returned without closing it and gave it to nobody) the connection is closed,
     * as {@code StreamWriter.__del__} does. Call once whoever uses the writer holds it.
     */
    final void releaseWriter() {
        LoopHandle l = loop;
        writer.release(() -> {
            try {
                l.callSoon(this::closeUnreachable);
            } catch (IllegalStateException loopClosed) {
                // the loop is gone, and its connections with it
            }
        });
    }

    /**
     * The writer was collected while the connection was open: closed as CPython's
     * {@code StreamWriter.__del__} does, and reported where resources are tracked (the test kit's leak
     * check: asyncio's {@code ResourceWarning: unclosed <StreamWriter>}).
     */
    private void closeUnreachable() {
        if (isClosing()) {
            return;
        }
        if (loop.tracksResources()) {
            loop.report("unclosed " + what + ": its writer was garbage-collected before close()", null);
        }
        close();
    }

    /**
     * Runs {@code r} once the connection is gone (a server's bookkeeping): later, or at once if it
     * already is.
     */
    final void onClosed(Runnable r) {
        synchronized (lock) {
            if (state != CLOSED) {
                onClosed = r;
                return;
            }
        }
        r.run();
    }

    /** Whether the transport reads (a pipe to a child's stdin does not: its writer has no reader). */
    boolean readable() {
        return wire.readable();
    }

    // ---- what the wire reports (call holding lock) -----------------------------------------------

    /** Bytes arrived: they go to the TLS layer or to the reader. */
    @Override
    public void received(ByteBuffer data) {
        if (state == CLOSED || !reading) {
            return;
        }
        if (tls == null) {
            reader.feedLocked(data);
            return;
        }
        try {
            while (data.hasRemaining()) {
                ByteBuffer room = tls.netInSpace();
                int n = Math.min(room.remaining(), data.remaining());
                room.put(data.slice(data.position(), n));
                data.position(data.position() + n);
                tls.step();
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    /** The peer half-closed (asyncio's {@code eof_received}): reading ends, writing may go on. */
    @Override
    public void receivedEof() {
        if (state == CLOSED) {
            return;
        }
        if (tls != null && tls.handshaking()) {
            failed(new javax.net.ssl.SSLHandshakeException("the peer closed the connection during the TLS handshake"));
            return;
        }
        reader.feedEofLocked(); // TLS: EOF without close_notify
        if (closeOnEof) {
            close();
        }
    }

    /**
     * Closes the connection once the peer has closed its side (at once if it already has): for a
     * server's connection whose handler returned without closing it.
     */
    final void closeWhenPeerCloses() {
        synchronized (lock) {
            if (reader.eofReceivedLocked() || state != OPEN) {
                close();
            } else {
                closeOnEof = true;
            }
        }
    }

    /** The wire can take more: sends what is buffered, then finishes a close or a half-close. */
    @Override
    public void writable() {
        if (state == CLOSED) {
            return;
        }
        try {
            flushLocked();
        } catch (IOException e) {
            failed(e);
            return;
        }
        if (!pending.isEmpty()) {
            setWantWritable(true);
            return;
        }
        setWantWritable(false);
        if (state == CLOSING) {
            scheduleConnectionLostLocked(null);
        } else if (eofRequested && !eofWritten) {
            shutdownOutputLocked();
        }
    }

    /** The connection failed (asyncio's {@code _fatal_error}): buffered data is dropped, the wire closes. */
    @Override
    public void failed(Throwable e) {
        forceCloseLocked(e);
    }

    private void setWantWritable(boolean on) {
        if (wantWritable != on) {
            wantWritable = on;
            wire.wantWritable(on);
        } else if (on) {
            wire.wantWritable(true); // a one-shot readiness watches again
        }
    }

    private void flushLocked() throws IOException {
        if (pending.flushTo(wire)) {
            drainWaiters.wakeAllLocked();
        }
    }

    // ---- writing (called by tasks) ---------------------------------------------------------------

    /** asyncio's {@code transport.write}: sends now what the wire takes, buffers a copy of the rest. */
    public final void write(byte[] data, int off, int len) {
        synchronized (lock) {
            if (eofRequested) {
                throw new IllegalStateException("Cannot call write() after write_eof()");
            }
            if (len == 0 || state != OPEN) {
                return; // asyncio: writes to a lost connection are dropped; drain() reports the loss
            }
            try {
                if (tls != null) {
                    tls.write(data, off, len);
                } else {
                    sendLocked(ByteBuffer.wrap(data, off, len));
                }
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    /** Sends {@code b} now as far as the wire takes it, and buffers a copy of the rest. */
    private void sendLocked(ByteBuffer b) throws IOException {
        if (pending.isEmpty()) {
            wire.write(new ByteBuffer[] {b});
            if (!b.hasRemaining()) {
                return;
            }
            setWantWritable(true);
        }
        pending.add(b);
    }

    /**
     * asyncio's {@code StreamWriter.drain()}: an error the reader saw is raised first; a closing
     * transport yields once (so that a write/drain loop sees the loss); then waits while writing is
     * paused, raising the connection's error if it is lost.
     */
    public final void drain() throws IOException {
        Throwable readerError = reader.exception();
        if (readerError != null) {
            throw Unchecked.rethrow(readerError);
        }
        if (isClosing()) {
            Aio.sleep(0);
        }
        drainWaiters.awaitUntil(canWrite, "StreamWriter.drain");
    }

    /**
     * asyncio's {@code set_write_buffer_limits(high, low)}: {@code drain()} waits once more than
     * {@code high} bytes are buffered, until no more than {@code low} are.
     */
    public final void setWriteBufferLimits(int high, int low) {
        synchronized (lock) {
            if (pending.setLimits(high, low)) {
                drainWaiters.wakeAllLocked();
            }
        }
    }

    /** The high-water mark and the low-water mark, in that order. */
    public final int[] writeBufferLimits() {
        synchronized (lock) {
            return pending.limits();
        }
    }

    /** asyncio's {@code get_write_buffer_size()}: bytes buffered, not yet taken by the wire. */
    public final long writeBufferSize() {
        synchronized (lock) {
            return pending.size();
        }
    }

    public final boolean canWriteEof() {
        synchronized (lock) {
            return tls == null && wire.canShutdownOutput();
        }
    }

    /** asyncio's {@code write_eof()}: the peer reads EOF once what is buffered was sent. */
    public final void writeEof() {
        synchronized (lock) {
            if (tls != null) {
                throw new UnsupportedOperationException(
                        "TLS does not support half-closes: writeEof() on a TLS connection (asyncio: NotImplementedError)");
            }
            if (!wire.canShutdownOutput()) {
                throw new UnsupportedOperationException("this transport cannot write EOF: " + wire);
            }
            if (state != OPEN || eofRequested) {
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
            wire.shutdownOutput();
            eofWritten = true;
        } catch (IOException e) {
            failed(e);
        }
    }

    // ---- closing ---------------------------------------------------------------------------------

    /** asyncio's {@code close()}: no more writes; the buffer is flushed, then the connection closes. */
    public final void close() {
        synchronized (lock) {
            if (state != OPEN) {
                return;
            }
            state = CLOSING;
            if (reading && !readingPaused) {
                wire.reading(false);
            }
            if (tls != null && !tls.handshaking()) {
                try {
                    tls.close(); // close_notify, sent before the wire closes
                } catch (IOException e) {
                    // closing anyway
                }
            }
            if (pending.isEmpty()) {
                scheduleConnectionLostLocked(null);
            }
        }
    }

    /** asyncio's {@code abort()}: closes at once, dropping what is buffered. */
    public final void abort() {
        synchronized (lock) {
            forceCloseLocked(null);
        }
    }

    private void forceCloseLocked(Throwable e) {
        if (state == CLOSED || lostScheduled) {
            return;
        }
        pending.clear();
        state = CLOSING;
        if (reading && !readingPaused) {
            wire.reading(false);
        }
        setWantWritable(false);
        scheduleConnectionLostLocked(e == null ? ABORTED : e);
    }

    /** The marker of an abort in {@link #scheduleConnectionLostLocked}: lost without an error. */
    private static final Throwable ABORTED = new Throwable("aborted", null, false, false) {
    };

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

    /** asyncio's {@code _call_connection_lost}: closes the wire and tells the reader and the waiters. */
    private void connectionLost(Throwable e) {
        boolean abort = e != null;
        Throwable error = e == ABORTED ? null : e;
        synchronized (lock) {
            if (state == CLOSED) {
                return;
            }
            state = CLOSED;
            lostError = error;
            loop.untrack(this);
            wire.close(abort);
            if (error == null) {
                reader.feedEofLocked();
            } else {
                reader.setExceptionLocked(error);
            }
            drainWaiters.wakeAllLocked();
            closeWaiters.wakeAllLocked();
            handshakeWaiters.wakeAllLocked();
        }
        Runnable r;
        synchronized (lock) {
            r = onClosed;
            onClosed = null;
        }
        if (r != null) {
            r.run();
        }
    }

    public final boolean isClosing() {
        synchronized (lock) {
            return state != OPEN;
        }
    }

    /** Waits until the connection is closed; raises its error if it was lost to one. */
    public final void waitClosed() throws IOException {
        closeWaiters.awaitUntil(isClosed, "StreamWriter.waitClosed");
        synchronized (lock) {
            if (lostError != null) {
                throw Unchecked.rethrow(lostError);
            }
        }
    }

    /** asyncio's {@code get_extra_info(name)}: the TLS keys, then the wire's. */
    public final Object extraInfo(String name) {
        synchronized (lock) {
            Object v = tls != null ? tls.info(name) : null;
            return v != null || TlsSession.KEYS.contains(name) ? v : wire.info(name);
        }
    }

    // ---- TLS -------------------------------------------------------------------------------------

    /**
     * Starts TLS on this connection (asyncio's {@code start_tls}) and waits for the handshake. A client
     * verifies the server's certificate and, when {@code serverHostname} is given, its name (an IP
     * literal against the certificate's IP addresses); a server asks for a client certificate as
     * {@code clientAuth} says.
     */
    public final void startTls(SSLContext context, String serverHostname, boolean asServer, ClientAuth clientAuth)
            throws IOException {
        synchronized (lock) {
            if (tls != null) {
                throw new IllegalStateException("the connection already uses TLS");
            }
            if (state != OPEN) {
                throw new java.net.SocketException("Connection lost");
            }
            SSLEngine engine = TlsSession.engine(context, serverHostname, asServer, clientAuth);
            tls = new TlsSession(context, engine, new TlsSession.Sink() {
                @Override
                public void sendCipher(ByteBuffer data) throws IOException {
                    sendLocked(data);
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
                    handshakeWaiters.wakeAllLocked();
                }
            });
            try {
                tls.begin();
            } catch (IOException e) {
                failed(e);
            }
            startReadingLocked();
        }
        awaitHandshake();
    }

    /** Marks a connection accepted by a server (its TLS then presents the server's certificate). */
    final void markServerSide() {
        serverSide = true;
    }

    final boolean serverSide() {
        return serverSide;
    }

    /** Waits until the TLS handshake finished; throws the connection's error if it failed. */
    public final void awaitHandshake() throws IOException {
        handshakeWaiters.awaitUntil(() -> {
            if (state == CLOSED) {
                throw WaitList.connectionLost(lostError);
            }
            return tls == null || !tls.handshaking();
        }, "TLS handshake");
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "<" + wire + " " + (state == CLOSED ? "closed" : state == CLOSING ? "closing" : "open")
                    + (tls != null ? " tls" : "") + " write_buffered=" + pending.size()
                    + (readingPaused ? " reading-paused" : "") + ">";
        }
    }
}

package io.aio4j.net.spi;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The lower end of a byte-stream connection: what moves the bytes (a socket on the loop's selector, a
 * Ktor socket, a child's pipe, the test kit's memory network). aio4j's one stream transport sits on
 * top of a wire and does everything else — buffering, asyncio's flow control, the close and
 * half-close state machine, TLS, the reader and writer — so a wire only moves bytes and reports.
 *
 * <p>aio4j calls the public methods below holding {@link #lock()}, from the loop or a task; they must
 * not block. The wire reports through {@link #events()}, also holding {@link #lock()}: from a loop
 * callback, from a task of its own, or from another thread by way of {@code callSoon}. It never makes a
 * task wait on a monitor of its own.
 *
 * <p>A wire becomes a connection with {@link Transports#connect} (a client's) or through the acceptor
 * a listener is given ({@link Transports#serve}).
 */
public abstract class Wire {
    private final Object lock;
    private volatile WireEvents events;

    /** A wire with a monitor of its own. */
    protected Wire() {
        this(new Object());
    }

    /** A wire guarded by {@code lock} (the two ends of an in-memory connection share one). */
    protected Wire(Object lock) {
        this.lock = java.util.Objects.requireNonNull(lock, "lock");
    }

    /** The connection's monitor: held by aio4j while it calls the wire, and by the wire while it reports. */
    public final Object lock() {
        return lock;
    }

    /**
     * Connects the wire to the transport above it; aio4j calls it once.
     *
     * @throws IllegalStateException if the wire is already connected
     */
    public final void bind(WireEvents events) {
        synchronized (lock) {
            if (this.events != null) {
                throw new IllegalStateException("the wire " + this + " already belongs to a connection");
            }
            this.events = java.util.Objects.requireNonNull(events, "events");
        }
    }

    /**
     * Where the wire reports what happens.
     *
     * @throws IllegalStateException before the wire belongs to a connection
     */
    protected final WireEvents events() {
        WireEvents e = events;
        if (e == null) {
            throw new IllegalStateException("the wire " + this + " does not belong to a connection yet");
        }
        return e;
    }

    /**
     * For a wire that hands its bytes to a pump one chunk at a time: takes up to {@code max} bytes off
     * {@code bufs} (advancing them) into a new array, or returns null when they hold nothing.
     */
    protected static byte[] takeChunk(ByteBuffer[] bufs, int max) {
        long total = 0;
        for (ByteBuffer b : bufs) {
            total += b.remaining();
        }
        int n = (int) Math.min(total, max);
        if (n == 0) {
            return null;
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
        return chunk;
    }

    /** Sends what the wire takes of {@code bufs} now, without blocking; returns how many bytes it took. */
    public abstract long write(ByteBuffer[] bufs) throws IOException;

    /** Whether to report {@link WireEvents#writable()} once the wire can take more. */
    public abstract void wantWritable(boolean on);

    /** Whether to report what arrives ({@link WireEvents#received}); off while the reader is full. */
    public abstract void reading(boolean on);

    /** Whether the wire can half-close ({@link #shutdownOutput()}); true unless overridden. */
    public boolean canShutdownOutput() {
        return true;
    }

    /** Half-closes: the peer reads EOF after what was sent. */
    public abstract void shutdownOutput() throws IOException;

    /**
     * Releases the wire, once, when the connection is gone: after everything buffered above it was taken
     * ({@code abort} false: the peer still gets what the wire holds, then EOF), or at once
     * ({@code abort} true: what the wire holds may be dropped).
     */
    public abstract void close(boolean abort);

    /** The wire's part of {@code extraInfo}: {@code peername}, {@code sockname}, {@code socket}; else null. */
    public Object info(String name) {
        return null;
    }

    /**
     * Whether another thread moves the wire's bytes (a pipe's pump): waits on it then hold the test
     * kit's virtual clock, which must not jump past work it cannot see. False unless overridden.
     */
    public boolean foreign() {
        return false;
    }

    /** Whether the connection reads at all (a pipe to a child's stdin does not); true unless overridden. */
    public boolean readable() {
        return true;
    }
}

package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.LoopHandle;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * An in-memory connection: two {@link StreamTransport}s whose wires hand each other bytes on later
 * loop turns, as a socket pair would, with a socket's send buffer (a wire takes up to
 * {@link #WINDOW} bytes not yet delivered; the rest waits in the transport's buffer, where flow
 * control sees it) and injectable faults: writes split into chunks (each arriving on its own turn), a
 * delivery latency, and a reset after a number of bytes. Both ends share one monitor.
 */
public final class MemoryPipe {
    /** What one end's wire holds undelivered at most: a socket's send buffer. */
    static final int WINDOW = 64 * 1024;

    /** Faults to inject; all off by default. */
    public record Faults(int chunkSize, long latencyNanos, long resetAfterBytes) {
        public static final Faults NONE = new Faults(0, 0, -1);
    }

    private final Object lock = new Object();
    private final LoopHandle loop;
    private final Faults faults;
    private long bytesSent;
    public final End a;
    public final End b;

    /** A connection from {@code addrA} to {@code addrB}; {@code readB} false holds b's reading (TLS server). */
    public MemoryPipe(LoopHandle loop, Faults faults, SocketAddress addrA, SocketAddress addrB, int limitA, int limitB,
            boolean readB) {
        this.loop = loop;
        this.faults = faults;
        this.a = new End(limitA, addrA, addrB);
        this.b = new End(limitB, addrB, addrA);
        a.peer = b;
        b.peer = a;
        a.open("a memory stream connection to " + addrB, true);
        b.open("a memory stream connection to " + addrA, readB);
    }

    /** One end: its wire's bytes arrive at the other end. */
    public final class End extends StreamTransport {
        private final SocketAddress local;
        private final SocketAddress remote;
        End peer;
        // guarded by lock
        private final ArrayDeque<byte[]> queued = new ArrayDeque<>(); // taken by the wire, not yet delivered
        private long queuedBytes;
        private boolean reading;
        private boolean wantWritable;
        private boolean delivering;
        private boolean eofQueued;
        private boolean eofSent;
        private boolean wireClosed;

        End(int limit, SocketAddress local, SocketAddress remote) {
            super(MemoryPipe.this.loop, MemoryPipe.this.lock, limit, false);
            this.local = local;
            this.remote = remote;
        }

        @Override
        protected long wireWrite(ByteBuffer[] bufs) {
            long taken = 0;
            int chunk = faults.chunkSize() > 0 ? faults.chunkSize() : Integer.MAX_VALUE;
            for (ByteBuffer b : bufs) {
                while (b.hasRemaining() && queuedBytes < WINDOW) {
                    int n = (int) Math.min(Math.min(b.remaining(), chunk), WINDOW - queuedBytes);
                    byte[] piece = new byte[n];
                    b.get(piece);
                    queued.add(piece);
                    queuedBytes += n;
                    taken += n;
                }
            }
            scheduleDeliveryLocked();
            return taken;
        }

        @Override
        protected void wireWantWritable(boolean on) {
            wantWritable = on;
        }

        @Override
        protected void wireReading(boolean on) {
            reading = on;
            if (on) {
                peer.scheduleDeliveryLocked(); // the peer held what it wrote while this end was paused
            }
        }

        @Override
        protected void wireShutdownOutput() {
            eofQueued = true;
            scheduleDeliveryLocked();
        }

        @Override
        protected void wireClose(boolean abort) {
            // as a socket's close (asyncio's abort() too, which drops only the transport's buffer): what
            // the wire holds still arrives, then the peer reads EOF
            wireClosed = true;
            eofQueued = true;
            scheduleDeliveryLocked();
        }

        /** Delivers the next queued chunk on a later loop turn (after the latency, if any). */
        private void scheduleDeliveryLocked() {
            if (delivering || !peer.reading && !peer.wireClosed || queued.isEmpty() && (eofSent || !eofQueued)) {
                return;
            }
            delivering = true;
            Runnable step = this::deliverOne;
            try {
                if (faults.latencyNanos() > 0) {
                    loop.callLater(faults.latencyNanos(), step);
                } else {
                    loop.callSoon(step);
                }
            } catch (IllegalStateException loopClosed) {
                delivering = false;
            }
        }

        private void deliverOne() {
            synchronized (lock) {
                delivering = false;
                byte[] chunk = queued.pollFirst();
                if (chunk != null) {
                    queuedBytes -= chunk.length;
                    if (faults.resetAfterBytes() >= 0 && bytesSent + chunk.length > faults.resetAfterBytes()) {
                        int allowed = (int) Math.max(0, faults.resetAfterBytes() - bytesSent);
                        if (allowed > 0 && !peer.wireClosed) {
                            peer.received(ByteBuffer.wrap(chunk, 0, allowed));
                        }
                        resetLocked();
                        return;
                    }
                    bytesSent += chunk.length;
                    if (!peer.wireClosed) {
                        peer.received(ByteBuffer.wrap(chunk)); // a closed peer drops it, as a socket would
                    }
                    if (wantWritable && !wireClosed) {
                        writable();
                    }
                } else if (eofQueued && !eofSent) {
                    eofSent = true;
                    if (!peer.wireClosed) {
                        peer.receivedEof(); // the peer reads EOF once everything arrived
                    }
                    return;
                }
                scheduleDeliveryLocked();
            }
        }

        /** The injected fault: both ends see a reset. */
        private void resetLocked() {
            SocketException e = new SocketException("Connection reset by peer (memory network fault after "
                    + faults.resetAfterBytes() + " bytes)");
            queued.clear();
            peer.queued.clear();
            failed(e);
            peer.failed(e);
        }

        @Override
        protected Object wireInfo(String name) {
            return switch (name) {
                case "peername" -> remote;
                case "sockname" -> local;
                default -> null;
            };
        }

        @Override
        protected String wireName() {
            return "MemoryStream " + local + " -> " + remote;
        }
    }
}

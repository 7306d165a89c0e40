package io.aio4j.testkit;

import io.aio4j.bridge.lowlevel.LoopHandle;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import io.aio4j.net.spi.Wire;

/**
 * The memory network's connection (the test kit's {@link MemoryNetwork}): two {@link Wire}s that hand each other bytes on later loop turns, as a socket pair would, with a socket's send buffer (a wire takes up to
 * {@link #WINDOW} bytes not yet delivered; the rest waits in the transport's buffer, where flow
 * control sees it) and injectable faults: writes split into chunks (each arriving on its own turn), a
 * delivery latency, and a reset after a number of bytes. Both ends share one monitor.
 */
final class MemoryWire {
    /** What one end's wire holds undelivered at most: a socket's send buffer. */
    static final int WINDOW = 64 * 1024;

    /** Faults to inject; all off by default. */
    record Faults(int chunkSize, long latencyNanos, long resetAfterBytes) {
        static final Faults NONE = new Faults(0, 0, -1);
    }

    private final LoopHandle loop;
    private final Faults faults;
    private long bytesSent;
    final End a;
    final End b;

    /** A connection from {@code addrA} to {@code addrB}: two wires sharing one monitor. */
    MemoryWire(LoopHandle loop, Faults faults, SocketAddress addrA, SocketAddress addrB) {
        this.loop = loop;
        this.faults = faults;
        Object lock = new Object();
        this.a = new End(lock, addrA, addrB);
        this.b = new End(lock, addrB, addrA);
        a.peer = b;
        b.peer = a;
    }

    /** One end: its wire's bytes arrive at the other end. */
    final class End extends Wire {
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

        End(Object lock, SocketAddress local, SocketAddress remote) {
            super(lock);
            this.local = local;
            this.remote = remote;
        }

        @Override
        public long write(ByteBuffer[] bufs) {
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
        public void wantWritable(boolean on) {
            wantWritable = on;
        }

        @Override
        public void reading(boolean on) {
            reading = on;
            if (on) {
                peer.scheduleDeliveryLocked(); // the peer held what it wrote while this end was paused
            }
        }

        @Override
        public void shutdownOutput() {
            eofQueued = true;
            scheduleDeliveryLocked();
        }

        @Override
        public void close(boolean abort) {
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
            synchronized (lock()) {
                delivering = false;
                byte[] chunk = queued.pollFirst();
                if (chunk != null) {
                    queuedBytes -= chunk.length;
                    if (faults.resetAfterBytes() >= 0 && bytesSent + chunk.length > faults.resetAfterBytes()) {
                        int allowed = (int) Math.max(0, faults.resetAfterBytes() - bytesSent);
                        if (allowed > 0 && !peer.wireClosed) {
                            peer.events().received(ByteBuffer.wrap(chunk, 0, allowed));
                        }
                        resetLocked();
                        return;
                    }
                    bytesSent += chunk.length;
                    if (!peer.wireClosed) {
                        peer.events().received(ByteBuffer.wrap(chunk)); // a closed peer drops it, as a socket would
                    }
                    if (wantWritable && !wireClosed) {
                        events().writable();
                    }
                } else if (eofQueued && !eofSent) {
                    eofSent = true;
                    if (!peer.wireClosed) {
                        peer.events().receivedEof(); // the peer reads EOF once everything arrived
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
            events().failed(e);
            peer.events().failed(e);
        }

        @Override
        public Object info(String name) {
            return switch (name) {
                case "peername" -> remote;
                case "sockname" -> local;
                default -> null;
            };
        }

        @Override
        public String toString() {
            return "MemoryStream " + local + " -> " + remote;
        }
    }
}

package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.LoopHandle;
import io.aio4j.bridge.lowlevel.Unchecked;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An in-memory connection: two ends whose writes arrive at the other end's reader on later loop turns,
 * with the selector transport's semantics (limit and pause, drain between the water marks, EOF,
 * close, abort) and injectable faults: writes split into chunks (each arriving on its own turn), a
 * delivery latency, and a reset after a number of bytes. Both ends share one monitor.
 */
public final class MemoryPipe {
    /** Faults to inject; all off by default. */
    public record Faults(int chunkSize, long latencyNanos, long resetAfterBytes) {
        public static final Faults NONE = new Faults(0, 0, -1);
    }

    final Object lock = new Object();
    private final LoopHandle loop;
    private final Faults faults;
    private long bytesSent;
    private boolean reset;
    public final End a;
    public final End b;

    public MemoryPipe(LoopHandle loop, Faults faults, SocketAddress addrA, SocketAddress addrB, int limitA, int limitB) {
        this.loop = loop;
        this.faults = faults;
        this.a = new End(limitA, addrA, addrB);
        this.b = new End(limitB, addrB, addrA);
        a.peer = b;
        b.peer = a;
    }

    /** One end of the pipe: its reader gets what the other end writes. */
    public final class End implements WriteTransport, StreamReaderImpl.ReadControl, ClientConnection {
        private final StreamReaderImpl reader;
        private final StreamWriterImpl writer;
        private final SocketAddress local;
        private final SocketAddress remote;
        End peer;
        // guarded by lock
        private final ArrayDeque<byte[]> queued = new ArrayDeque<>(); // written, not yet delivered
        private long pending;
        private boolean readPaused;
        private boolean delivering;
        private boolean eofSent;
        private Runnable onClosed;
        private boolean closing;
        private boolean eofRequested;
        private boolean closed;
        private Throwable error;
        private final WaitList drainWaiters = new WaitList(lock);
        /** drain()'s condition, under the lock: writing may go on (or the connection is lost). */
        private final WaitList.Condition<IOException> canWrite = () -> {
            if (closed) {
                throw WaitList.connectionLost(error);
            }
            return pending <= SocketTransport.HIGH_WATER;
        };
        private final WaitList closeWaiters = new WaitList(lock);
        private final WaitList.Condition<RuntimeException> isClosed = () -> closed;

        End(int limit, SocketAddress local, SocketAddress remote) {
            this.reader = new StreamReaderImpl(lock, limit);
            this.writer = new StreamWriterImpl(this, reader);
            this.local = local;
            this.remote = remote;
            reader.setTransport(this);
            loop.track(this, "a memory stream connection to " + remote);
        }

        public StreamReaderImpl reader() {
            return reader;
        }

        public StreamWriterImpl writer() {
            return writer;
        }

        @Override
        public void pauseReading() {
            readPaused = true; // holding lock: the peer holds what it writes
        }

        @Override
        public void resumeReading() {
            readPaused = false;
            peer.scheduleDeliveryLocked();
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
                int chunk = faults.chunkSize() > 0 ? faults.chunkSize() : len;
                for (int i = off; i < off + len; i += chunk) {
                    queued.add(Arrays.copyOfRange(data, i, Math.min(off + len, i + chunk)));
                }
                pending += len;
                scheduleDeliveryLocked();
            }
        }

        /** Delivers the next queued chunk on a later loop turn (after the latency, if any). */
        private void scheduleDeliveryLocked() {
            if (delivering || peer.readPaused || queued.isEmpty() && (eofSent || !(closing || eofRequested))) {
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
                if (closed || reset) {
                    return;
                }
                byte[] chunk = queued.pollFirst();
                if (chunk != null) {
                    if (faults.resetAfterBytes() >= 0 && bytesSent + chunk.length > faults.resetAfterBytes()) {
                        int allowed = (int) Math.max(0, faults.resetAfterBytes() - bytesSent);
                        if (allowed > 0) {
                            peer.reader.feedLocked(chunk, 0, allowed);
                        }
                        resetLocked();
                        return;
                    }
                    bytesSent += chunk.length;
                    pending -= chunk.length;
                    if (!peer.closed) {
                        peer.reader.feedLocked(chunk, 0, chunk.length);
                    }
                    if (pending <= SocketTransport.LOW_WATER) {
                        drainWaiters.wakeAllLocked();
                    }
                } else if (eofRequested || closing) {
                    if (!eofSent) {
                        eofSent = true;
                        peer.reader.feedEofLocked(); // the peer reads EOF once everything arrived
                    }
                    if (closing) {
                        finishLocked(null);
                    }
                    return;
                }
                scheduleDeliveryLocked();
            }
        }

        /** The injected fault: both ends see a reset. */
        private void resetLocked() {
            reset = true;
            SocketException e = new SocketException("Connection reset by peer (memory network fault after "
                    + faults.resetAfterBytes() + " bytes)");
            finishLocked(e);
            peer.finishLocked(e);
        }

        private void finishLocked(Throwable e) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            error = e;
            queued.clear();
            pending = 0;
            loop.untrack(this);
            if (e == null) {
                reader.feedEofLocked();
            } else {
                reader.setExceptionLocked(e);
            }
            drainWaiters.wakeAllLocked();
            closeWaiters.wakeAllLocked();
            if (onClosed != null) {
                loop.callSoon(onClosed);
            }
        }

        /** Runs {@code r} on the loop once this end is closed (a server's bookkeeping). */
        void onClosed(Runnable r) {
            onClosed = r;
        }

        @Override
        public void drain() throws IOException {
            WriteTransport.beforeDrain(reader, this);
            drainWaiters.awaitUntil(canWrite, "StreamWriter.drain");
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (closing) {
                    return;
                }
                closing = true;
                scheduleDeliveryLocked(); // the peer gets EOF after what is queued
            }
        }

        @Override
        public void abort() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                finishLocked(null);
                if (!peer.closed) {
                    peer.reader.setExceptionLocked(new SocketException("Connection reset by peer"));
                }
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
                if (error != null) {
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
                scheduleDeliveryLocked();
            }
        }

        @Override
        public Object extraInfo(String name) {
            return switch (name) {
                case "peername" -> remote;
                case "sockname" -> local;
                default -> null;
            };
        }

        @Override
        public long bufferedBytes() {
            synchronized (lock) {
                return pending;
            }
        }

        @Override
        public String toString() {
            return "<MemoryStream " + local + " -> " + remote + (closed ? " closed" : "") + ">";
        }
    }

}

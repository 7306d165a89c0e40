package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.LoopHandle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import io.aio4j.net.spi.Wire;

/**
 * A child process's pipes as {@link Wire}s: asyncio's {@code _UnixReadPipeTransport} and
 * {@code _UnixWritePipeTransport}. Java cannot put a process's pipe on a selector, so each wire has a
 * pump thread that does the blocking read or write and reports to the loop with loop callbacks
 * ({@code callSoon}), the same way every other wire does; no task ever waits on the pump's monitor.
 */
abstract sealed class PipeWire extends Wire {
    private static final int CHUNK = 64 * 1024;

    final String name;
    final LoopHandle loop;

    PipeWire(LoopHandle loop, String name) {
        this.loop = loop;
        this.name = name;
    }

    @Override
    public boolean foreign() {
        return true;
    }

    /** Runs {@code r} on the loop holding the transport's lock; false if the loop is closed. */
    final boolean onLoop(Runnable r) {
        try {
            loop.callSoon(() -> {
                synchronized (lock()) {
                    r.run();
                }
            });
            return true;
        } catch (IllegalStateException loopClosed) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "PipeTransport " + name;
    }

    /** stdout or stderr: the pump reads and hands each chunk to the loop. */
    static final class Read extends PipeWire {
        private final InputStream in;
        private final Thread pump;
        private volatile boolean paused;
        private volatile boolean closed;

        private Read(LoopHandle loop, InputStream in, String name) {
            super(loop, name);
            this.in = in;
            this.pump = Thread.ofPlatform().daemon().name(name).unstarted(this::pump);
        }

        /** The reader of a pipe from the child ({@code in}: its stdout or stderr). */
        static StreamReaderImpl open(LoopHandle loop, InputStream in, int limit, String name) {
            Read w = new Read(loop, in, name);
            StreamTransport t = StreamTransport.open(loop, w, limit, "a pipe from " + name, true);
            t.closeWhenPeerCloses(); // asyncio: a read pipe's transport closes itself at EOF
            w.pump.start();
            return t.reader();
        }

        private void pump() {
            byte[] buf = new byte[CHUNK];
            try (in) {
                for (;;) {
                    while (paused && !closed) {
                        LockSupport.park(this);
                    }
                    if (closed) {
                        return;
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        // asyncio: eof_received, then the read pipe transport closes itself
                        onLoop(() -> events().receivedEof()); // then the transport closes itself
                        return;
                    }
                    byte[] chunk = java.util.Arrays.copyOf(buf, n);
                    if (!onLoop(() -> events().received(ByteBuffer.wrap(chunk)))) {
                        return;
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    onLoop(() -> events().failed(e));
                }
            }
        }

        @Override
        public boolean readable() {
            return true;
        }

        @Override
        public long write(ByteBuffer[] bufs) {
            throw new IllegalStateException("a read pipe cannot be written");
        }

        @Override
        public void wantWritable(boolean on) {
        }

        @Override
        public void reading(boolean on) {
            paused = !on;
            if (on) {
                LockSupport.unpark(pump);
            }
        }

        @Override
        public boolean canShutdownOutput() {
            return false;
        }

        @Override
        public void shutdownOutput() {
        }

        @Override
        public void close(boolean abort) {
            closed = true;
            LockSupport.unpark(pump);
            try {
                in.close(); // ends a read the pump is blocked in
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** stdin: the wire takes one chunk at a time, which the pump writes before it takes the next. */
    static final class Write extends PipeWire {
        private final OutputStream out;
        private final Thread pump;
        // guarded by lock
        private byte[] inflight;
        private boolean wantWritable;
        private boolean closeOut;

        private Write(LoopHandle loop, OutputStream out, String name) {
            super(loop, name);
            this.out = out;
            this.pump = Thread.ofPlatform().daemon().name(name).unstarted(this::pump);
        }

        /** The writer of a pipe to the child's stdin ({@code out}). */
        static StreamWriterImpl open(LoopHandle loop, OutputStream out, String name) {
            Write w = new Write(loop, out, name);
            StreamTransport t = StreamTransport.open(loop, w, StreamReaderImpl.DEFAULT_LIMIT, "a pipe to " + name, false);
            w.pump.start();
            return t.writer();
        }

        private void pump() {
            try {
                for (;;) {
                    byte[] next;
                    boolean finish;
                    synchronized (lock()) {
                        next = inflight;
                        finish = next == null && closeOut;
                    }
                    if (finish) {
                        out.close();
                        return;
                    }
                    if (next == null) {
                        LockSupport.park(this);
                        continue;
                    }
                    out.write(next);
                    out.flush();
                    synchronized (lock()) {
                        if (inflight == next) {
                            inflight = null; // the wire takes the next chunk now
                        }
                    }
                    onLoop(() -> {
                        if (wantWritable) {
                            events().writable();
                        }
                    });
                }
            } catch (IOException e) {
                onLoop(() -> events().failed(e)); // e.g. a broken pipe: the child exited
                try {
                    out.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        @Override
        public boolean readable() {
            return false;
        }

        @Override
        public long write(ByteBuffer[] bufs) {
            if (inflight != null || closeOut) {
                return 0;
            }
            byte[] chunk = takeChunk(bufs, CHUNK);
            if (chunk == null) {
                return 0;
            }
            inflight = chunk;
            LockSupport.unpark(pump);
            return chunk.length;
        }

        @Override
        public void wantWritable(boolean on) {
            wantWritable = on;
        }

        @Override
        public void reading(boolean on) {
        }

        @Override
        public void shutdownOutput() {
            finishLocked(); // a pipe's EOF is its close
        }

        @Override
        public void close(boolean abort) {
            if (abort) {
                inflight = null;
            }
            finishLocked();
        }

        private void finishLocked() {
            closeOut = true;
            LockSupport.unpark(pump);
        }
    }
}

package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.Unchecked;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * A child process's pipes as aio4j streams. A pipe cannot be put on a selector in Java, so each pipe
 * has a pump thread: output pipes feed a {@link StreamReaderImpl} (the pump waits while the reader is
 * paused), and stdin is written from a queue with the same drain semantics as a socket.
 */
final class PipeTransport {
    private PipeTransport() {
    }

    /** Starts a pump from {@code in} into a new reader. */
    static StreamReaderImpl reader(InputStream in, int limit, String name) {
        Object lock = new Object();
        StreamReaderImpl reader = new StreamReaderImpl(lock, limit);
        reader.markForeignFed();
        boolean[] paused = {false};
        reader.setTransport(new StreamReaderImpl.ReadControl() {
            @Override
            public void pauseReading() {
                paused[0] = true; // called holding lock
            }

            @Override
            public void resumeReading() {
                paused[0] = false;
                lock.notifyAll();
            }
        });
        Thread.ofPlatform().daemon().name(name).start(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (;;) {
                    synchronized (lock) {
                        while (paused[0]) {
                            lock.wait();
                        }
                    }
                    int n = in.read(buf);
                    synchronized (lock) {
                        if (n < 0) {
                            reader.feedEofLocked();
                            return;
                        }
                        reader.feedLocked(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                synchronized (lock) {
                    reader.setExceptionLocked(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return reader;
    }

    /** stdin: a queue drained into {@code out} by a writer thread. */
    static final class Writer implements WriteTransport {
        private final OutputStream out;
        private final Object lock = new Object();
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private long pending;
        private boolean closing;
        private boolean closed;
        private Throwable error;
        private final WaitList drainWaiters = new WaitList(lock, true);
        /** drain()'s condition, under the lock: writing may go on (or the connection is lost). */
        private final WaitList.Condition<IOException> canWrite = () -> {
            if (closed && error != null) {
                throw Unchecked.rethrow(error);
            }
            return pending <= SocketTransport.HIGH_WATER;
        };
        private final WaitList closeWaiters = new WaitList(lock, true);
        private final WaitList.Condition<RuntimeException> isClosed = () -> closed;

        Writer(OutputStream out, String name) {
            this.out = out;
            Thread.ofPlatform().daemon().name(name).start(this::pump);
        }

        private void pump() {
            try {
                for (;;) {
                    byte[] next;
                    synchronized (lock) {
                        while (queue.isEmpty() && !closing) {
                            lock.wait();
                        }
                        next = queue.pollFirst();
                    }
                    if (next == null) {
                        break; // closing and drained
                    }
                    out.write(next);
                    out.flush();
                    synchronized (lock) {
                        pending -= next.length;
                        if (pending <= SocketTransport.LOW_WATER) {
                            drainWaiters.wakeAllLocked();
                        }
                    }
                }
                finish(null);
            } catch (IOException e) {
                finish(e); // e.g. a broken pipe: the child exited
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void finish(Throwable e) {
            try {
                out.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            synchronized (lock) {
                closed = true;
                closing = true;
                if (error == null) {
                    error = e;
                }
                queue.clear();
                pending = 0;
                drainWaiters.wakeAllLocked();
                closeWaiters.wakeAllLocked();
            }
        }

        @Override
        public void write(byte[] data, int off, int len) {
            synchronized (lock) {
                if (closing || len == 0) {
                    return;
                }
                queue.add(java.util.Arrays.copyOfRange(data, off, off + len));
                pending += len;
                lock.notifyAll();
            }
        }

        @Override
        public void drain() throws IOException {
            WriteTransport.beforeDrain(null, this);
            drainWaiters.awaitUntil(canWrite, "StreamWriter.drain");
        }

        @Override
        public void close() {
            synchronized (lock) {
                closing = true;
                lock.notifyAll();
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
        }

        @Override
        public void abort() {
            synchronized (lock) {
                queue.clear();
                pending = 0;
                closing = true;
                lock.notifyAll();
            }
            try {
                out.close();
            } catch (IOException ignored) {
                // aborting
            }
        }

        @Override
        public boolean canWriteEof() {
            return true;
        }

        @Override
        public void writeEof() {
            close(); // a pipe's EOF is its close
        }

        @Override
        public Object extraInfo(String name) {
            return null;
        }

        @Override
        public long bufferedBytes() {
            synchronized (lock) {
                return pending;
            }
        }
    }
}

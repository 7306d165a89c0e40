package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.net.IncompleteReadError;
import io.aio4j.net.LimitOverrunError;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * asyncio's {@code StreamReader} (streams.py), over a byte buffer the transport reads into directly.
 * Guarded by the connection's monitor {@code lock}, shared with the transport.
 */
public final class StreamReaderImpl implements StreamReader {
    public static final int DEFAULT_LIMIT = 1 << 16;
    private static final int INITIAL_BUFFER = 8 * 1024;
    private static final byte[] EMPTY = new byte[0];

    final Object lock;
    private final int limit;
    private ReadControl transport;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int start;
    private int end;
    private boolean eof;
    private Throwable exception;
    private Waiter waiter;
    /** How many times data, EOF or an error came in (guarded by lock): see waitForData. */
    private long feeds;
    private boolean paused;
    private volatile boolean foreignFed; // fed by another thread (a pipe's pump), not by the loop

    /** What the reader asks of its transport. */
    public interface ReadControl {
        void pauseReading();

        void resumeReading();
    }

    public StreamReaderImpl(Object lock, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0: " + limit);
        }
        this.lock = lock;
        this.limit = limit;
    }

    void markForeignFed() {
        foreignFed = true;
    }

    void setTransport(ReadControl transport) {
        synchronized (lock) {
            this.transport = transport;
        }
    }

    @Override
    public int limit() {
        return limit;
    }

    // ---- the transport's side (holding lock) -----------------------------------------------------

    /** Makes room for {@code n} more bytes at {@code end}: compacts the buffer, or grows it. */
    private void ensureSpaceLocked(int n) {
        if (buf.length - end >= n) {
            return;
        }
        int size = end - start;
        if (start > 0 && buf.length - size >= n && size < buf.length / 2) {
            System.arraycopy(buf, start, buf, 0, size); // compact
        } else {
            byte[] bigger = new byte[Math.max(buf.length * 2, size + n)];
            System.arraycopy(buf, start, bigger, 0, size);
            buf = bigger;
        }
        start = 0;
        end = size;
    }

    /** The {@code n} bytes just put at {@code end} are readable: wakes the reader, pauses the transport. */
    private void commitLocked(int n) {
        if (n <= 0) {
            return;
        }
        end += n;
        wakeUpWaiterLocked();
        if (transport != null && !paused && end - start > 2 * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    /** asyncio's {@code feed_data} from a byte array (pipes, TLS, the memory network). */
    public void feedLocked(byte[] data, int off, int len) {
        feedLocked(ByteBuffer.wrap(data, off, len));
    }

    /** asyncio's {@code feed_data} from a buffer (a socket read): all of it, in one wake-up. */
    void feedLocked(ByteBuffer data) {
        int len = data.remaining();
        if (len == 0) {
            return;
        }
        ensureSpaceLocked(len);
        data.get(buf, end, len);
        commitLocked(len);
    }

    boolean pausedLocked() {
        return paused;
    }

    public void feedEofLocked() {
        eof = true;
        wakeUpWaiterLocked();
    }

    public void setExceptionLocked(Throwable e) {
        exception = e;
        wakeUpWaiterLocked();
    }

    private void wakeUpWaiterLocked() {
        feeds++;
        Waiter w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.done()) {
                w.wake();
            }
        }
    }

    private void maybeResumeTransportLocked() {
        if (paused && end - start <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    // ---- the reading task's side -----------------------------------------------------------------

    @Override
    public Throwable exception() {
        synchronized (lock) {
            return exception;
        }
    }

    /** Under the lock: whether the peer's EOF (or an error) has arrived, read or not. */
    public boolean eofReceivedLocked() {
        return eof || exception != null;
    }

    @Override
    public boolean atEof() {
        synchronized (lock) {
            return eof && end == start;
        }
    }

    private void throwIfFailedLocked() {
        if (exception != null) {
            throw Unchecked.rethrow(exception);
        }
    }

    /**
     * asyncio's {@code _wait_for_data}. {@code seen} is {@link #feeds} read in the same locked block
     * that found too little data: a reader fed by another thread (a pipe's pump) may have been fed
     * between that block and this one, and must not wait for what already arrived.
     */
    private void waitForData(String funcName, long seen) {
        Waiter w;
        synchronized (lock) {
            if (feeds != seen) {
                return; // data, EOF or an error came in since the caller looked: look again
            }
            if (waiter != null) {
                throw new IllegalStateException(funcName + "() called while another task is already waiting for "
                        + "incoming data on this StreamReader; only one task may read a stream at a time");
            }
            if (paused) { // waiting for data while paused would deadlock
                paused = false;
                transport.resumeReading();
            }
            w = new Waiter();
            waiter = w;
        }
        try {
            if (foreignFed) {
                w.awaitForeign("StreamReader." + funcName);
            } else {
                w.await("StreamReader." + funcName);
            }
        } finally {
            synchronized (lock) {
                if (waiter == w) {
                    waiter = null;
                }
            }
        }
        synchronized (lock) {
            throwIfFailedLocked();
        }
    }

    private byte[] takeLocked(int n) {
        byte[] out = Arrays.copyOfRange(buf, start, start + n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        maybeResumeTransportLocked();
        return out;
    }

    @Override
    public byte[] read() throws IOException {
        return read(-1);
    }

    @Override
    public byte[] read(int n) throws IOException {
        synchronized (lock) {
            throwIfFailedLocked();
        }
        if (n == 0) {
            return EMPTY;
        }
        if (n < 0) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (;;) {
                byte[] block = read(limit);
                if (block.length == 0) {
                    return all.toByteArray();
                }
                all.write(block);
            }
        }
        boolean wait;
        long seen;
        synchronized (lock) {
            wait = end == start && !eof;
            seen = feeds;
        }
        if (wait) {
            waitForData("read", seen);
        }
        synchronized (lock) {
            return takeLocked(Math.min(n, end - start));
        }
    }

    @Override
    public byte[] readexactly(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero: " + n);
        }
        synchronized (lock) {
            throwIfFailedLocked();
        }
        if (n == 0) {
            return EMPTY;
        }
        for (;;) {
            long seen;
            synchronized (lock) {
                if (end - start >= n) {
                    return takeLocked(n);
                }
                if (eof) {
                    byte[] partial = takeLocked(end - start);
                    throw new IncompleteReadError(partial, n);
                }
                seen = feeds;
            }
            waitForData("readexactly", seen);
        }
    }

    @Override
    public byte[] readline() throws IOException {
        byte[] sep = {'\n'};
        try {
            return readuntil(sep);
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            synchronized (lock) {
                if (startsWith(sep, start + e.consumed())) {
                    start += e.consumed() + sep.length;
                } else {
                    start = end;
                }
                if (start == end) {
                    start = 0;
                    end = 0;
                }
                maybeResumeTransportLocked();
            }
            throw e;
        }
    }

    @Override
    public byte[] readuntil(byte[] separator) throws IOException {
        return readuntil(new byte[][] {separator});
    }

    @Override
    public byte[] readuntil(byte[]... separators) throws IOException {
        if (separators.length == 0) {
            throw new IllegalArgumentException("Separator should contain at least one element");
        }
        byte[][] seps = separators.clone();
        Arrays.sort(seps, Comparator.comparingInt(s -> s.length)); // the shortest match wins
        int minSeplen = seps[0].length;
        int maxSeplen = seps[seps.length - 1].length;
        if (minSeplen == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        synchronized (lock) {
            throwIfFailedLocked();
        }
        int offset = 0;
        for (;;) {
            long seen;
            synchronized (lock) {
                int buflen = end - start;
                if (buflen - offset >= minSeplen) {
                    int matchStart = -1;
                    int matchEnd = -1;
                    for (byte[] sep : seps) {
                        int i = indexOf(sep, offset);
                        if (i != -1 && (matchEnd == -1 || i + sep.length < matchEnd)) {
                            matchStart = i;
                            matchEnd = i + sep.length;
                        }
                    }
                    if (matchEnd != -1) {
                        if (matchStart > limit) {
                            throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
                        }
                        return takeLocked(matchEnd);
                    }
                    offset = Math.max(0, buflen + 1 - maxSeplen);
                    if (offset > limit) {
                        throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                    }
                }
                if (eof) {
                    byte[] chunk = takeLocked(end - start);
                    throw new IncompleteReadError(chunk, -1);
                }
                seen = feeds;
            }
            waitForData("readuntil", seen);
        }
    }

    /** Index (relative to start) of {@code sep} at or after relative {@code from}, or -1. */
    private int indexOf(byte[] sep, int from) {
        outer:
        for (int i = start + from; i <= end - sep.length; i++) {
            for (int j = 0; j < sep.length; j++) {
                if (buf[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    private boolean startsWith(byte[] sep, int at) {
        if (end - at < sep.length) {
            return false;
        }
        for (int j = 0; j < sep.length; j++) {
            if (buf[at + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = readline();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next.length > 0;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the stream is at EOF");
                }
                byte[] line = next;
                next = null;
                return line;
            }
        };
    }

    @Override
    public String toString() {
        synchronized (lock) {
            StringBuilder b = new StringBuilder("<StreamReader");
            if (end > start) {
                b.append(' ').append(end - start).append(" bytes");
            }
            if (eof) {
                b.append(" eof");
            }
            if (limit != DEFAULT_LIMIT) {
                b.append(" limit=").append(limit);
            }
            if (waiter != null) {
                b.append(" waiter");
            }
            if (exception != null) {
                b.append(" exception=").append(exception);
            }
            if (paused) {
                b.append(" paused");
            }
            return b.append('>').toString();
        }
    }
}

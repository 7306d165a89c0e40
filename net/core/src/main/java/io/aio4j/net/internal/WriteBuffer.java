package io.aio4j.net.internal;

import io.aio4j.net.spi.Wire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * What a stream transport has written and its wire has not taken yet, with asyncio's
 * {@code _FlowControlMixin}: writing pauses above the high-water mark and resumes at the low-water
 * mark. Guarded by the transport's lock.
 */
final class WriteBuffer {
    /** asyncio's default high-water mark (64 KiB); the low-water mark defaults to a quarter of it. */
    static final int DEFAULT_HIGH_WATER = 64 * 1024;

    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private long size;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;
    private boolean paused;

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Bytes buffered (asyncio's {@code get_write_buffer_size()}). */
    long size() {
        return size;
    }

    /** Whether a writer must wait in {@code drain()} (asyncio: the protocol is paused). */
    boolean paused() {
        return paused;
    }

    /** Buffers a copy of what is left of {@code b} (the caller may reuse its array). */
    void add(ByteBuffer b) {
        int len = b.remaining();
        byte[] copy = new byte[len];
        b.get(copy);
        pending.addLast(ByteBuffer.wrap(copy));
        size += len;
        if (!paused && size > highWater) {
            paused = true; // asyncio: _maybe_pause_protocol
        }
    }

    /** Hands the wire what it takes now; true if that resumed writing (the buffer reached the low mark). */
    boolean flushTo(Wire wire) throws IOException {
        if (pending.isEmpty()) {
            return false;
        }
        size -= wire.write(pending.toArray(new ByteBuffer[0]));
        while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
            pending.pollFirst();
        }
        return maybeResume();
    }

    private boolean maybeResume() {
        if (paused && size <= lowWater) {
            paused = false; // asyncio: _maybe_resume_protocol
            return true;
        }
        return false;
    }

    /**
     * asyncio's {@code set_write_buffer_limits(high, low)}; true if that resumed writing.
     *
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    boolean setLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        highWater = high;
        lowWater = low;
        if (!paused && size > highWater) {
            paused = true;
        }
        return maybeResume();
    }

    /** The high-water mark and the low-water mark, in that order. */
    int[] limits() {
        return new int[] {highWater, lowWater};
    }

    /** Drops everything (an abort or a failure). */
    void clear() {
        pending.clear();
        size = 0;
    }
}

package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.Readiness;
import io.aio4j.net.spi.Wire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * asyncio's {@code _SelectorSocketTransport}'s socket: a non-blocking {@link SocketChannel} on the
 * loop's selector. Reading is eager (up to 256 KiB per read, as asyncio's {@code recv}).
 */
final class SocketWire extends Wire {
    /**
     * Direct read buffers, lent for one read: the read copies nothing into the JDK's own buffer, and
     * there are only as many as reads happen at once.
     */
    private static final ConcurrentLinkedQueue<ByteBuffer> READ_BUFFERS = new ConcurrentLinkedQueue<>();
    private static final int READ_SIZE = 256 * 1024;

    private final SocketChannel channel;
    private final Readiness reg;
    private boolean reading;

    /** Takes over {@code reg}, the channel's registration on the loop's selector. */
    SocketWire(SocketChannel channel, Readiness reg) {
        this.channel = channel;
        this.reg = reg;
        reg.handler(this::ready);
    }

    /** A selector event (a loop callback). */
    private void ready(int ops) {
        synchronized (lock()) {
            if ((ops & SelectionKey.OP_WRITE) != 0) {
                events().writable();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && reading) {
                readLocked();
            }
        }
    }

    private void readLocked() {
        ByteBuffer in = READ_BUFFERS.poll();
        if (in == null) {
            in = ByteBuffer.allocateDirect(READ_SIZE);
        }
        try {
            int n = channel.read(in.clear());
            if (n > 0) {
                events().received(in.flip());
            } else if (n < 0) {
                reading = false;
                events().receivedEof(); // asyncio: eof_received() keeps the stream open for writing
                return;
            }
            if (reading) {
                reg.watch(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            events().failed(e);
        } finally {
            READ_BUFFERS.offer(in);
        }
    }

    @Override
    public long write(ByteBuffer[] bufs) throws IOException {
        return channel.write(bufs);
    }

    @Override
    public void wantWritable(boolean on) {
        if (on) {
            reg.watch(SelectionKey.OP_WRITE);
        } else {
            reg.unwatch(SelectionKey.OP_WRITE);
        }
    }

    @Override
    public void reading(boolean on) {
        reading = on;
        if (on) {
            reg.watch(SelectionKey.OP_READ);
        } else {
            reg.unwatch(SelectionKey.OP_READ);
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close(boolean abort) {
        reg.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // already lost
        }
    }

    @Override
    public Object info(String name) {
        try {
            return switch (name) {
                case "peername" -> channel.getRemoteAddress();
                case "sockname" -> channel.getLocalAddress();
                case "socket" -> channel;
                default -> null;
            };
        } catch (IOException e) {
            return null; // closed
        }
    }

    @Override
    public String toString() {
        return "SocketTransport";
    }
}

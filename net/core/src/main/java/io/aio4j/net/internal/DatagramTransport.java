package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.Readiness;
import io.aio4j.bridge.lowlevel.LoopHandle;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.net.Datagram;
import io.aio4j.net.DatagramEndpoint;
import io.aio4j.net.DatagramOptions;
import io.aio4j.net.DatagramProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/** asyncio's {@code _SelectorDatagramTransport}, with an optional pull-style receive queue. */
public final class DatagramTransport implements DatagramEndpoint {
    private static final int MAX_DATAGRAM = 65536;
    private static final int MAX_QUEUED = 1024;

    private final LoopHandle loop;
    private final DatagramChannel channel;
    private final Readiness reg;
    private final DatagramProtocol protocol; // null: pull style
    private final SocketAddress remote;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(MAX_DATAGRAM);

    // guarded by this
    private final ArrayDeque<Object[]> sendQueue = new ArrayDeque<>(); // {ByteBuffer, SocketAddress}
    private long queuedBytes;
    private final ArrayDeque<Object> received = new ArrayDeque<>(); // Datagram or IOException
    private Waiter receiver;
    private boolean closing;
    private boolean closed;

    private DatagramTransport(LoopHandle loop, DatagramChannel channel, DatagramProtocol protocol, SocketAddress remote)
            throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        this.reg = loop.register(channel, this::ready);
        loop.track(this, "a datagram endpoint");
    }

    public static DatagramTransport open(DatagramProtocol protocol, DatagramOptions o) throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("Net.createDatagramEndpoint");
        InetSocketAddress local = o.localAddress();
        InetSocketAddress remote = o.remoteAddress();
        if (local == null && remote == null) {
            throw new IllegalArgumentException("a datagram endpoint needs a local address, a remote address, or both");
        }
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, o.reuseAddress());
            if (o.reusePort()) {
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            if (o.allowBroadcast()) {
                ch.setOption(StandardSocketOptions.SO_BROADCAST, true);
            }
            ch.bind(local);
            if (remote != null) {
                ch.connect(remote);
            }
            DatagramTransport t = new DatagramTransport(loop.handle(), ch, protocol, remote);
            t.reg.interest(SelectionKey.OP_READ);
            if (protocol != null) {
                loop.handle().callSoon(() -> protocol.connectionMade(t)); // asyncio: call_soon(connection_made)
            }
            return t;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    // ---- selector events -------------------------------------------------------------------------

    private void ready(int ops) {
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ops & SelectionKey.OP_READ) != 0) {
            readReady();
        }
    }

    private void readReady() {
        byte[] data;
        SocketAddress from;
        try {
            readBuffer.clear();
            from = channel.receive(readBuffer);
            if (from == null) {
                rearmRead();
                return;
            }
            readBuffer.flip();
            data = Arrays.copyOf(readBuffer.array(), readBuffer.remaining());
        } catch (IOException e) {
            deliverError(e);
            rearmRead();
            return;
        }
        if (protocol != null) {
            protocol.datagramReceived(data, from);
        } else {
            synchronized (this) {
                received.add(new Datagram(data, from));
                wakeReceiverLocked();
            }
        }
        rearmRead();
    }

    private void rearmRead() {
        synchronized (this) {
            if (!closed && (protocol != null || received.size() < MAX_QUEUED)) {
                reg.watch(SelectionKey.OP_READ);
            }
        }
    }

    private void deliverError(IOException e) {
        if (protocol != null) {
            protocol.errorReceived(e);
        } else {
            synchronized (this) {
                received.add(e);
                wakeReceiverLocked();
            }
        }
    }

    private void wakeReceiverLocked() {
        Waiter w = receiver;
        if (w != null) {
            receiver = null;
            if (!w.done()) {
                w.wake();
            }
        }
    }

    private void flush() {
        synchronized (this) {
            while (!sendQueue.isEmpty()) {
                Object[] item = sendQueue.peekFirst();
                ByteBuffer b = (ByteBuffer) item[0];
                int len = b.remaining();
                try {
                    int n = remote != null ? channel.write(b) : channel.send(b, (SocketAddress) item[1]);
                    if (n == 0) {
                        reg.watch(SelectionKey.OP_WRITE);
                        return;
                    }
                } catch (IOException e) {
                    deliverErrorLater(e);
                }
                sendQueue.pollFirst();
                queuedBytes -= len;
            }
            if (closing) {
                finishCloseLocked(null);
            }
        }
    }

    private void deliverErrorLater(IOException e) {
        loop.callSoon(() -> deliverError(e)); // asyncio: error_received, from the write path
    }

    // ---- DatagramEndpoint ------------------------------------------------------------------------

    @Override
    public void sendto(byte[] data) {
        sendto(data, null);
    }

    @Override
    public void sendto(byte[] data, SocketAddress address) {
        Objects.requireNonNull(data, "data");
        if (remote != null && address != null && !address.equals(remote)) {
            throw new IllegalArgumentException("Invalid address: must be None or " + remote + ", not " + address);
        }
        if (remote == null && address == null) {
            throw new IllegalArgumentException("sendto needs an address: this endpoint is not connected");
        }
        synchronized (this) {
            if (closing || closed) {
                return; // asyncio drops sends after close
            }
            ByteBuffer b = ByteBuffer.wrap(data.clone());
            if (sendQueue.isEmpty()) {
                try {
                    int n = remote != null ? channel.write(b) : channel.send(b, address);
                    if (n > 0) {
                        return;
                    }
                } catch (IOException e) {
                    deliverErrorLater(e);
                    return;
                }
                reg.watch(SelectionKey.OP_WRITE);
            }
            sendQueue.add(new Object[] {b, address});
            queuedBytes += data.length;
        }
    }

    @Override
    public Datagram receive() throws IOException {
        if (protocol != null) {
            throw new IllegalStateException("receive() is for endpoints without a DatagramProtocol: this one delivers "
                    + "datagrams to its protocol's datagramReceived");
        }
        for (;;) {
            Waiter w;
            synchronized (this) {
                Object next = received.pollFirst();
                if (next != null) {
                    if (received.size() == MAX_QUEUED - 1 && !closed) {
                        reg.watch(SelectionKey.OP_READ); // there is room again
                    }
                    if (next instanceof IOException e) {
                        throw e;
                    }
                    return (Datagram) next;
                }
                if (closed || closing) {
                    throw new IllegalStateException("the datagram endpoint is closed");
                }
                if (receiver != null) {
                    throw new IllegalStateException("receive() called while another task is already waiting on this endpoint");
                }
                w = new Waiter();
                receiver = w;
            }
            try {
                w.await("DatagramEndpoint.receive");
            } finally {
                synchronized (this) {
                    if (receiver == w) {
                        receiver = null;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            reg.unwatch(SelectionKey.OP_READ);
            if (sendQueue.isEmpty()) {
                finishCloseLocked(null);
            }
        }
    }

    @Override
    public void abort() {
        synchronized (this) {
            closing = true;
            sendQueue.clear();
            queuedBytes = 0;
            finishCloseLocked(null);
        }
    }

    private void finishCloseLocked(Exception e) {
        if (closed) {
            return;
        }
        closed = true;
        loop.untrack(this);
        reg.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        wakeReceiverLocked();
        if (protocol != null) {
            try {
                loop.callSoon(() -> protocol.connectionLost(e));
            } catch (IllegalStateException loopClosed) {
                protocol.connectionLost(e);
            }
        }
    }

    @Override
    public synchronized boolean isClosing() {
        return closing;
    }

    @Override
    public Object extraInfo(String name) {
        try {
            return switch (name) {
                case "sockname" -> channel.getLocalAddress();
                case "peername" -> remote;
                case "socket" -> channel;
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public SocketAddress localAddress() {
        return (SocketAddress) extraInfo("sockname");
    }

    @Override
    public synchronized long writeBufferSize() {
        return queuedBytes;
    }

    @Override
    public String toString() {
        return "<DatagramEndpoint local=" + localAddress() + (remote != null ? " remote=" + remote : "")
                + (closed ? " closed" : "") + ">";
    }
}

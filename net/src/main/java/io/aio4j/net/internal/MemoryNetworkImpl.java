package io.aio4j.net.internal;

import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/** The memory network behind the test kit's {@code MemoryNetwork}: servers and connections in memory. */
public final class MemoryNetworkImpl implements NetworkOverride {
    private final EventLoopImpl loop;
    private final Map<Integer, ServerImpl> listeners = new HashMap<>();
    private int nextPort = 40_000;
    private int nextClientPort = 50_000;
    private volatile MemoryPipe.Faults faults = MemoryPipe.Faults.NONE;
    private volatile boolean refuse;

    public MemoryNetworkImpl(EventLoopImpl loop) {
        this.loop = loop;
    }

    public void faults(MemoryPipe.Faults f) {
        this.faults = f;
    }

    public void refuseConnections(boolean on) {
        this.refuse = on;
    }

    @Override
    public synchronized Server startServer(ConnectionHandler handler, String host, int port, ServerOptions o)
            throws IOException {
        int p = port == 0 ? nextPort++ : port;
        if (listeners.containsKey(p)) {
            throw new java.net.BindException("Address already in use (memory network): port " + p);
        }
        InetSocketAddress address = new InetSocketAddress(host == null || host.isEmpty() ? "0.0.0.0" : host, p);
        ServerImpl s = new ServerImpl(loop, handler, o);
        s.listen(new ServerImpl.Listener() {
            @Override
            public java.net.SocketAddress address() {
                return address;
            }

            @Override
            public void close() {
                synchronized (MemoryNetworkImpl.this) {
                    listeners.remove(p);
                }
            }
        }, "a memory-network server");
        listeners.put(p, s);
        return s;
    }

    @Override
    public Connection openConnection(String host, int port, ConnectOptions o) throws IOException {
        EventLoopImpl.current("Net.openConnection");
        ServerImpl s;
        InetSocketAddress client;
        synchronized (this) {
            s = listeners.get(port);
            client = new InetSocketAddress("127.0.0.1", nextClientPort++);
        }
        if (refuse) {
            throw new ConnectException("Connect call failed " + host + ":" + port + ": the memory network refuses connections");
        }
        if (s == null) {
            throw new ConnectException("Connect call failed " + host + ":" + port + ": Connection refused (memory network)");
        }
        MemoryPipe pipe = new MemoryPipe(loop.handle(), faults, client, (InetSocketAddress) s.sockets().get(0), o.limit(),
                s.limit(), s.readsAtOnce());
        s.accepted(pipe.b);
        if (o.ssl() != null) {
            pipe.a.startTls(o.ssl(), o.serverHostname() != null ? o.serverHostname() : host, false, io.aio4j.net.ClientAuth.NONE);
        }
        return pipe.a.connection();
    }
}

package io.aio4j.testkit;

import io.aio4j.bridge.lowlevel.LoopCore;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.Acceptor;
import io.aio4j.net.spi.Listener;
import io.aio4j.net.spi.TransportProvider;
import io.aio4j.net.spi.Transports;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/** The memory network's {@link TransportProvider}: servers and connections in memory, on one loop. */
final class MemoryProvider implements TransportProvider {
    private final Map<Integer, Listening> listeners = new HashMap<>();
    private int nextPort = 40_000;
    private int nextClientPort = 50_000;
    private volatile MemoryWire.Faults faults = MemoryWire.Faults.NONE;
    private volatile boolean refuse;

    private record Listening(InetSocketAddress address, Acceptor acceptor) {
    }

    void faults(MemoryWire.Faults f) {
        this.faults = f;
    }

    void refuseConnections(boolean on) {
        this.refuse = on;
    }

    @Override
    public Server startServer(ConnectionHandler handler, String host, int port, ServerOptions o) throws IOException {
        return Transports.serve(handler, o, acceptor -> listen(acceptor, host, port));
    }

    private synchronized Listener listen(Acceptor acceptor, String host, int port) throws IOException {
        int p = port == 0 ? nextPort++ : port;
        if (listeners.containsKey(p)) {
            throw new java.net.BindException("Address already in use (memory network): port " + p);
        }
        InetSocketAddress address = new InetSocketAddress(host == null || host.isEmpty() ? "0.0.0.0" : host, p);
        listeners.put(p, new Listening(address, acceptor));
        return new Listener() {
            @Override
            public SocketAddress address() {
                return address;
            }

            @Override
            public void close() {
                synchronized (MemoryProvider.this) {
                    listeners.remove(p);
                }
            }
        };
    }

    @Override
    public Connection openConnection(String host, int port, ConnectOptions o) throws IOException {
        LoopCore loop = LoopCore.current();
        if (loop == null) {
            throw io.aio4j.bridge.lowlevel.TaskCore.notInTask("Net.openConnection");
        }
        Listening s;
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
        MemoryWire pipe = new MemoryWire(loop, faults, client, s.address());
        s.acceptor().accept(pipe.b, "a memory stream connection from " + client);
        return Transports.connect(pipe.a, o, host, "a memory stream connection to " + s.address());
    }

    @Override
    public String toString() {
        return "memory";
    }
}

package io.aio4j.net.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.internal.TaskImpl;
import io.aio4j.net.ServerOptions;
import java.io.IOException;
import java.net.SocketAddress;

/** A Ktor server socket (the interop transport): an accepting task hands each socket to the server. */
final class KtorListener implements ServerImpl.Listener {
    private final ServerImpl server;
    private final io.ktor.network.sockets.ServerSocket socket;
    private final SocketAddress address;
    private final TaskImpl<Void> accepting;
    private volatile boolean closed;

    private KtorListener(ServerImpl server, io.ktor.network.sockets.ServerSocket socket) {
        this.server = server;
        this.socket = socket;
        this.address = KtorTransport.toJava(socket.getLocalAddress());
        this.accepting = TaskImpl.create(server.loop(), "ktor-accept " + address, this::accept);
    }

    static KtorListener bind(ServerImpl server, String host, int port) {
        ServerOptions o = server.options();
        String h = host == null || host.isEmpty() ? "0.0.0.0" : host;
        io.ktor.network.sockets.TcpSocketBuilder tcp = io.ktor.network.sockets.BuildersKt.aSocket(KtorTransport.selector()).tcp();
        io.ktor.network.sockets.ServerSocket s = Suspend.call(k -> tcp.bind(h, port, opts -> {
            opts.setBacklogSize(o.backlog());
            opts.setReuseAddress(o.reuseAddress());
            opts.setReusePort(o.reusePort());
            return kotlin.Unit.INSTANCE;
        }, k));
        return new KtorListener(server, s);
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    private Void accept() {
        for (;;) {
            io.ktor.network.sockets.Socket s;
            try {
                s = Suspend.call(socket::accept);
            } catch (CancelledError e) {
                return null; // closed
            } catch (Throwable e) {
                if (closed) {
                    return null;
                }
                server.loop().handle().report("Socket accept failed on " + address, e);
                continue;
            }
            server.accepted(KtorTransport.wrap(s, server.limit(), server.readsAtOnce()));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        accepting.cancel();
    }
}

package io.aio4j.net.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.internal.TaskImpl;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.Acceptor;
import io.aio4j.net.spi.Listener;
import java.io.IOException;
import java.net.SocketAddress;

/** A Ktor server socket (the interop transport): an accepting task hands each socket to the server. */
final class KtorListener implements Listener {
    private final Acceptor acceptor;
    private final EventLoopImpl loop;
    private final io.ktor.network.sockets.ServerSocket socket;
    private final SocketAddress address;
    private final TaskImpl<Void> accepting;
    private volatile boolean closed;

    private KtorListener(Acceptor acceptor, EventLoopImpl loop, io.ktor.network.sockets.ServerSocket socket) {
        this.acceptor = acceptor;
        this.loop = loop;
        this.socket = socket;
        this.address = KtorWire.toJava(socket.getLocalAddress());
        this.accepting = TaskImpl.create(loop, "ktor-accept " + address, this::accept);
    }

    static KtorListener bind(Acceptor acceptor, String host, int port, ServerOptions o) {
        EventLoopImpl loop = EventLoopImpl.current("Net.startServer");
        String h = host == null || host.isEmpty() ? "0.0.0.0" : host;
        io.ktor.network.sockets.TcpSocketBuilder tcp = io.ktor.network.sockets.BuildersKt.aSocket(KtorWire.selector()).tcp();
        io.ktor.network.sockets.ServerSocket s = Suspend.call(k -> tcp.bind(h, port, opts -> {
            opts.setBacklogSize(o.backlog());
            opts.setReuseAddress(o.reuseAddress());
            opts.setReusePort(o.reusePort());
            return kotlin.Unit.INSTANCE;
        }, k));
        return new KtorListener(acceptor, loop, s);
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
                loop.handle().report("Socket accept failed on " + address, e);
                continue;
            }
            acceptor.accept(new KtorWire(loop, s), "a Ktor stream connection from " + KtorWire.toJava(s.getRemoteAddress()));
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

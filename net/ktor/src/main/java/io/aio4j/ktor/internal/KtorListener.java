package io.aio4j.ktor.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.bridge.lowlevel.LoopCore;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.Acceptor;
import io.aio4j.net.spi.Listener;
import java.io.IOException;
import java.net.SocketAddress;

/** A Ktor server socket (the interop transport): an accepting task hands each socket to the server. */
final class KtorListener implements Listener {
    private final Acceptor acceptor;
    private final LoopCore loop;
    private final io.ktor.network.sockets.ServerSocket socket;
    private final SocketAddress address;
    private final Task<Void> accepting;
    private volatile boolean closed;

    private KtorListener(Acceptor acceptor, LoopCore loop, io.ktor.network.sockets.ServerSocket socket) {
        this.acceptor = acceptor;
        this.loop = loop;
        this.socket = socket;
        this.address = KtorWire.toJava(socket.getLocalAddress());
        this.accepting = Aio.createTask("ktor-accept " + address, this::accept);
    }

    static KtorListener bind(Acceptor acceptor, String host, int port, ServerOptions o) {
        LoopCore loop = LoopCore.current();
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

    private void accept() {
        for (;;) {
            io.ktor.network.sockets.Socket s;
            try {
                s = Suspend.call(socket::accept);
            } catch (CancelledError e) {
                return; // closed
            } catch (Throwable e) {
                if (closed) {
                    return;
                }
                loop.report("Socket accept failed on " + address, e);
                continue;
            }
            acceptor.accept(new KtorWire(s), "a Ktor stream connection from " + KtorWire.toJava(s.getRemoteAddress()));
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

package io.aio4j.net.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.lowlevel.Readiness;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.TaskImpl;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** asyncio's {@code Server} with {@code start_server}'s per-connection task, on the loop's selector. */
public final class ServerImpl implements Server {
    private final EventLoopImpl loop;
    private final ConnectionHandler handler;
    private final ServerOptions options;
    private final ServerSocketChannel channel; // the selector transport's listening socket, or null
    private final Readiness reg;
    private final io.ktor.network.sockets.ServerSocket ktorServer; // the Ktor transport's, or null
    private TaskImpl<Void> ktorAccepting;
    private Runnable memoryClose; // a memory-network server
    private final Path unixPath;
    private final SocketAddress address;

    // guarded by this
    private boolean closed;
    private final Set<ClientConnection> clients = new LinkedHashSet<>();
    private final WaitList closedWaiters = new WaitList(this);
    private Waiter servingForever;

    private ServerImpl(EventLoopImpl loop, ConnectionHandler handler, ServerOptions options, ServerSocketChannel channel,
            Path unixPath) throws IOException {
        this.loop = loop;
        this.handler = handler;
        this.options = options;
        this.channel = channel;
        this.unixPath = unixPath;
        this.ktorServer = null;
        this.address = channel.getLocalAddress();
        channel.configureBlocking(false);
        this.reg = loop.handle().register(channel, this::acceptReady);
        reg.interest(SelectionKey.OP_ACCEPT);
        loop.handle().track(this, "a server on " + address);
    }

    private ServerImpl(EventLoopImpl loop, ConnectionHandler handler, ServerOptions options,
            io.ktor.network.sockets.ServerSocket ktorServer) {
        this.loop = loop;
        this.handler = handler;
        this.options = options;
        this.channel = null;
        this.reg = null;
        this.unixPath = null;
        this.ktorServer = ktorServer;
        this.address = KtorTransport.toJava(ktorServer.getLocalAddress());
        this.ktorAccepting = TaskImpl.create(loop, "ktor-accept " + address, this::acceptKtor);
        loop.handle().track(this, "a server on " + address);
    }

    private ServerImpl(EventLoopImpl loop, ConnectionHandler handler, ServerOptions options, SocketAddress address,
            Runnable memoryClose) {
        this.loop = loop;
        this.handler = handler;
        this.options = options;
        this.channel = null;
        this.reg = null;
        this.unixPath = null;
        this.ktorServer = null;
        this.address = address;
        this.memoryClose = memoryClose;
        loop.handle().track(this, "a memory-network server on " + address);
    }

    /** A server of the test kit's memory network; connections arrive through {@link #acceptMemory}. */
    static ServerImpl memory(EventLoopImpl loop, ConnectionHandler handler, ServerOptions o, SocketAddress address,
            Runnable onClose) {
        return new ServerImpl(loop, handler, o, address, onClose);
    }

    void acceptMemory(MemoryPipe.End end) {
        synchronized (this) {
            if (closed) {
                end.abort();
                return;
            }
            clients.add(end);
        }
        end.onClosed(() -> clientGone(end));
        startHandler(end.reader(), end.writer(), end, null);
    }

    int limit() {
        return options.limit();
    }

    /** A server on Ktor raw sockets (the interop transport). */
    public static ServerImpl ktor(EventLoopImpl loop, ConnectionHandler handler, String host, int port, ServerOptions o) {
        if (o.ssl() != null) {
            throw new IllegalArgumentException("TLS needs Transport.SELECTOR: the Ktor transport serves plain TCP");
        }
        String h = host == null || host.isEmpty() ? "0.0.0.0" : host;
        io.ktor.network.sockets.TcpSocketBuilder tcp = io.ktor.network.sockets.BuildersKt.aSocket(KtorTransport.selector()).tcp();
        io.ktor.network.sockets.ServerSocket s = io.aio4j.bridge.Suspend.call(k -> tcp.bind(h, port, opts -> {
            opts.setBacklogSize(o.backlog());
            opts.setReuseAddress(o.reuseAddress());
            opts.setReusePort(o.reusePort());
            return kotlin.Unit.INSTANCE;
        }, k));
        return new ServerImpl(loop, handler, o, s);
    }

    private Void acceptKtor() {
        for (;;) {
            io.ktor.network.sockets.Socket s;
            try {
                s = io.aio4j.bridge.Suspend.call(ktorServer::accept);
            } catch (CancelledError e) {
                return null; // closed
            } catch (Throwable e) {
                synchronized (this) {
                    if (closed) {
                        return null;
                    }
                }
                loop.handle().report("Socket accept failed on " + address, e);
                continue;
            }
            KtorTransport[] self = new KtorTransport[1];
            KtorTransport t = KtorTransport.wrap(s, options.limit(), () -> clientGone(self[0]));
            self[0] = t;
            synchronized (this) {
                clients.add(t);
            }
            startHandler(t.reader(), t.writer(), t, null);
        }
    }

    public static ServerImpl tcp(EventLoopImpl loop, ConnectionHandler handler, String host, int port, ServerOptions o)
            throws IOException {
        InetSocketAddress bind = host == null || host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, o.reuseAddress());
            if (o.reusePort()) {
                if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new UnsupportedOperationException("reusePort: SO_REUSEPORT is not supported on this platform");
                }
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            ch.bind(bind, o.backlog());
            return new ServerImpl(loop, handler, o, ch, null);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public static ServerImpl unix(EventLoopImpl loop, ConnectionHandler handler, Path path, ServerOptions o)
            throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), o.backlog());
            return new ServerImpl(loop, handler, o, ch, path);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    // ---- accepting (loop callback) ---------------------------------------------------------------

    private void acceptReady(int ops) {
        for (int i = 0; i < Math.max(1, options.backlog()); i++) { // asyncio accepts up to backlog at once
            SocketChannel c;
            try {
                c = channel.accept();
            } catch (IOException e) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                }
                loop.handle().report("Socket accept failed on " + address, e);
                break;
            }
            if (c == null) {
                break;
            }
            try {
                serve(c);
            } catch (IOException e) {
                loop.handle().report("Cannot set up the connection from " + describe(c), e);
                closeQuietly(c);
            }
        }
        synchronized (this) {
            if (!closed) {
                reg.watch(SelectionKey.OP_ACCEPT);
            }
        }
    }

    private void serve(SocketChannel c) throws IOException {
        c.configureBlocking(false);
        if (unixPath == null) {
            c.setOption(StandardSocketOptions.TCP_NODELAY, options.noDelay());
            c.setOption(StandardSocketOptions.SO_KEEPALIVE, options.keepAlive());
        }
        Readiness creg = loop.handle().register(c, ops -> { });
        SocketTransport[] self = new SocketTransport[1];
        SocketTransport t = new SocketTransport(loop.handle(), c, creg, options.limit(), () -> clientGone(self[0]),
                options.ssl() == null); // TLS: the handshake's startTls begins reading
        self[0] = t;
        t.markServerSide();
        synchronized (this) {
            clients.add(t);
        }
        startHandler(t.reader(), t.writer(), t, t);
    }

    /** Runs the handler as a task of its own (after the TLS handshake, if any) and closes after it. */
    private void startHandler(StreamReaderImpl r, StreamWriterImpl w, ClientConnection conn, SocketTransport tls) {
        TaskImpl<Void> task = TaskImpl.create(loop, null, () -> {
            if (options.ssl() != null && tls != null) {
                try {
                    tls.startTls(options.ssl(), null, true);
                } catch (IOException e) {
                    return null; // a failed handshake ends the connection; the handler never sees it
                }
            }
            handler.handle(r, w);
            return null;
        });
        task.addDoneCallback(done -> {
            if (!done.cancelled() && done.exception() != null) {
                loop.handle().report("Unhandled exception in client_connected_cb (connection from "
                        + w.extraInfo("peername") + ")", done.exception());
            }
            conn.close(); // asyncio closes the connection when the handler's writer is collected
        });
    }

    private void clientGone(ClientConnection t) {
        synchronized (this) {
            clients.remove(t);
            wakeClosedWaitersLocked();
        }
    }

    private void wakeClosedWaitersLocked() {
        if (closed && clients.isEmpty()) {
            closedWaiters.wakeAllLocked();
        }
    }

    // ---- Server ----------------------------------------------------------------------------------

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            loop.handle().untrack(this);
            if (reg != null) {
                reg.cancel();
                closeQuietly(channel);
            } else if (memoryClose != null) {
                memoryClose.run();
            } else {
                try {
                    ktorServer.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                ktorAccepting.cancel();
            }
            if (unixPath != null) {
                try {
                    Files.deleteIfExists(unixPath);
                } catch (IOException e) {
                    loop.handle().report("Cannot remove the Unix socket file " + unixPath, e);
                }
            }
            if (servingForever != null && !servingForever.done()) {
                servingForever.wake(); // asyncio cancels the serve_forever future
            }
            wakeClosedWaitersLocked();
        }
    }

    @Override
    public void closeClients() {
        for (ClientConnection t : snapshot()) {
            t.close();
        }
    }

    @Override
    public void abortClients() {
        for (ClientConnection t : snapshot()) {
            t.abort();
        }
    }

    private synchronized List<ClientConnection> snapshot() {
        return new ArrayList<>(clients);
    }

    @Override
    public void waitClosed() {
        closedWaiters.awaitUntil(() -> closed && clients.isEmpty(), "Server.waitClosed");
    }

    @Override
    public void serveForever() {
        Waiter w;
        synchronized (this) {
            if (servingForever != null) {
                throw new IllegalStateException("server " + this + " is already being awaited on serveForever()");
            }
            if (closed) {
                throw new IllegalStateException("server " + this + " is closed");
            }
            w = new Waiter();
            servingForever = w;
        }
        try {
            w.await("Server.serveForever");
            throw new CancelledError("the server was closed"); // asyncio: close() cancels serve_forever
        } catch (CancelledError e) {
            try {
                close();
                waitClosed();
            } finally {
                synchronized (this) {
                    servingForever = null;
                }
            }
            throw e;
        }
    }

    @Override
    public synchronized boolean isServing() {
        return !closed;
    }

    @Override
    public synchronized List<SocketAddress> sockets() {
        return closed ? List.of() : List.of(address);
    }

    @Override
    public int port() {
        if (address instanceof InetSocketAddress inet) {
            synchronized (this) {
                if (!closed) {
                    return inet.getPort();
                }
            }
            throw new IllegalStateException("server " + this + " is closed: it has no port");
        }
        throw new IllegalStateException("server " + this + " listens on a Unix socket, which has no port");
    }

    @Override
    public synchronized int activeConnections() {
        return clients.size();
    }

    @Override
    public synchronized String toString() {
        return "<Server " + address + (closed ? " closed" : " serving") + " connections=" + clients.size() + ">";
    }

    private static String describe(SocketChannel c) {
        try {
            return String.valueOf(c.getRemoteAddress());
        } catch (IOException e) {
            return "?";
        }
    }

    static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}

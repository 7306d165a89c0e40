package io.aio4j.net.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.lowlevel.Readiness;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.TaskImpl;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.Listener;
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

/**
 * asyncio's {@code Server} with {@code start_server}'s per-connection task. What accepts connections
 * is its {@link Listener} (the loop's selector, a Ktor server socket, the test kit's memory network);
 * the server itself is the same for all of them.
 */
public final class ServerImpl implements Server {
    private final EventLoopImpl loop;
    private final ConnectionHandler handler;
    private final ServerOptions options;
    private Listener listener;
    private SocketAddress address;

    // guarded by this
    private boolean closed;
    private final Set<StreamTransport> clients = new LinkedHashSet<>();
    private final WaitList closedWaiters = new WaitList(this);
    private Waiter servingForever;

    private ServerImpl(EventLoopImpl loop, ConnectionHandler handler, ServerOptions options) {
        this.loop = loop;
        this.handler = handler;
        this.options = options;
    }

    /** {@code Transports.serve}: a server on the current loop over what {@code listen} opens. */
    public static ServerImpl serve(ConnectionHandler handler, ServerOptions options, Listener.Opener listen)
            throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("Net.startServer");
        ServerImpl s = new ServerImpl(loop, handler, options);
        Listener l = listen.open((wire, what) -> s.accepted(
                StreamTransport.open(loop.handle(), wire, options.limit(), what, options.ssl() == null)));
        s.listener = l;
        s.address = l.address();
        loop.handle().track(s, "a server on " + s.address);
        return s;
    }

    /** A Unix domain socket server on the loop's selector. */
    public static ServerImpl unix(ConnectionHandler handler, Path path, ServerOptions o) throws IOException {
        return serve(handler, o, a -> SelectorListener.unix(a, path, o));
    }

    /**
     * A connection the listener accepted: the handler runs as a task of its own (after the TLS
     * handshake, if the server serves TLS).
     */
    private void accepted(StreamTransport t) {
        synchronized (this) {
            if (closed) {
                t.abort();
                return;
            }
            clients.add(t);
        }
        t.markServerSide();
        t.onClosed(() -> clientGone(t));
        StreamReaderImpl r = t.reader();
        StreamWriterImpl w = t.writer();
        TaskImpl<Void> task = TaskImpl.create(loop, null, () -> {
            if (options.ssl() != null) {
                try {
                    t.startTls(options.ssl(), null, true, options.clientAuth());
                } catch (IOException e) {
                    t.abort();
                    return null; // a failed handshake ends the connection; the handler never sees it
                }
            }
            handler.handle(r, w);
            return null;
        });
        t.releaseWriter(); // the handler's task holds it now
        task.addDoneCallback(done -> {
            // asyncio 3.12+: a handler that failed or was cancelled has its connection closed; one that
            // returned leaves it to whoever holds the writer (another task it was handed to), and
            // CPython closes it once nobody does (StreamWriter.__del__), which here is the writer's
            // Cleaner. A connection whose peer has closed (now or later) is closed then: nothing can come.
            if (done.cancelled()) {
                t.close();
            } else if (done.exception() != null) {
                loop.handle().report("Unhandled exception in client_connected_cb (connection from "
                        + t.extraInfo("peername") + ")", done.exception());
                t.close();
            } else {
                t.closeWhenPeerCloses();
            }
        });
    }

    private void clientGone(StreamTransport t) {
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
            listener.close();
            if (servingForever != null && !servingForever.done()) {
                servingForever.wake(); // asyncio cancels the serve_forever future
            }
            wakeClosedWaitersLocked();
        }
    }

    @Override
    public void closeClients() {
        for (StreamTransport t : snapshot()) {
            t.close();
        }
    }

    @Override
    public void abortClients() {
        for (StreamTransport t : snapshot()) {
            t.abort();
        }
    }

    private synchronized List<StreamTransport> snapshot() {
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
}

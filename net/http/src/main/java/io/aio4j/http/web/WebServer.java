package io.aio4j.http.web;

import io.aio4j.Aio;
import io.aio4j.CheckedRunnable;
import io.aio4j.Task;
import io.aio4j.TimeoutError;
import io.aio4j.bridge.lowlevel.LoopHandle;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.sync.Event;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A running web server ({@link Web#serve}): an {@link Application} served on an aio4j stream server,
 * each connection in a task of its own on the loop that started it.
 *
 * <p>{@link #shutdown(Duration)} is aiohttp's graceful shutdown: stop accepting, run the
 * application's {@code onShutdown} hooks, close idle kept-alive connections, let the requests in
 * flight finish (their responses say {@code Connection: close}) for up to the timeout, then cancel
 * what is left, wait for every connection to end, and run the {@code onCleanup} hooks.
 *
 * <p>Access log: each answered request is logged to the {@link System.Logger}
 * {@code io.aio4j.http.web.access} at {@code DEBUG} in aiohttp's default format
 * ({@code %a %t "%r" %s %b "%{Referer}i" "%{User-Agent}i"}, then the time taken) — off unless that
 * logger is enabled, as Python's default logging leaves aiohttp's access log unseen.
 *
 * @apiNote asyncio: aiohttp's {@code web.AppRunner} with a {@code web.TCPSite}
 */
public final class WebServer implements AutoCloseable {
    private static final System.Logger ACCESS = System.getLogger("io.aio4j.http.web.access");
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final Application app;
    private final WebOptions options;
    private final LoopHandle loop;
    private final Map<HttpConnection, Task<?>> connections = new LinkedHashMap<>(); // loop-confined
    private final Set<WebSocketResponse> websockets = new LinkedHashSet<>();
    private final Event drained = new Event();
    private final Event closed = new Event();
    private Server listener;
    private boolean shuttingDown;

    private WebServer(Application app, WebOptions options) {
        this.app = app;
        this.options = options;
        this.loop = EventLoopImpl.current("Web.serve").handle();
    }

    static WebServer start(Application app, String host, int port, WebOptions options) throws IOException {
        WebServer s = new WebServer(app, options);
        app.freeze();
        for (CheckedRunnable<?> hook : app.startupHooks()) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw e instanceof IOException io ? io : new IOException("an onStartup hook failed: " + e, e);
            }
        }
        ServerOptions so = ServerOptions.defaults().withLimit(options.maxHeadSize()).withBacklog(options.backlog());
        if (options.ssl() != null) {
            so = so.withSsl(options.ssl());
        }
        if (options.provider() != null) {
            so = so.withProvider(options.provider());
        }
        s.listener = Net.startServer(s::connection, host == null || host.isEmpty() ? null : host, port, so);
        return s;
    }

    private void connection(StreamReader in, StreamWriter out) throws Exception {
        HttpConnection c = new HttpConnection(this, in, out);
        connections.put(c, Aio.currentTask());
        try {
            c.serve();
        } finally {
            connections.remove(c);
            if (shuttingDown && connections.isEmpty()) {
                drained.set();
            }
        }
    }

    Application application() {
        return app;
    }

    WebOptions options() {
        return options;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    void report(String message, Throwable e) {
        loop.report(message, e);
    }

    void opened(WebSocketResponse ws) {
        websockets.add(ws);
    }

    void ended(WebSocketResponse ws) {
        websockets.remove(ws);
    }

    /** The port of the first listening socket. */
    public int port() {
        return listener.port();
    }

    /** The addresses the server listens on (empty once it stopped listening). */
    public List<SocketAddress> sockets() {
        return listener.sockets();
    }

    /** {@code http://host:port} (or https) of the first listening socket, for clients. */
    public String url() {
        SocketAddress a = listener.sockets().isEmpty() ? null : listener.sockets().get(0);
        String host = a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : "127.0.0.1";
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (options.ssl() != null ? "https://" : "http://") + host + ":" + port();
    }

    /** Whether the server accepts connections. */
    public boolean isServing() {
        return !shuttingDown && listener.isServing();
    }

    /** The connections open now. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * The graceful shutdown with the options' {@link WebOptions#shutdownTimeout()}.
     *
     * @apiNote asyncio: {@code await runner.cleanup()}
     */
    public void shutdown() {
        shutdown(options.shutdownTimeout());
    }

    /**
     * The graceful shutdown (see the class comment), waiting up to {@code timeout} for the requests
     * in flight; a second call waits for the first to end. Call it on the server's loop.
     *
     * @apiNote asyncio: {@code await runner.shutdown(); await runner.cleanup()}
     */
    public void shutdown(Duration timeout) {
        java.util.Objects.requireNonNull(timeout, "timeout");
        if (shuttingDown) {
            closed.await();
            return;
        }
        shuttingDown = true;
        try {
            listener.close();
            runHooks(app.shutdownHooks(), "onShutdown");
            for (WebSocketResponse ws : List.copyOf(websockets)) {
                Aio.createTask(() -> ws.close(1001, "server shutdown"));
            }
            for (HttpConnection c : List.copyOf(connections.keySet())) {
                c.closeIdle();
            }
            if (!connections.isEmpty()) {
                try {
                    Aio.waitFor(timeout, drained::await);
                } catch (TimeoutError e) {
                    for (Task<?> t : List.copyOf(connections.values())) {
                        t.cancel("server shutdown: shutdownTimeout " + timeout + " passed");
                    }
                    if (!connections.isEmpty()) {
                        drained.await();
                    }
                }
            }
            listener.waitClosed();
            runHooks(app.cleanupHooks(), "onCleanup");
        } finally {
            closed.set();
        }
    }

    private void runHooks(List<CheckedRunnable<?>> hooks, String what) {
        for (CheckedRunnable<?> hook : hooks) {
            try {
                hook.run();
            } catch (io.aio4j.CancelledError e) {
                throw e;
            } catch (Exception e) {
                report("an " + what + " hook failed", e);
            }
        }
    }

    /** {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    /** Waits until a shutdown has ended. */
    public void waitClosed() {
        closed.await();
    }

    void accessLog(SocketAddress peer, Request r, int status, long bytes, long t0) {
        if (!ACCESS.isLoggable(System.Logger.Level.DEBUG)) {
            return;
        }
        String ip = peer instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(peer);
        String line = r == null ? "-" : r.method() + " " + r.target() + " " + r.version();
        String referer = r == null || r.header("referer") == null ? "-" : r.header("referer");
        String agent = r == null || r.header("user-agent") == null ? "-" : r.header("user-agent");
        double took = (System.nanoTime() - t0) / 1e9;
        ACCESS.log(System.Logger.Level.DEBUG, String.format(Locale.ROOT, "%s [%s] \"%s\" %d %d \"%s\" \"%s\" %.6fs", ip,
                CLF.format(ZonedDateTime.now(ZoneOffset.UTC)), line, status, bytes, referer, agent, took));
    }

    @Override
    public String toString() {
        return "<WebServer " + (listener.sockets().isEmpty() ? "closed" : url()) + " connections=" + connections.size() + ">";
    }
}

package io.aio4j.ws.internal;

import io.aio4j.CancelledError;
import io.aio4j.bridge.Suspend;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.TaskImpl;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.ws.WebSocketHandler;
import io.aio4j.ws.WebSocketServer;
import io.ktor.network.sockets.ServerSocket;
import io.ktor.network.sockets.Socket;
import io.ktor.network.sockets.SocketsKt;
import io.ktor.utils.io.ByteReadChannel;
import io.ktor.utils.io.ByteReadChannelOperationsKt;
import io.ktor.utils.io.ByteWriteChannel;
import io.ktor.utils.io.ByteWriteChannelOperationsKt;
import io.ktor.websocket.DefaultWebSocketSession;
import io.ktor.websocket.DefaultWebSocketSessionKt;
import io.ktor.websocket.RawWebSocketJvmKt;
import io.ktor.websocket.WebSocketSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kotlin.Unit;
import kotlinx.coroutines.Dispatchers;
import kotlinx.coroutines.JobKt;

/**
 * A WebSocket server: Ktor raw sockets, the HTTP upgrade handshake (RFC 6455 section 4.2), then Ktor's
 * own WebSocket session for the frames.
 */
public final class WebSocketServerImpl implements WebSocketServer {
    private static io.ktor.network.selector.SelectorManager selector;

    /** Ktor's selector for the servers' sockets (its own threads), made on first use. */
    private static synchronized io.ktor.network.selector.SelectorManager selector() {
        if (selector == null) {
            selector = io.ktor.network.selector.SelectorManagerKt.SelectorManager(kotlinx.coroutines.Dispatchers.getIO());
        }
        return selector;
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final EventLoopImpl loop;
    private final WebSocketHandler handler;
    private final io.aio4j.ws.ServeOptions options;
    private final ServerSocket server;
    private final int port;
    private final TaskImpl<Void> accepting;
    // guarded by this
    private boolean closed;
    private final Set<WebSocketImpl> connections = new LinkedHashSet<>();
    private int active;
    private final ArrayDeque<Waiter> closedWaiters = new ArrayDeque<>();

    private WebSocketServerImpl(EventLoopImpl loop, WebSocketHandler handler, ServerSocket server,
            io.aio4j.ws.ServeOptions options) {
        this.loop = loop;
        this.options = options;
        this.handler = handler;
        this.server = server;
        this.port = SocketsKt.getPort(server);
        this.accepting = TaskImpl.create(loop, "websocket-accept :" + port, this::accept);
        loop.handle().track(this, "a WebSocket server on port " + port);
    }

    public static WebSocketServerImpl start(WebSocketHandler handler, String host, int port, io.aio4j.ws.ServeOptions o)
            throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("WebSockets.serve");
        String h = host == null || host.isEmpty() ? "0.0.0.0" : host;
        io.ktor.network.sockets.TcpSocketBuilder tcp = io.ktor.network.sockets.BuildersKt.aSocket(selector()).tcp();
        ServerSocket s = Suspend.call(k -> tcp.bind(h, port, opts -> Unit.INSTANCE, k));
        return new WebSocketServerImpl(loop, handler, s, o);
    }

    private Void accept() {
        for (;;) {
            Socket s;
            try {
                s = Suspend.call(server::accept);
            } catch (CancelledError e) {
                return null;
            } catch (Throwable e) {
                synchronized (this) {
                    if (closed) {
                        return null;
                    }
                }
                loop.handle().report("WebSocket accept failed on port " + port, e);
                continue;
            }
            synchronized (this) {
                active++;
            }
            TaskImpl.create(loop, "websocket " + s.getRemoteAddress(), () -> {
                try {
                    serve(s);
                } finally {
                    synchronized (this) {
                        active--;
                        wakeIfDoneLocked();
                    }
                }
                return null;
            });
        }
    }

    private void serve(Socket s) throws Exception {
        ByteReadChannel in = SocketsKt.openReadChannel(s);
        ByteWriteChannel out = SocketsKt.openWriteChannel(s, false);
        Handshake hs = readUpgradeRequest(in);
        if (hs == null || hs.key == null) {
            // websockets: a request that is not a WebSocket upgrade is told to upgrade (426); junk is a 400
            String body = hs == null ? "Failed to open a WebSocket connection: invalid HTTP request.\n"
                    : "Failed to open a WebSocket connection: missing Upgrade: websocket or Sec-WebSocket-Key.\n";
            writeAll(out, (hs == null ? "HTTP/1.1 400 Bad Request\r\n" : "HTTP/1.1 426 Upgrade Required\r\nUpgrade: websocket\r\n")
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);
            s.close();
            return;
        }
        String key = hs.key;
        writeAll(out, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n");
        WebSocketSession raw = RawWebSocketJvmKt.RawWebSocket(in, out, options.maxSize(), false,
                Dispatchers.getIO().plus(JobKt.Job(null)), new io.ktor.websocket.WebSocketChannelsConfig());
        DefaultWebSocketSession session = DefaultWebSocketSessionKt.DefaultWebSocketSession(raw, 0, 15_000,
                new io.ktor.websocket.WebSocketChannelsConfig());
        session.start(List.of());
        WebSocketImpl ws = new WebSocketImpl(session, new io.aio4j.ws.HandshakeRequest(hs.path, hs.headers));
        synchronized (this) {
            connections.add(ws);
        }
        try {
            handler.handle(ws);
            ws.close(1000, "");
        } catch (CancelledError e) {
            ws.close(1001, "going away");
            throw e;
        } catch (Throwable e) {
            // a ConnectionClosed (raised by recv, or by message iteration wrapped in UncheckedIOException)
            // is the connection ending, not the handler failing
            if (!(e instanceof io.aio4j.ws.ConnectionClosed)
                    && !(e instanceof java.io.UncheckedIOException u && u.getCause() instanceof io.aio4j.ws.ConnectionClosed)) {
                loop.handle().report("Unhandled exception in the WebSocket handler", e);
                ws.close(1011, "internal error");
            }
        } finally {
            synchronized (this) {
                connections.remove(ws);
            }
            s.close();
        }
    }

    /** An upgrade request's path, headers and key (null unless it asks for a WebSocket upgrade). */
    private record Handshake(String path, java.util.Map<String, List<String>> headers, String key) {
    }

    /** Reads the HTTP request head; null if it is not an HTTP GET at all. */
    private static Handshake readUpgradeRequest(ByteReadChannel in) {
        String requestLine = Suspend.call(k -> ByteReadChannelOperationsKt.readUTF8Line(in, 8192, k));
        if (requestLine == null || !requestLine.startsWith("GET ")) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        String path = parts.length > 1 ? parts[1] : "/";
        java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        String key = null;
        boolean upgrade = false;
        for (int i = 0; i < 100; i++) {
            String line = Suspend.call(k -> ByteReadChannelOperationsKt.readUTF8Line(in, 8192, k));
            if (line == null || line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
            if (name.equals("sec-websocket-key")) {
                key = value;
            } else if (name.equals("upgrade") && value.equalsIgnoreCase("websocket")) {
                upgrade = true;
            }
        }
        return new Handshake(path, headers, upgrade ? key : null);
    }

    private static String accept(String key) throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1);
    }

    private static void writeAll(ByteWriteChannel out, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        Suspend.<Unit>call(k -> ByteWriteChannelOperationsKt.writeFully(out, b, 0, b.length, k));
        Suspend.<Unit>call(out::flush);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        List<WebSocketImpl> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            loop.handle().untrack(this);
            open = List.copyOf(connections);
            wakeIfDoneLocked();
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        accepting.cancel();
        for (WebSocketImpl ws : open) {
            if (io.aio4j.internal.TaskImpl.currentOrNull() != null) {
                try {
                    ws.close(1001, "going away");
                } catch (IOException e) {
                    ws.terminate();
                }
            } else {
                ws.terminate();
            }
        }
    }

    private void wakeIfDoneLocked() {
        if (closed && active == 0) {
            for (Waiter w : closedWaiters) {
                if (!w.done()) {
                    w.wake();
                }
            }
        }
    }

    @Override
    public void waitClosed() {
        Waiter w;
        synchronized (this) {
            if (closed && active == 0) {
                return;
            }
            w = new Waiter();
            closedWaiters.add(w);
        }
        try {
            w.await("WebSocketServer.waitClosed");
        } finally {
            synchronized (this) {
                closedWaiters.remove(w);
            }
        }
    }

    @Override
    public String toString() {
        return "<WebSocketServer port=" + port + (closed ? " closed" : "") + ">";
    }
}

package io.aio4j.ws.internal;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.ws.ConnectionClosed;
import io.aio4j.ws.InvalidHandshake;
import io.aio4j.ws.WebSocketHandler;
import io.aio4j.ws.WebSocketServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A WebSocket server: an aio4j stream server whose handler runs the opening handshake, then the
 * user's handler over a {@link WebSocketImpl}; as websockets' {@code serve}.
 */
public final class WebSocketServerImpl implements WebSocketServer {
    private final EventLoopImpl loop;
    private final WebSocketHandler handler;
    private final Settings settings;
    private final Server server;
    private final Set<WebSocketImpl> connections = new LinkedHashSet<>(); // loop-confined
    private volatile boolean closed;

    private WebSocketServerImpl(EventLoopImpl loop, WebSocketHandler handler, Settings settings, String host, int port)
            throws IOException {
        this.loop = loop;
        this.handler = handler;
        this.settings = settings;
        ServerOptions so = ServerOptions.defaults();
        if (settings.ssl() != null) {
            so = so.withSsl(settings.ssl());
        }
        this.server = Net.startServer(this::serve, host == null || host.isEmpty() ? null : host, port, so);
    }

    public static WebSocketServerImpl start(WebSocketHandler handler, String host, int port, Settings settings)
            throws IOException {
        return new WebSocketServerImpl(EventLoopImpl.current("WebSockets.serve"), handler, settings, host, port);
    }

    private void serve(StreamReader reader, StreamWriter writer) throws Exception {
        Handshake.Answer answer;
        try {
            answer = Aio.waitFor(settings.openTimeout(), () -> Handshake.answer(Handshake.readHead(reader),
                    settings.subprotocols(), settings.compression(), settings.origins()));
        } catch (Exception e) { // waitFor declares nothing; the body's exceptions arrive as they are
            if (e instanceof InvalidHandshake bad) {
                String text = bad.getMessage() + "\n";
                writer.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
                        + "Content-Length: " + text.length() + "\r\n\r\n" + text).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                writer.close();
            } else if (e instanceof IOException || e instanceof io.aio4j.TimeoutError) {
                writer.abort(); // the client went away, or never finished its request
            } else {
                throw e;
            }
            return;
        }
        writer.write(answer.response());
        if (!answer.upgraded()) {
            writer.close(); // the refusal is sent, then the connection ends (Connection: close)
            return;
        }
        WebSocketImpl ws = new WebSocketImpl(false, reader, writer, settings, answer.deflate(), answer.subprotocol(),
                answer.request());
        connections.add(ws);
        if (closed) {
            ws.startClose(1001, "going away");
        }
        try {
            handler.handle(ws);
            ws.close(1000, "");
        } catch (CancelledError e) {
            ws.startClose(1001, "going away");
            throw e;
        } catch (Throwable e) {
            // a ConnectionClosed (from recv or send, or from iteration wrapped in UncheckedIOException)
            // is the connection ending, not the handler failing
            if (!(e instanceof ConnectionClosed) && !(e instanceof UncheckedIOException u && u.getCause() instanceof ConnectionClosed)) {
                loop.handle().report("Unhandled exception in the WebSocket handler", e);
                ws.close(1011, "internal error");
            } else {
                ws.close(1000, "");
            }
        } finally {
            connections.remove(ws);
        }
    }

    /**
     * The server side of the handshake on a connection whose request head an HTTP server has read:
     * writes the 101 and returns the WebSocket, or writes nothing and throws.
     */
    public static WebSocketImpl accept(String method, String target, java.util.Map<String, List<String>> headers,
            StreamReader reader, StreamWriter writer, Settings settings) throws InvalidHandshake {
        java.util.Map<String, List<String>> lower = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(java.util.Locale.ROOT), x -> new java.util.ArrayList<>()).addAll(v));
        Handshake.Answer answer = Handshake.answer(new Handshake.Head(method + " " + target + " HTTP/1.1", lower),
                settings.subprotocols(), settings.compression(), settings.origins());
        if (!answer.upgraded()) {
            throw new InvalidHandshake(answer.status() + ": " + answer.refusal());
        }
        writer.write(answer.response());
        return new WebSocketImpl(false, reader, writer, settings, answer.deflate(), answer.subprotocol(), answer.request());
    }

    @Override
    public int port() {
        return server.port();
    }

    /** websockets' {@code server.close()}: stop listening, close every connection with 1001 (going away). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Aio.currentTask() != null && Aio.getRunningLoop() == loop) {
            closeNow();
        } else if (!loop.isClosed()) {
            loop.callSoonThreadsafe(this::closeNow);
        }
    }

    private void closeNow() {
        server.close();
        for (WebSocketImpl ws : List.copyOf(connections)) {
            ws.startClose(1001, "going away");
        }
    }

    @Override
    public void waitClosed() {
        server.waitClosed();
    }

    @Override
    public String toString() {
        return "<WebSocketServer port=" + port() + (closed ? " closed" : "") + ">";
    }
}

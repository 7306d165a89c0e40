package io.aio4j.http.web;

import io.aio4j.http.internal.Json;
import io.aio4j.ws.ConnectionClosed;
import io.aio4j.ws.InvalidHandshake;
import io.aio4j.ws.Message;
import io.aio4j.ws.ServeOptions;
import io.aio4j.ws.WebSocket;
import io.aio4j.ws.WebSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;

/**
 * A WebSocket endpoint on the web server: aiohttp's {@code web.WebSocketResponse}. The handler
 * prepares it (the {@code 101} upgrade; a request that is no valid upgrade is a 400), talks over it,
 * and returns it; the connection then belongs to the WebSocket (aio4j-ws: RFC 6455 with
 * permessage-deflate, the limits of its {@link ServeOptions}) and is closed with {@code 1000} if the
 * handler left it open, {@code 1011} if the handler failed, and {@code 1001} by a graceful shutdown.
 *
 * <pre>{@code
 * app.get("/ws", request -> {
 *     WebSocketResponse ws = new WebSocketResponse();
 *     ws.prepare(request);
 *     for (Message m : ws) {                  // async for msg in ws:
 *         ws.send("echo: " + m.text());        //     await ws.send_str(...)
 *     }
 *     return ws;
 * });
 * }</pre>
 *
 * A peer that goes away ends the iteration, and the {@link ConnectionClosed} a send then throws ends
 * the handler without an error report.
 *
 * @apiNote asyncio: {@code aiohttp.web.WebSocketResponse}
 */
public class WebSocketResponse extends StreamResponse implements Iterable<Message> {
    private final ServeOptions options;
    private WebSocket socket;
    private WebServer server;

    /** An endpoint with the WebSocket defaults. */
    public WebSocketResponse() {
        this(ServeOptions.defaults());
    }

    /** An endpoint with {@code options}' limits, compression, subprotocols, origins and keepalive pings. */
    public WebSocketResponse(ServeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Upgrades the request's connection to a WebSocket.
     *
     * @throws HttpException 400 if the request is no valid WebSocket upgrade (403 for a refused origin)
     * @apiNote asyncio: {@code await ws.prepare(request)}
     */
    @Override
    public void prepare(Request request) throws IOException {
        if (prepared()) {
            return;
        }
        HttpConnection c = request.connection();
        try {
            socket = WebSockets.accept(request.method(), request.target(), request.headers(), c.reader(), c.writer(), options);
        } catch (InvalidHandshake e) {
            String m = e.getMessage();
            int status = m.startsWith("403") ? 403 : 400;
            throw new HttpException(status, Reasons.phrase(status), m.length() > 5 ? m.substring(5) : m);
        }
        upgrade(c);
        server = c.server();
        server.opened(this);
    }

    private WebSocket ws() {
        if (socket == null) {
            throw new IllegalStateException("prepare(request) first: the WebSocket is not open yet");
        }
        return socket;
    }

    /** The WebSocket itself (aio4j-ws's), for pings, subprotocol and close codes. */
    public final WebSocket socket() {
        return ws();
    }

    /**
     * Sends a text message.
     *
     * @apiNote asyncio: {@code await ws.send_str(text)}
     */
    public void send(String text) throws IOException {
        ws().send(text);
    }

    /**
     * Sends a binary message.
     *
     * @apiNote asyncio: {@code await ws.send_bytes(data)}
     */
    public void send(byte[] data) throws IOException {
        ws().send(data);
    }

    /**
     * Sends {@code value} as JSON text (Jackson).
     *
     * @apiNote asyncio: {@code await ws.send_json(value)}
     */
    public void sendJson(Object value) throws IOException {
        ws().send(Json.MAPPER.writeValueAsString(value));
    }

    /**
     * The next message.
     *
     * @throws ConnectionClosed once the connection is closed
     * @apiNote asyncio: {@code await ws.receive()}
     */
    public Message receive() throws IOException {
        return ws().recv();
    }

    /**
     * The messages until the connection closes.
     *
     * @apiNote asyncio: {@code async for msg in ws:}
     */
    @Override
    public Iterator<Message> iterator() {
        return ws().iterator();
    }

    /**
     * Closes with {@code 1000}.
     *
     * @apiNote asyncio: {@code await ws.close()}
     */
    public void close() throws IOException {
        close(1000, "");
    }

    /**
     * Closes with {@code code} and {@code reason}.
     *
     * @apiNote asyncio: {@code await ws.close(code=code, message=reason)}
     */
    public void close(int code, String reason) throws IOException {
        ws().close(code, reason);
    }

    /**
     * The close code, or -1 while open.
     *
     * @apiNote asyncio: {@code ws.close_code}
     */
    public int closeCode() {
        return socket == null ? -1 : socket.closeCode();
    }

    /** After the handler: close what it left open (1000, or 1011 when it failed), quietly. */
    final void finish(boolean failed) {
        try {
            if (socket != null && socket.closeCode() < 0) {
                socket.close(failed ? 1011 : 1000, failed ? "internal error" : "");
            }
        } catch (IOException | UncheckedIOException e) {
            // the peer is gone: nothing to close
        } finally {
            if (server != null) {
                server.ended(this);
            }
        }
    }
}

package io.aio4j.ws;

import io.aio4j.ws.internal.Connect;
import io.aio4j.ws.internal.WebSocketServerImpl;
import java.io.IOException;

/**
 * The WebSocket front door: the {@code websockets} library's {@code connect} and {@code serve}: RFC
 * 6455 (and RFC 7692 permessage-deflate) over aio4j's own streams and servers, TLS included.
 *
 * {@snippet :
 * WebSocketServer server = WebSockets.serve(ws -> {
 *     for (Message m : ws) {
 *         ws.send(m.text());          // echo
 *     }
 * }, "127.0.0.1", 0);
 * }
 *
 * @apiNote asyncio: the {@code websockets} package
 */
public final class WebSockets {
    private WebSockets() {
    }

    /**
     * Opens a WebSocket connection to {@code uri} ({@code ws://} or {@code wss://}).
     *
     * <p><b>Cancellation:</b> a cancelled connect opens nothing.
     *
     * @apiNote asyncio: {@code await websockets.connect(uri)}
     */
    public static WebSocket connect(String uri) throws IOException {
        return connect(uri, ClientOptions.defaults());
    }

    /**
     * {@link #connect(String)} with options: headers, origin, subprotocols, compression, TLS context,
     * limits and timeouts.
     *
     * <p><b>Cancellation:</b> a cancelled connect opens nothing.
     *
     * @apiNote asyncio: {@code await websockets.connect(uri, additional_headers=..., ...)}
     * @throws IllegalArgumentException if {@code uri} is not a {@code ws://} or {@code wss://} URI
     * @throws InvalidStatus if the server answers with another status than 101
     * @throws InvalidHandshake if its answer is not a valid upgrade
     * @throws io.aio4j.TimeoutError if the opening takes longer than the open timeout
     */
    public static WebSocket connect(String uri, ClientOptions options) throws IOException {
        return Connect.connect(java.util.Objects.requireNonNull(uri, "uri"),
                java.util.Objects.requireNonNull(options, "options").settings());
    }

    /**
     * Listens on {@code host:port} (port 0: a free port) and serves each WebSocket connection with
     * {@code handler} in a task of its own.
     *
     * @apiNote asyncio: {@code await websockets.serve(handler, host, port)}
     */
    public static WebSocketServer serve(WebSocketHandler handler, String host, int port) throws IOException {
        return serve(handler, host, port, ServeOptions.defaults());
    }

    /**
     * {@link #serve(WebSocketHandler, String, int)} with options (limits, compression, subprotocols,
     * origins, TLS, timeouts). As the websockets library: a plain HTTP request (no WebSocket upgrade)
     * is answered {@code 426 Upgrade Required}, a bad one {@code 400}, a refused origin {@code 403}.
     *
     * @apiNote asyncio: {@code await websockets.serve(handler, host, port, max_size=..., ssl=...)}
     */
    public static WebSocketServer serve(WebSocketHandler handler, String host, int port, ServeOptions options)
            throws IOException {
        return WebSocketServerImpl.start(java.util.Objects.requireNonNull(handler, "handler"), host, port,
                java.util.Objects.requireNonNull(options, "options").settings());
    }

    /**
     * Accepts a WebSocket on a connection whose HTTP request head another server has already read
     * (an HTTP server's upgrade, as aiohttp's {@code WebSocketResponse.prepare}): checks the request
     * as {@link #serve} does (GET, {@code Upgrade: websocket}, {@code Connection: Upgrade}, version
     * 13, a valid key, the options' origins), negotiates subprotocol and compression, writes the
     * {@code 101 Switching Protocols} and returns the connection's WebSocket. The caller runs the
     * WebSocket's life in its own task, as a {@link WebSocketHandler} would.
     *
     * @param headers the request's headers (names in any case)
     * @throws InvalidHandshake if the request is no valid upgrade; nothing is written then, and the
     *     message starts with the status the websockets library answers (400, 403, 405 or 426)
     * @apiNote asyncio: websockets' {@code ServerProtocol.accept(request)} over a given stream
     */
    public static WebSocket accept(String method, String target, java.util.Map<String, java.util.List<String>> headers,
            io.aio4j.net.StreamReader reader, io.aio4j.net.StreamWriter writer, ServeOptions options) throws InvalidHandshake {
        return WebSocketServerImpl.accept(java.util.Objects.requireNonNull(method, "method"),
                java.util.Objects.requireNonNull(target, "target"), java.util.Objects.requireNonNull(headers, "headers"),
                java.util.Objects.requireNonNull(reader, "reader"), java.util.Objects.requireNonNull(writer, "writer"),
                java.util.Objects.requireNonNull(options, "options").settings());
    }
}

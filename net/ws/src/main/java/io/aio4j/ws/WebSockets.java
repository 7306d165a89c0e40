package io.aio4j.ws;

import io.aio4j.ws.internal.WebSocketImpl;
import io.aio4j.ws.internal.WebSocketServerImpl;
import java.io.IOException;

/**
 * The WebSocket front door: the {@code websockets} library's {@code connect} and {@code serve}, on
 * Ktor's WebSocket sessions (no hand-written frame parser).
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
        return WebSocketImpl.connect(uri);
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
     * {@link #serve(WebSocketHandler, String, int)} with options. A plain HTTP request (no WebSocket
     * upgrade) is answered {@code 426 Upgrade Required}, as the websockets library does.
     *
     * @apiNote asyncio: {@code await websockets.serve(handler, host, port, max_size=...)}
     */
    public static WebSocketServer serve(WebSocketHandler handler, String host, int port, ServeOptions options)
            throws IOException {
        return WebSocketServerImpl.start(java.util.Objects.requireNonNull(handler, "handler"), host, port,
                java.util.Objects.requireNonNull(options, "options"));
    }
}

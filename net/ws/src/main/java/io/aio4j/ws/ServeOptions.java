package io.aio4j.ws;

import io.aio4j.ws.internal.Settings;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * How {@link WebSockets#serve} serves: an immutable value changed with {@code with...} methods, with
 * the websockets library's defaults (messages up to 1 MiB, 16 queued, permessage-deflate accepted,
 * any origin, 10 s to close, a keepalive ping every 20 s answered within 20 s).
 *
 * @apiNote asyncio: the keyword arguments of the websockets library's {@code serve}
 */
public final class ServeOptions {
    private static final ServeOptions DEFAULTS = new ServeOptions(Settings.DEFAULTS);
    private final Settings settings;

    private ServeOptions(Settings settings) {
        this.settings = settings;
    }

    /**
     * The websockets library's defaults.
     *
     * @apiNote asyncio: {@code serve(handler, host, port)}
     */
    public static ServeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The largest message accepted; a bigger one closes the connection with 1009 (message too big),
     * which the handler sees as {@link ConnectionClosed}.
     *
     * @apiNote asyncio: {@code max_size=}
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public ServeOptions withMaxSize(int bytes) {
        return new ServeOptions(settings.withMaxSize(bytes));
    }

    /**
     * How many received messages wait for {@code recv()} before the connection stops reading (and so
     * pushes back on the client).
     *
     * @apiNote asyncio: {@code max_queue=}
     * @throws IllegalArgumentException if {@code messages < 1}
     */
    public ServeOptions withMaxQueue(int messages) {
        return new ServeOptions(settings.withMaxQueue(messages));
    }

    /**
     * Whether a client's permessage-deflate offer (RFC 7692) is accepted.
     *
     * @apiNote asyncio: {@code compression="deflate"} / {@code None}
     */
    public ServeOptions withCompression(boolean on) {
        return new ServeOptions(settings.withCompression(on));
    }

    /**
     * The subprotocols this server speaks, preferred first: the first of them that a client offers is
     * chosen ({@link WebSocket#subprotocol()}).
     *
     * @apiNote asyncio: {@code subprotocols=[...]}
     * @throws IllegalArgumentException for a name that is not an HTTP token
     */
    public ServeOptions withSubprotocols(List<String> names) {
        return new ServeOptions(settings.withSubprotocols(names));
    }

    /**
     * The {@code Origin} headers accepted ({@code ""} for a request without one); any other is refused
     * with 403. By default every origin is.
     *
     * @apiNote asyncio: {@code origins=[...]}
     */
    public ServeOptions withOrigins(List<String> allowed) {
        return new ServeOptions(settings.withOrigins(allowed));
    }

    /**
     * Serves {@code wss://}: TLS with {@code context}'s certificate.
     *
     * @apiNote asyncio: {@code ssl=}
     */
    public ServeOptions withSsl(SSLContext context) {
        return new ServeOptions(settings.withSsl(context));
    }

    /**
     * How long the closing handshake may take before the connection is dropped.
     *
     * @apiNote asyncio: {@code close_timeout=}
     * @throws IllegalArgumentException unless positive
     */
    public ServeOptions withCloseTimeout(Duration timeout) {
        return new ServeOptions(settings.withCloseTimeout(timeout));
    }

    /**
     * Keepalive: a ping every {@code interval} (null: none), closing the connection with 1011 when its
     * pong does not come within {@code timeout}.
     *
     * @apiNote asyncio: {@code ping_interval=}, {@code ping_timeout=}
     * @throws IllegalArgumentException unless the durations are positive
     */
    public ServeOptions withPing(Duration interval, Duration timeout) {
        return new ServeOptions(settings.withPing(interval, timeout));
    }

    /**
     * @apiNote asyncio: {@code max_size}
     */
    public int maxSize() {
        return settings.maxSize();
    }

    Settings settings() {
        return settings;
    }
}

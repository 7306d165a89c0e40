package io.aio4j.ws;

import io.aio4j.ws.internal.Settings;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * How {@link WebSockets#connect(String, ClientOptions)} connects: an immutable value changed with
 * {@code with...} methods, with the websockets library's defaults (messages up to 1 MiB, 16 queued,
 * permessage-deflate offered, 10 s to open and to close, a keepalive ping every 20 s answered within 20 s).
 *
 * @apiNote asyncio: the keyword arguments of the websockets library's {@code connect}
 */
public final class ClientOptions {
    private static final ClientOptions DEFAULTS = new ClientOptions(Settings.DEFAULTS);
    private final Settings settings;

    private ClientOptions(Settings settings) {
        this.settings = settings;
    }

    /**
     * The websockets library's defaults.
     *
     * @apiNote asyncio: {@code connect(uri)}
     */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The largest message accepted; a bigger one closes the connection with 1009.
     *
     * @apiNote asyncio: {@code max_size=}
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public ClientOptions withMaxSize(int bytes) {
        return new ClientOptions(settings.withMaxSize(bytes));
    }

    /**
     * How many received messages wait for {@code recv()} before the connection stops reading.
     *
     * @apiNote asyncio: {@code max_queue=}
     * @throws IllegalArgumentException if {@code messages < 1}
     */
    public ClientOptions withMaxQueue(int messages) {
        return new ClientOptions(settings.withMaxQueue(messages));
    }

    /**
     * Whether permessage-deflate (RFC 7692) is offered.
     *
     * @apiNote asyncio: {@code compression="deflate"} / {@code None}
     */
    public ClientOptions withCompression(boolean on) {
        return new ClientOptions(settings.withCompression(on));
    }

    /**
     * The subprotocols offered, preferred first; the server's choice is {@link WebSocket#subprotocol()}.
     *
     * @apiNote asyncio: {@code subprotocols=[...]}
     * @throws IllegalArgumentException for a name that is not an HTTP token
     */
    public ClientOptions withSubprotocols(List<String> names) {
        return new ClientOptions(settings.withSubprotocols(names));
    }

    /**
     * One more header on the upgrade request (call it again for more).
     *
     * @apiNote asyncio: {@code additional_headers={...}}
     * @throws IllegalArgumentException for a name that is not a token or a value with a line break
     */
    public ClientOptions withHeader(String name, String value) {
        return new ClientOptions(settings.withHeader(name, value));
    }

    /**
     * The {@code Origin} header to send.
     *
     * @apiNote asyncio: {@code origin=}
     */
    public ClientOptions withOrigin(String origin) {
        return new ClientOptions(settings.withOrigin(java.util.Objects.requireNonNull(origin, "origin")));
    }

    /**
     * The TLS context for {@code wss://} (a private CA, a client certificate); the default trusts the
     * JDK's CAs. The server's name (or IP literal) is always verified.
     *
     * @apiNote asyncio: {@code ssl=}
     */
    public ClientOptions withSsl(SSLContext context) {
        return new ClientOptions(settings.withSsl(context));
    }

    /**
     * How long the TCP connect, TLS and opening handshake may take ({@code TimeoutError} after).
     *
     * @apiNote asyncio: {@code open_timeout=}
     * @throws IllegalArgumentException unless positive
     */
    public ClientOptions withOpenTimeout(Duration timeout) {
        return new ClientOptions(settings.withOpenTimeout(timeout));
    }

    /**
     * How long the closing handshake may take before the connection is dropped.
     *
     * @apiNote asyncio: {@code close_timeout=}
     * @throws IllegalArgumentException unless positive
     */
    public ClientOptions withCloseTimeout(Duration timeout) {
        return new ClientOptions(settings.withCloseTimeout(timeout));
    }

    /**
     * Keepalive: a ping every {@code interval} (null: none), closing the connection with 1011 when its
     * pong does not come within {@code timeout}.
     *
     * @apiNote asyncio: {@code ping_interval=}, {@code ping_timeout=}
     * @throws IllegalArgumentException unless the durations are positive
     */
    public ClientOptions withPing(Duration interval, Duration timeout) {
        return new ClientOptions(settings.withPing(interval, timeout));
    }

    Settings settings() {
        return settings;
    }
}

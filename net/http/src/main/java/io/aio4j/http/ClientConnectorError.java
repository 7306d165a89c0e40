package io.aio4j.http;

import java.io.IOException;

/**
 * The connection to the server could not be made (refused, unreachable, a name that does not
 * resolve, a TLS handshake that failed); the cause says why.
 *
 * @apiNote asyncio: aiohttp's {@code ClientConnectorError} ("Cannot connect to host ...")
 */
public class ClientConnectorError extends IOException {
    private static final long serialVersionUID = 1L;
    private final String host;
    private final int port;

    public ClientConnectorError(String host, int port, boolean ssl, Throwable cause) {
        super("Cannot connect to host " + host + ":" + port + " ssl:" + (ssl ? "default" : "False") + " ["
                + (cause == null ? "" : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + "]", cause);
        this.host = host;
        this.port = port;
    }

    /**
     * @apiNote asyncio: {@code e.host}
     */
    public String host() {
        return host;
    }

    /**
     * @apiNote asyncio: {@code e.port}
     */
    public int port() {
        return port;
    }
}

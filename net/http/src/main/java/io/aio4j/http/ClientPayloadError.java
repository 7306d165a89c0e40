package io.aio4j.http;

import java.io.IOException;

/**
 * A response body that did not arrive whole: the connection ended before {@code Content-Length}
 * bytes, or before a chunked body's last chunk, or the body could not be decoded. A body cut short is
 * this error, never a shorter result.
 *
 * @apiNote aiohttp: {@code aiohttp.ClientPayloadError}
 */
public class ClientPayloadError extends IOException {
    private static final long serialVersionUID = 1L;

    public ClientPayloadError(String message) {
        super(message);
    }

    public ClientPayloadError(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.aio4j.ws;

/**
 * The server answered the opening handshake with an HTTP status other than 101 (a 403 for a refused
 * origin, a 404 for an unknown path, ...).
 *
 * @apiNote asyncio: websockets' {@code InvalidStatus} ({@code e.response.status_code})
 */
public final class InvalidStatus extends InvalidHandshake {
    private static final long serialVersionUID = 1L;
    private final int status;

    public InvalidStatus(int status, String statusLine) {
        super("server rejected WebSocket connection: HTTP " + status + " (" + statusLine + ")");
        this.status = status;
    }

    /**
     * The HTTP status code of the refusal.
     *
     * @apiNote asyncio: {@code e.response.status_code}
     */
    public int status() {
        return status;
    }
}

package io.aio4j.ws;

import java.io.IOException;

/**
 * The WebSocket connection is closed: what {@code recv()} and {@code send()} throw once it is. For the
 * side that did not close, it carries the peer's close code and reason; 1006 means the connection
 * dropped without a close handshake.
 *
 * @apiNote asyncio: websockets' {@code ConnectionClosed} ({@code ConnectionClosedOK} when {@link #ok()})
 */
public final class ConnectionClosed extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;

    public ConnectionClosed(int code, String reason) {
        super(code + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
        this.code = code;
        this.reason = reason;
    }

    /** The close code (1000 normal, 1001 going away, 1006 dropped, ...). @apiNote asyncio: {@code e.rcvd.code} */
    public int code() {
        return code;
    }

    /** The close reason. @apiNote asyncio: {@code e.rcvd.reason} */
    public String reason() {
        return reason;
    }

    /** Whether the close was normal (1000 or 1001). @apiNote asyncio: {@code isinstance(e, ConnectionClosedOK)} */
    public boolean ok() {
        return code == 1000 || code == 1001;
    }
}

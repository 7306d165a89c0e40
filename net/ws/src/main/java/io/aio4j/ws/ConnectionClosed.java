package io.aio4j.ws;

import java.io.IOException;

/**
 * The WebSocket connection is closed: what {@code recv()} and {@code send()} throw once it is. It
 * carries the close frame received from the peer ({@link #code()}, {@link #reason()}; 1006 when none
 * came: the connection dropped without a close handshake) and the one sent ({@link #sentCode()}).
 *
 * @apiNote asyncio: websockets' {@code ConnectionClosed} ({@code ConnectionClosedOK} when {@link #ok()},
 *     else {@code ConnectionClosedError}); {@code e.rcvd}, {@code e.sent}
 */
public final class ConnectionClosed extends IOException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String reason;
    private final int sentCode;
    private final String sentReason;

    /** A close whose sent frame is unknown (-1). */
    public ConnectionClosed(int code, String reason) {
        this(code, reason, -1, null);
    }

    /**
     * @param code the received close code, 1006 if no close frame came
     * @param sentCode the sent close code, -1 if none was sent
     */
    public ConnectionClosed(int code, String reason, int sentCode, String sentReason) {
        super(describe(code, reason, sentCode, sentReason));
        this.code = code;
        this.reason = reason == null ? "" : reason;
        this.sentCode = sentCode;
        this.sentReason = sentReason;
    }

    private static String describe(int code, String reason, int sentCode, String sentReason) {
        String r = code == 1006 ? "no close frame received" : "received " + code + part(reason);
        return sentCode < 0 ? r : r + "; sent " + sentCode + part(sentReason);
    }

    private static String part(String reason) {
        return reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
    }

    /**
     * The peer's close code (1000 normal, 1001 going away, 1005 none given, 1009 too big, ...), or 1006
     * if the connection dropped without one.
     *
     * @apiNote asyncio: {@code e.rcvd.code} (1006 when {@code e.rcvd is None})
     */
    public int code() {
        return code;
    }

    /**
     * The peer's close reason ("" if none).
     *
     * @apiNote asyncio: {@code e.rcvd.reason}
     */
    public String reason() {
        return reason;
    }

    /**
     * The close code this side sent, or -1 if it sent none.
     *
     * @apiNote asyncio: {@code e.sent.code}
     */
    public int sentCode() {
        return sentCode;
    }

    /**
     * The close reason this side sent, or null.
     *
     * @apiNote asyncio: {@code e.sent.reason}
     */
    public String sentReason() {
        return sentReason;
    }

    /**
     * Whether the close was normal: a close frame came with 1000, 1001 or 1005 (no code), and what this
     * side sent (if known) was one of those too.
     *
     * @apiNote asyncio: {@code isinstance(e, ConnectionClosedOK)}
     */
    public boolean ok() {
        return normal(code) && (sentCode < 0 || normal(sentCode));
    }

    private static boolean normal(int c) {
        return c == 1000 || c == 1001 || c == 1005; // websockets' OK_CLOSE_CODES
    }
}

package io.aio4j.ws.internal;

/**
 * The peer broke RFC 6455 (or a limit): the connection fails with {@link #code} (1002 protocol error,
 * 1007 invalid data, 1009 message too big) and {@link #reason}, as websockets' {@code ProtocolError}
 * and {@code PayloadTooBig} do.
 */
final class ProtocolError extends Exception {
    private static final long serialVersionUID = 1L;
    static final int PROTOCOL_ERROR = 1002;
    static final int INVALID_DATA = 1007;
    static final int MESSAGE_TOO_BIG = 1009;

    final int code;

    ProtocolError(int code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }
}

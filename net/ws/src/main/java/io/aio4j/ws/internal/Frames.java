package io.aio4j.ws.internal;

import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * RFC 6455 section 5 framing: reads one frame from a stream, checking what a frame may be before its
 * payload is read (opcode, reserved bits, masking, control-frame rules, the size limit), and encodes
 * one frame into a single array so that a frame is written whole or not at all.
 */
final class Frames {
    static final int CONT = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final SecureRandom MASKS = new SecureRandom();

    private Frames() {
    }

    /** One frame as read: opcode, FIN, RSV1 (the compression bit), payload (unmasked). */
    record Frame(int opcode, boolean fin, boolean rsv1, byte[] payload) {
        boolean control() {
            return opcode >= CLOSE;
        }
    }

    /**
     * Reads the next frame.
     *
     * @param masked whether frames must be masked (a server reads masked frames, a client unmasked)
     * @param maxPayload the most payload bytes this frame may carry (what is left of the message limit)
     * @param rsv1Allowed whether RSV1 may be set on a data frame (permessage-deflate negotiated)
     * @throws ProtocolError for a frame RFC 6455 forbids, or one over {@code maxPayload} (1009)
     * @throws IOException when the stream ends or fails mid-frame
     */
    static Frame read(StreamReader in, boolean masked, long maxPayload, boolean rsv1Allowed)
            throws IOException, ProtocolError {
        byte[] head = in.readexactly(2);
        int b0 = head[0] & 0xff;
        int b1 = head[1] & 0xff;
        boolean fin = (b0 & 0x80) != 0;
        boolean rsv1 = (b0 & 0x40) != 0;
        int opcode = b0 & 0x0f;
        if ((b0 & 0x30) != 0) {
            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "reserved bits must be 0");
        }
        if (opcode > BINARY && opcode < CLOSE || opcode > PONG) {
            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "invalid opcode: 0x" + Integer.toHexString(opcode));
        }
        boolean control = opcode >= CLOSE;
        if (rsv1 && (!rsv1Allowed || control || opcode == CONT)) {
            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "reserved bits must be 0");
        }
        if (((b1 & 0x80) != 0) != masked) {
            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, masked ? "incorrect masking: a client's frames are masked"
                    : "incorrect masking: a server's frames are not masked");
        }
        long length = b1 & 0x7f;
        if (control && !fin) {
            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "fragmented control frame");
        }
        if (control && length > 125) {
            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "control frame too long");
        }
        if (length == 126) {
            byte[] b = in.readexactly(2);
            length = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        } else if (length == 127) {
            byte[] b = in.readexactly(8);
            length = 0;
            for (byte x : b) {
                length = length << 8 | (x & 0xff);
            }
            if (length < 0) { // the most significant bit must be 0 (RFC 6455 5.2)
                throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "invalid payload length");
            }
        }
        if (length > maxPayload) {
            throw new ProtocolError(ProtocolError.MESSAGE_TOO_BIG, "frame with " + length
                    + " bytes exceeds limit of " + maxPayload + " bytes");
        }
        byte[] key = masked ? in.readexactly(4) : null;
        byte[] payload = length == 0 ? EMPTY : in.readexactly((int) length);
        if (key != null) {
            mask(payload, 0, payload.length, key);
        }
        return new Frame(opcode, fin, rsv1, payload);
    }

    static final byte[] EMPTY = {};

    /** A whole frame (FIN set): header, masking key when {@code masked}, payload (masked when asked). */
    static byte[] encode(int opcode, boolean rsv1, byte[] payload, boolean masked) {
        int n = payload.length;
        int lengthBytes = n <= 125 ? 0 : n <= 0xffff ? 2 : 8;
        int head = 2 + lengthBytes + (masked ? 4 : 0);
        byte[] out = new byte[head + n];
        out[0] = (byte) (0x80 | (rsv1 ? 0x40 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (lengthBytes == 0) {
            out[1] = (byte) (maskBit | n);
        } else if (lengthBytes == 2) {
            out[1] = (byte) (maskBit | 126);
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        } else {
            out[1] = (byte) (maskBit | 127);
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, head, n);
        if (masked) {
            byte[] key = new byte[4];
            MASKS.nextBytes(key); // RFC 6455 5.3: unpredictable masking keys
            System.arraycopy(key, 0, out, head - 4, 4);
            mask(out, head, n, key);
        }
        return out;
    }

    /** XORs {@code b[off, off+n)} with the 4-byte {@code key}, eight bytes at a time. */
    static void mask(byte[] b, int off, int n, byte[] key) {
        long k4 = (key[0] & 0xffL) | (key[1] & 0xffL) << 8 | (key[2] & 0xffL) << 16 | (key[3] & 0xffL) << 24;
        long k8 = k4 | k4 << 32;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            LONGS.set(b, off + i, (long) LONGS.get(b, off + i) ^ k8);
        }
        for (; i < n; i++) {
            b[off + i] ^= key[i & 3];
        }
    }

    /** A close code one may send or receive (RFC 6455 7.4): 1000-1003, 1007-1014, 3000-4999. */
    static boolean validCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }

    /** A close frame's payload: the code, then the reason in UTF-8. */
    static byte[] closePayload(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return p;
    }
}

package io.aio4j.ws;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.io.ByteArrayOutputStream;

/** A hand-driven WebSocket peer over a raw aio4j stream: it writes the frames a test wants, bad ones included. */
final class RawPeer {
    private RawPeer() {
    }

    /** A frame as a peer read it. */
    record Frame(int b0, int opcode, boolean masked, byte[] payload) {
        int closeCode() {
            return payload.length < 2 ? 1005 : (payload[0] & 0xff) << 8 | (payload[1] & 0xff);
        }
    }

    /** A client connection that has done a valid opening handshake (no extensions). */
    static Connection client(int port) throws IOException {
        Connection c = Net.openConnection("127.0.0.1", port);
        c.writer().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(ISO_8859_1));
        String head = new String(c.reader().readuntil("\r\n\r\n".getBytes(ISO_8859_1)), ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 101") || !head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")) {
            throw new IOException("no upgrade: " + head);
        }
        return c;
    }

    /** The server's side of a valid opening handshake, on an accepted stream. */
    static void serverHandshake(StreamReader in, io.aio4j.net.StreamWriter out) throws IOException {
        String head = new String(in.readuntil("\r\n\r\n".getBytes(ISO_8859_1)), ISO_8859_1);
        String key = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:")).findFirst().orElseThrow()
                .substring(18).trim();
        String accept;
        try {
            accept = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(ISO_8859_1));
    }

    /** A frame with first byte {@code b0}, the payload, masked or not, and a length field saying {@code length}. */
    static byte[] frame(int b0, byte[] payload, boolean mask, long length) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(b0);
        int m = mask ? 0x80 : 0;
        if (length >= 0 && length <= 125) {
            b.write(m | (int) length);
        } else if (length >= 0 && length <= 0xffff) {
            b.write(m | 126);
            b.write((int) (length >>> 8));
            b.write((int) length);
        } else {
            b.write(m | 127);
            for (int i = 7; i >= 0; i--) {
                b.write((int) (length >>> (8 * i)));
            }
        }
        byte[] key = {1, 2, 3, 4};
        if (mask) {
            b.writeBytes(key);
        }
        for (int i = 0; i < payload.length; i++) {
            b.write(mask ? payload[i] ^ key[i & 3] : payload[i]);
        }
        return b.toByteArray();
    }

    static byte[] frame(int b0, byte[] payload, boolean mask) {
        return frame(b0, payload, mask, payload.length);
    }

    static byte[] closePayload(int code, String reason) {
        byte[] r = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return p;
    }

    /** Reads one frame (any masking), or null at EOF. */
    static Frame read(StreamReader in) throws IOException {
        byte[] h;
        try {
            h = in.readexactly(2);
        } catch (io.aio4j.net.IncompleteReadError e) {
            return null;
        }
        long n = h[1] & 0x7f;
        if (n == 126) {
            byte[] b = in.readexactly(2);
            n = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        } else if (n == 127) {
            byte[] b = in.readexactly(8);
            n = java.nio.ByteBuffer.wrap(b).getLong();
        }
        boolean masked = (h[1] & 0x80) != 0;
        byte[] key = masked ? in.readexactly(4) : null;
        byte[] p = in.readexactly((int) n);
        if (masked) {
            for (int i = 0; i < p.length; i++) {
                p[i] ^= key[i & 3];
            }
        }
        return new Frame(h[0] & 0xff, h[0] & 0x0f, masked, p);
    }
}

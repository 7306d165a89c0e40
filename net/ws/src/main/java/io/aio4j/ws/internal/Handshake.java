package io.aio4j.ws.internal;

import io.aio4j.net.StreamReader;
import io.aio4j.ws.HandshakeRequest;
import io.aio4j.ws.InvalidHandshake;
import io.aio4j.ws.InvalidStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The RFC 6455 section 4 opening handshake, both sides: the HTTP/1.1 upgrade request and its answer. */
final class Handshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom KEYS = new SecureRandom();
    private static final int MAX_HEADERS = 128; // websockets' MAX_NUM_HEADERS

    private Handshake() {
    }

    /** An HTTP head: the request or status line and the headers (names lower-cased, in order). */
    record Head(String startLine, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : String.join(", ", v);
        }

        /** Whether the comma-separated header {@code name} holds {@code token} (any case). */
        boolean hasToken(String name, String token) {
            String v = header(name);
            if (v != null) {
                for (String t : v.split(",")) {
                    if (t.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Reads an HTTP head up to its blank line.
     *
     * @throws InvalidHandshake if it is not HTTP, or bigger than the reader's limit
     * @throws IOException if the stream ends first
     */
    static Head readHead(StreamReader in) throws IOException {
        byte[] raw;
        try {
            raw = in.readuntil(END_OF_HEAD);
        } catch (io.aio4j.net.LimitOverrunError e) {
            throw new InvalidHandshake("HTTP head over " + in.limit() + " bytes");
        }
        String[] lines = new String(raw, 0, raw.length - END_OF_HEAD.length, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        if (lines.length - 1 > MAX_HEADERS) {
            throw new InvalidHandshake("too many HTTP headers: " + (lines.length - 1));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || lines[i].charAt(0) == ' ' || lines[i].charAt(0) == '\t') {
                throw new InvalidHandshake("invalid HTTP header line: " + lines[i]);
            }
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Head(lines[0], headers);
    }

    static String newKey() {
        byte[] k = new byte[16];
        KEYS.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    // ---- client --------------------------------------------------------------------------------

    /** The client's upgrade request; {@code request} holds the path and the headers it sends. */
    static byte[] request(HandshakeRequest request) {
        StringBuilder b = new StringBuilder(256).append("GET ").append(request.path()).append(" HTTP/1.1\r\n");
        request.headers().forEach((name, values) -> {
            for (String v : values) {
                b.append(name).append(": ").append(v).append("\r\n");
            }
        });
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What the server's answer settled: the subprotocol (or null) and the compression (or null). */
    record Accepted(String subprotocol, PerMessageDeflate deflate) {
    }

    /** Checks the server's answer to a request with {@code key}, offering {@code subprotocols} and compression or not. */
    static Accepted checkResponse(Head h, String key, List<String> subprotocols, boolean offeredDeflate)
            throws InvalidHandshake {
        String[] status = h.startLine().split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new InvalidHandshake("not an HTTP response: " + h.startLine());
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new InvalidHandshake("invalid HTTP status line: " + h.startLine());
        }
        if (code != 101) {
            throw new InvalidStatus(code, h.startLine());
        }
        if (!h.hasToken("upgrade", "websocket")) {
            throw new InvalidHandshake("invalid Upgrade header: " + h.header("upgrade"));
        }
        if (!h.hasToken("connection", "upgrade")) {
            throw new InvalidHandshake("invalid Connection header: " + h.header("connection"));
        }
        if (!acceptFor(key).equals(h.header("sec-websocket-accept"))) {
            throw new InvalidHandshake("invalid Sec-WebSocket-Accept header: " + h.header("sec-websocket-accept"));
        }
        PerMessageDeflate deflate = null;
        String ext = h.header("sec-websocket-extensions");
        if (ext != null) {
            if (!offeredDeflate || ext.contains(",")) {
                throw new InvalidHandshake("unsupported extension: " + ext);
            }
            try {
                deflate = PerMessageDeflate.accept(ext);
            } catch (IllegalArgumentException e) {
                throw new InvalidHandshake("unsupported extension: " + e.getMessage());
            }
        }
        String protocol = h.header("sec-websocket-protocol");
        if (protocol != null && !subprotocols.contains(protocol)) {
            throw new InvalidHandshake("unsupported subprotocol: " + protocol);
        }
        return new Accepted(protocol, deflate);
    }

    // ---- server --------------------------------------------------------------------------------

    /** The server's decision on a request: the bytes to answer with, and, when it is a 101, the connection's terms. */
    record Answer(byte[] response, boolean upgraded, HandshakeRequest request, String subprotocol, PerMessageDeflate deflate,
            int status, String refusal) {
    }

    /** Answers an upgrade request as the websockets library's server does (426, 400, 403 or 101). */
    static Answer answer(Head h, List<String> subprotocols, boolean compression, List<String> origins) {
        String[] line = h.startLine().split(" ");
        if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
            return refuse(400, "Bad Request", "Failed to open a WebSocket connection: invalid HTTP request.\n", "");
        }
        HandshakeRequest request = new HandshakeRequest(line[1], h.headers());
        if (!line[0].equals("GET")) {
            return refuse(405, "Method Not Allowed", "Failed to open a WebSocket connection: "
                    + "the method must be GET: " + line[0] + ".\n", "Allow: GET\r\n");
        }
        if (!h.hasToken("upgrade", "websocket")) {
            return refuse(426, "Upgrade Required", "Failed to open a WebSocket connection: "
                    + "missing Upgrade: websocket header.\n\nYou cannot access a WebSocket server directly with a browser. "
                    + "You need a WebSocket client.\n", "Upgrade: websocket\r\n");
        }
        if (!h.hasToken("connection", "upgrade")) {
            return refuse(400, "Bad Request", "Failed to open a WebSocket connection: invalid Connection header: "
                    + h.header("connection") + ".\n", "");
        }
        if (!"13".equals(h.header("sec-websocket-version"))) {
            return refuse(426, "Upgrade Required", "Failed to open a WebSocket connection: invalid "
                    + "Sec-WebSocket-Version header: " + h.header("sec-websocket-version") + ".\n", "Sec-WebSocket-Version: 13\r\n");
        }
        String key = h.header("sec-websocket-key");
        byte[] raw;
        try {
            raw = key == null ? null : Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != 16) {
            return refuse(400, "Bad Request", "Failed to open a WebSocket connection: invalid Sec-WebSocket-Key header: "
                    + key + ".\n", "");
        }
        if (origins != null && !origins.contains(h.header("origin") == null ? "" : h.header("origin"))) {
            return refuse(403, "Forbidden", "Failed to open a WebSocket connection: invalid Origin header: "
                    + h.header("origin") + ".\n", "");
        }
        StringBuilder b = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: ").append(acceptFor(key)).append("\r\n");
        PerMessageDeflate deflate = null;
        String ext = h.header("sec-websocket-extensions");
        if (compression && ext != null) {
            PerMessageDeflate.Agreement a = PerMessageDeflate.agree(ext);
            if (a != null) {
                deflate = a.extension();
                b.append("Sec-WebSocket-Extensions: ").append(a.response()).append("\r\n");
            }
        }
        String subprotocol = null;
        String offered = h.header("sec-websocket-protocol");
        if (offered != null) {
            List<String> theirs = new ArrayList<>();
            for (String p : offered.split(",")) {
                theirs.add(p.trim());
            }
            for (String p : subprotocols) { // websockets: the first of the server's that the client offers
                if (theirs.contains(p)) {
                    subprotocol = p;
                    b.append("Sec-WebSocket-Protocol: ").append(p).append("\r\n");
                    break;
                }
            }
        }
        b.append("Server: aio4j\r\n\r\n");
        return new Answer(b.toString().getBytes(StandardCharsets.US_ASCII), true, request, subprotocol, deflate, 101, null);
    }

    private static Answer refuse(int status, String phrase, String body, String extraHeaders) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase + "\r\n" + extraHeaders
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + text.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(h, h.length + text.length);
        System.arraycopy(text, 0, all, h.length, text.length);
        return new Answer(all, false, null, null, null, status, body.strip());
    }
}

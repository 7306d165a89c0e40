package io.aio4j.http.internal;

import io.aio4j.http.ClientPayloadError;
import io.aio4j.net.LimitOverrunError;
import io.aio4j.net.StreamReader;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 messages (RFC 9112) as the client writes and reads them: the request head, the response
 * head, and how the response's body is framed.
 */
final class Http1 {
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private Http1() {
    }

    /** The request line and headers, then the blank line. */
    static byte[] requestHead(String method, String target, Map<String, String> headers) {
        StringBuilder b = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> b.append(name).append(": ").append(value).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A response's status line and headers (names lower-cased, in order). */
    record Head(boolean http11, int status, String reason, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        /** Whether the comma-separated header {@code name} holds {@code token}. */
        boolean hasToken(String name, String token) {
            List<String> v = headers.get(name);
            if (v != null) {
                for (String value : v) {
                    for (String t : value.split(",")) {
                        if (t.trim().equalsIgnoreCase(token)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Whether the server lets the connection be used again (RFC 9112 9.3). */
        boolean keepAlive() {
            return http11 ? !hasToken("connection", "close") : hasToken("connection", "keep-alive");
        }
    }

    /**
     * Reads a response head, skipping interim (1xx) responses.
     *
     * @throws ProtocolException for a head that is not HTTP/1.x, or larger than the reader's limit
     * @throws io.aio4j.net.IncompleteReadError when the connection ends first
     */
    static Head readHead(StreamReader in, String what) throws IOException {
        for (;;) {
            byte[] raw;
            try {
                raw = in.readuntil(END_OF_HEAD);
            } catch (LimitOverrunError e) {
                throw new ProtocolException(what + ": malformed response: the head is over " + in.limit() + " bytes");
            }
            String[] lines = new String(raw, 0, raw.length - END_OF_HEAD.length, StandardCharsets.ISO_8859_1).split("\r\n", -1);
            String[] status = lines[0].split(" ", 3);
            if (status.length < 2 || !(status[0].equals("HTTP/1.1") || status[0].equals("HTTP/1.0"))
                    || status[1].length() != 3 || !status[1].chars().allMatch(Character::isDigit)) {
                throw new ProtocolException(what + ": malformed response: invalid status line: " + clip(lines[0]));
            }
            int code = Integer.parseInt(status[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(colon - 1) == ' ') {
                    throw new ProtocolException(what + ": malformed response: invalid header line: " + clip(line));
                }
                headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), n -> new ArrayList<>(1))
                        .add(line.substring(colon + 1).trim());
            }
            if (code >= 100 && code < 200 && code != 101) {
                continue; // 100 Continue, 103 Early Hints: the real answer follows
            }
            headers.replaceAll((k, v) -> Collections.unmodifiableList(v));
            return new Head(status[0].equals("HTTP/1.1"), code, status.length > 2 ? status[2] : "",
                    Collections.unmodifiableMap(headers));
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** How a response body is delimited (RFC 9112 6.3). */
    enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    static Framing framing(String method, Head h) {
        if (method.equals("HEAD") || h.status() == 204 || h.status() == 304 || h.status() < 200) {
            return Framing.NONE;
        }
        List<String> te = h.headers().get("transfer-encoding");
        if (te != null) {
            String last = te.get(te.size() - 1);
            String[] codings = last.split(",");
            return codings[codings.length - 1].trim().equalsIgnoreCase("chunked") ? Framing.CHUNKED : Framing.UNTIL_CLOSE;
        }
        return h.headers().containsKey("content-length") ? Framing.LENGTH : Framing.UNTIL_CLOSE;
    }

    /**
     * The Content-Length, checked: digits only, the same in every copy.
     *
     * @throws ClientPayloadError for a negative, non-numeric, overflowing or contradictory value
     */
    static long contentLength(Head h, String what) throws ClientPayloadError {
        long n = -1;
        for (String value : h.headers().get("content-length")) {
            for (String v : value.split(",")) {
                String t = v.trim();
                long m;
                try {
                    if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
                        throw new NumberFormatException();
                    }
                    m = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new ClientPayloadError(what + ": invalid Content-Length: " + value);
                }
                if (n >= 0 && m != n) {
                    throw new ClientPayloadError(what + ": contradictory Content-Length: " + h.headers().get("content-length"));
                }
                n = m;
            }
        }
        return n;
    }
}

package io.aio4j.http.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's head as RFC 9112 sections 3 and 5 define it, parsed strictly: a request line of a
 * token method, an origin-form (or {@code *}, or absolute-form) target and {@code HTTP/1.0} or
 * {@code HTTP/1.1}; header fields whose names are tokens, with no space before the colon, no
 * obsolete line folding and no control characters; for HTTP/1.1 a Host field. Anything else is a 400
 * that names what was wrong, as aiohttp's parser (llhttp) refuses it.
 */
record RequestHead(String method, String target, String path, String query, boolean http11,
        Map<String, List<String>> headers) {
    static final int MAX_FIELDS = 100;

    /** Parses {@code raw}, the bytes up to and including the blank line. */
    static RequestHead parse(byte[] raw) {
        int end = raw.length - 4; // the final CRLF CRLF
        int lineEnd = indexOfCrlf(raw, 0, end);
        String line = latin1(raw, 0, lineEnd);
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw bad("invalid request line: " + clip(line));
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!isToken(method)) {
            throw bad("invalid method: " + clip(method));
        }
        boolean http11;
        if (version.equals("HTTP/1.1")) {
            http11 = true;
        } else if (version.equals("HTTP/1.0")) {
            http11 = false;
        } else if (version.startsWith("HTTP/") && version.length() == 8 && Character.isDigit(version.charAt(5))) {
            throw new HttpException(505, "HTTP Version Not Supported", "unsupported HTTP version: " + version);
        } else {
            throw bad("invalid HTTP version: " + clip(version));
        }
        String path = target;
        if (target.isEmpty()) {
            throw bad("empty request target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw bad("invalid character in the request target: 0x" + Integer.toHexString(c));
            }
        }
        if (target.charAt(0) != '/') {
            if (target.equals("*") && method.equals("OPTIONS")) {
                path = "*";
            } else if (target.startsWith("http://") || target.startsWith("https://")) {
                int slash = target.indexOf('/', target.indexOf("//") + 2);
                path = slash < 0 ? "/" : target.substring(slash);
            } else {
                throw bad("invalid request target: " + clip(target));
            }
        }
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        int at = lineEnd + 2;
        while (at < end) {
            int e = indexOfCrlf(raw, at, end);
            if (++count > MAX_FIELDS) {
                throw new HttpException(431, "Request Header Fields Too Large", "more than " + MAX_FIELDS + " header fields");
            }
            int colon = -1;
            for (int i = at; i < e; i++) {
                byte b = raw[i];
                if (b == ':') {
                    colon = i;
                    break;
                }
            }
            if (raw[at] == ' ' || raw[at] == '\t') {
                throw bad("obsolete line folding in a header field");
            }
            if (colon <= at) {
                throw bad("invalid header field: " + clip(latin1(raw, at, e)));
            }
            String name = latin1(raw, at, colon);
            if (!isToken(name)) {
                throw bad("invalid header field name: " + clip(name));
            }
            int vs = colon + 1;
            int ve = e;
            while (vs < ve && (raw[vs] == ' ' || raw[vs] == '\t')) {
                vs++;
            }
            while (ve > vs && (raw[ve - 1] == ' ' || raw[ve - 1] == '\t')) {
                ve--;
            }
            for (int i = vs; i < ve; i++) {
                int b = raw[i] & 0xff;
                if (b < 0x20 && b != '\t' || b == 0x7f) {
                    throw bad("invalid character in header field " + name + ": 0x" + Integer.toHexString(b));
                }
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>(1)).add(latin1(raw, vs, ve));
            at = e + 2;
        }
        if (http11 && !headers.containsKey("host")) {
            throw bad("an HTTP/1.1 request needs a Host header");
        }
        if (headers.containsKey("transfer-encoding") && headers.containsKey("content-length")) {
            throw bad("both Transfer-Encoding and Content-Length");
        }
        headers.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new RequestHead(method, target, path, query, http11, Collections.unmodifiableMap(headers));
    }

    /** The first value of {@code name} (lower case), or null. */
    String header(String name) {
        List<String> v = headers.get(name);
        return v == null ? null : v.get(0);
    }

    /** Whether the comma-separated header {@code name} holds {@code token}, in any case. */
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

    /** Whether the client lets the connection carry another request (RFC 9112 9.3). */
    boolean keepAlive() {
        return http11 ? !hasToken("connection", "close") : hasToken("connection", "keep-alive");
    }

    private static int indexOfCrlf(byte[] raw, int from, int end) {
        for (int i = from; i < end; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
            if (raw[i] == '\n' || raw[i] == '\r') {
                throw bad("a bare CR or LF in the head");
            }
        }
        return end;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static HttpException bad(String why) {
        return new HttpException(400, "Bad Request", "Bad Request: " + why);
    }
}

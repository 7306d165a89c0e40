package io.aio4j.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aio4j.http.ClientPayloadError;
import io.aio4j.http.ClientResponseError;
import io.aio4j.http.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/** aiohttp's {@code ClientResponse}: the head that came, and the body as it streams in from the connection. */
public final class ResponseImpl implements Response {
    private final ClientSessionImpl session;
    private final Pool.Conn conn;
    private final Http1.Head head;
    private final Body raw;
    private final String url;
    private final String what;
    private final double deadline;
    private final ClientSessionImpl.Call call;
    private final boolean requestSaidClose;
    private final Runnable onClose;
    private byte[] body;
    private boolean closed;
    private boolean released;

    ResponseImpl(ClientSessionImpl session, Pool.Conn conn, Http1.Head head, Body raw, String url, String what,
            double deadline, ClientSessionImpl.Call call, boolean requestSaidClose, Runnable onClose) {
        this.session = session;
        this.conn = conn;
        this.head = head;
        this.raw = raw;
        this.url = url;
        this.what = what;
        this.deadline = deadline;
        this.call = call;
        this.requestSaidClose = requestSaidClose;
        this.onClose = onClose;
        if (raw.complete()) {
            release(); // no body (HEAD, 204, 304, Content-Length: 0): the connection is free at once
        }
    }

    @Override
    public int status() {
        return head.status();
    }

    @Override
    public String reason() {
        return head.reason();
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Map<String, List<String>> headers() {
        return head.headers();
    }

    @Override
    public String header(String name) {
        return head.header(name.toLowerCase(Locale.ROOT));
    }

    /** The decoded body for {@code Content-Encoding: gzip / deflate}, made on first read; else null. */
    private java.io.InputStream decoded;
    private boolean decodedEnd;

    /**
     * Up to {@code max} bytes of the body as the server meant it: decoded when it came gzip- or
     * deflate-compressed (the session asks for that, as aiohttp does); null at its end.
     */
    private byte[] readChunk(int max) throws IOException {
        String enc = header("content-encoding");
        if (enc == null || enc.equalsIgnoreCase("identity")) {
            return readRaw(max);
        }
        if (decodedEnd) {
            return null;
        }
        if (decoded == null) {
            java.io.InputStream raw = new java.io.InputStream() {
                private byte[] pending = new byte[0];
                private int at;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    while (at == pending.length) {
                        byte[] next = readRaw(64 * 1024); // an await: the task parks, the loop goes on
                        if (next == null) {
                            return -1;
                        }
                        pending = next;
                        at = 0;
                    }
                    int n = Math.min(len, pending.length - at);
                    System.arraycopy(pending, at, b, off, n);
                    at += n;
                    return n;
                }
            };
            try {
                decoded = switch (enc.trim().toLowerCase(Locale.ROOT)) {
                    case "gzip", "x-gzip" -> new java.util.zip.GZIPInputStream(raw, 64 * 1024);
                    case "deflate" -> new java.util.zip.InflaterInputStream(raw);
                    default -> throw new ClientPayloadError(what + ": cannot decode Content-Encoding: " + enc);
                };
            } catch (java.util.zip.ZipException e) {
                throw new ClientPayloadError(what + ": cannot decode Content-Encoding: " + enc + ": " + e.getMessage(), e);
            }
        }
        byte[] buf = new byte[max];
        int n;
        try {
            n = decoded.read(buf);
        } catch (ClientPayloadError e) {
            throw e;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new ClientPayloadError(what + ": cannot decode Content-Encoding: " + enc + ": " + e.getMessage(), e);
        }
        if (n < 0) {
            decodedEnd = true;
            return null;
        }
        return Arrays.copyOf(buf, n);
    }

    /** Up to {@code max} bytes of the body as they arrive (still encoded); null at its end. */
    private byte[] readRaw(int max) throws IOException {
        if (closed) {
            throw new IllegalStateException("the response is closed; read its body before closing it");
        }
        byte[] b;
        Runnable hold = ClientSessionImpl.holdClock();
        try {
            b = session.bounded(what, deadline, call.total(), call.read(), () -> raw.read(max));
        } catch (IOException | RuntimeException e) {
            conn.abort(); // the connection stands mid-body: it cannot carry another response
            released = true;
            throw e;
        } finally {
            hold.run();
        }
        if (raw.complete()) {
            release(); // aiohttp: the connection goes back once the body has been read
        }
        return b;
    }

    private void release() {
        if (!released) {
            released = true;
            session.pool().release(conn, raw.delimited() && head.keepAlive() && !requestSaidClose);
        }
    }

    @Override
    public synchronized byte[] bytes() throws IOException {
        if (body == null) {
            if (closed) {
                throw new IllegalStateException("the response is closed; read its body before closing it");
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] chunk; (chunk = readChunk(64 * 1024)) != null; ) {
                all.write(chunk);
            }
            body = all.toByteArray();
        }
        return body.clone();
    }

    @Override
    public String text() throws IOException {
        byte[] b = bytes();
        Charset named = charset();
        if (named != null) {
            return new String(b, named);
        }
        try { // no charset named: UTF-8 if it is UTF-8, else windows-1252 (aiohttp: charset detection)
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(b, Charset.forName("windows-1252"));
        }
    }

    private static final java.util.regex.Pattern JSON_TYPE = java.util.regex.Pattern.compile("^application/(?:[\\w.+-]+?\\+)?json");

    private void checkJson(String expected) {
        if (expected == null) {
            return;
        }
        String ct = header("content-type") == null ? "" : header("content-type").toLowerCase(Locale.ROOT);
        boolean ok = expected.equals("application/json") ? JSON_TYPE.matcher(ct).find() : ct.contains(expected);
        if (!ok) {
            throw new io.aio4j.http.ContentTypeError(status(),
                    "Attempt to decode JSON with unexpected mimetype: " + ct, url());
        }
    }

    private Charset charset() {
        String ct = header("content-type");
        if (ct != null) {
            for (String part : ct.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", ""));
                    } catch (RuntimeException e) {
                        break;
                    }
                }
            }
        }
        String t = ct == null ? "" : ct.toLowerCase(Locale.ROOT);
        return JSON_TYPE.matcher(t).find() ? StandardCharsets.UTF_8 : null; // JSON is UTF-8; else detect
    }

    @Override
    public JsonNode json() throws IOException {
        return json("application/json");
    }

    @Override
    public JsonNode json(String expectedContentType) throws IOException {
        checkJson(expectedContentType);
        return Json.MAPPER.readTree(bytes());
    }

    @Override
    public <T> T json(Class<T> type) throws IOException {
        checkJson("application/json");
        return Json.MAPPER.readValue(bytes(), type);
    }

    @Override
    public Iterable<byte[]> iterChunked(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be > 0 bytes: " + size);
        }
        return () -> new Iterator<>() {
            private byte[] next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = readChunk(size);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    done = next == null;
                }
                return !done;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the body has ended");
                }
                byte[] n = next;
                next = null;
                return n;
            }
        };
    }

    private java.util.List<Response> history = java.util.List.of();

    void history(java.util.List<Response> h) {
        this.history = java.util.List.copyOf(h);
    }

    @Override
    public java.util.List<Response> history() {
        return history;
    }

    @Override
    public void raiseForStatus() {
        if (status() >= 400) {
            throw new ClientResponseError(status(), reason(), url());
        }
    }

    /** Reads a body of up to 64 KiB (so that the connection can be reused), then closes. */
    void drainAndClose() {
        try {
            String cl = header("content-length");
            if (cl != null && cl.trim().length() < 6 && Long.parseLong(cl.trim()) <= 64 * 1024) {
                bytes();
            }
        } catch (IOException | RuntimeException e) {
            // closing anyway
        } finally {
            close();
        }
    }

    /** aiohttp's {@code release()}: a connection whose body was not read whole is closed, not reused. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!released) {
                released = true;
                if (raw.complete()) {
                    session.pool().release(conn, raw.delimited() && head.keepAlive() && !requestSaidClose);
                } else {
                    conn.abort();
                }
            }
        } finally {
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return "<ClientResponse(" + url() + ") [" + status() + " " + reason() + "]>";
    }
}

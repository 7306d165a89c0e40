package io.aio4j.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aio4j.bridge.Suspend;
import io.aio4j.http.ClientPayloadError;
import io.aio4j.http.ClientResponseError;
import io.aio4j.http.Response;
import io.ktor.client.statement.HttpResponse;
import io.ktor.client.statement.HttpResponseKt;
import io.ktor.client.statement.HttpStatement;
import io.ktor.utils.io.ByteReadChannel;
import io.ktor.utils.io.ByteReadChannelOperationsKt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import kotlin.Unit;

/** aiohttp's {@code ClientResponse} over a streaming Ktor response. */
public final class ResponseImpl implements Response {
    private final HttpStatement statement;
    private final HttpResponse response;
    private final String what;
    private final Map<String, List<String>> headers;
    private ByteReadChannel channel;
    /** The Content-Length the server announced, or -1; and how much of the body has arrived. */
    private final long expectedLength;
    private long received;
    private byte[] body;
    private boolean closed;

    private final ClientSessionImpl session;
    private final Runnable onClose;

    ResponseImpl(ClientSessionImpl session, HttpStatement statement, HttpResponse response, String what, Runnable onClose) {
        this.session = session;
        this.onClose = onClose;
        this.statement = statement;
        this.response = response;
        this.what = what;
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : response.getHeaders().entries()) {
            h.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(e.getValue()));
        }
        this.headers = java.util.Collections.unmodifiableMap(h);
        this.expectedLength = contentLength(header("content-length"), what);
    }

    /** The announced length; a malformed one is a payload error at once (aiohttp: a 400 parse error). */
    private static long contentLength(String v, String what) {
        if (v == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UncheckedIOException(new ClientPayloadError(what + ": invalid Content-Length: " + v));
    }

    @Override
    public int status() {
        return response.getStatus().getValue();
    }

    @Override
    public String reason() {
        return response.getStatus().getDescription();
    }

    @Override
    public String url() {
        return HttpResponseKt.getRequest(response).getUrl().toString();
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private synchronized ByteReadChannel channel() throws IOException {
        if (channel == null) {
            try {
                channel = Suspend.call(k -> HttpResponseKt.bodyAsChannel(response, k));
            } catch (Exception | io.aio4j.CancelledError e) {
                throw ClientSessionImpl.Errors.mapBody(e, what);
            }
        }
        return channel;
    }

    /** Up to {@code max} bytes of the body as they arrive; null at its end. */
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
        ByteReadChannel ch = channel();
        byte[] buf = new byte[max];
        int n;
        try {
            n = session.withReadTimeout(what,
                    () -> Suspend.call(k -> ByteReadChannelOperationsKt.readAvailable(ch, buf, 0, buf.length, k)));
        } catch (io.aio4j.TimeoutError e) {
            throw e;
        } catch (Exception | io.aio4j.CancelledError e) {
            throw ClientSessionImpl.Errors.mapBody(e, what);
        }
        if (n < 0) {
            Throwable cut = ch.getClosedCause();
            if (cut != null) { // the engine ended the body with an error (e.g. a chunked body cut short)
                throw ClientSessionImpl.Errors.mapBody(cut, what);
            }
            if (expectedLength >= 0 && received < expectedLength) {
                throw new ClientPayloadError(what + ": Response payload is not completed: <ContentLengthError: 400, "
                        + "message='Not enough data to satisfy content length header.'> (" + received + " of "
                        + expectedLength + " bytes)");
            }
            return null;
        }
        received += n;
        return Arrays.copyOf(buf, n);
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
            if (expectedLength >= 0 && expectedLength <= 64 * 1024) {
                bytes();
            }
        } catch (IOException | RuntimeException e) {
            // closing anyway
        } finally {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Suspend.<Unit>call(k -> statement.cleanup(response, null, k));
        } catch (Exception | io.aio4j.CancelledError e) {
            // the body's own failure (already raised to whoever read it), or a connection that went away:
            // closing succeeds anyway, unless this task itself is being cancelled
            if (e instanceof io.aio4j.CancelledError c && io.aio4j.Aio.currentTask() != null
                    && io.aio4j.Aio.currentTask().cancelling() > 0) {
                throw c;
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

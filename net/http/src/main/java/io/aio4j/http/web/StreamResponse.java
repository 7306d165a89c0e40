package io.aio4j.http.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A response written as it is produced: aiohttp's {@code web.StreamResponse}. Set the status and
 * headers, {@link #prepare(Request)} (sends the head), then {@link #write(byte[])} the body in
 * pieces and {@link #writeEof()}; return it from the handler. Without a Content-Length the body is
 * sent chunked (HTTP/1.1) or until the connection closes (HTTP/1.0).
 *
 * <pre>{@code
 * app.get("/count", request -> {
 *     StreamResponse r = new StreamResponse();
 *     r.setContentType("text/plain");
 *     r.prepare(request);
 *     for (int i = 0; i < 10; i++) {
 *         r.write((i + "\n").getBytes());   // waits while the client is slow to read
 *         Aio.sleep(1);
 *     }
 *     r.writeEof();
 *     return r;
 * });
 * }</pre>
 *
 * <p>A body that ends before its declared Content-Length is never passed off as complete: the
 * connection is closed, so the client sees a cut body, and {@link #writeEof()} throws. A write to a
 * client that does not read for {@link WebOptions#sendTimeout()} aborts the connection and throws.
 *
 * @apiNote asyncio: {@code aiohttp.web.StreamResponse}
 */
public class StreamResponse {
    private int status = 200;
    private String reason;
    private final Map<String, List<String>> headers = new LinkedHashMap<>(); // lower-case name -> [name, value...]
    private final List<Cookie> cookies = new ArrayList<>(1);
    private long contentLength = -1;
    private HttpConnection connection;
    private boolean headOnly;
    private boolean chunked;
    private boolean eof;
    private long written;

    /** A 200 response. */
    public StreamResponse() {
    }

    /** A response with {@code status}. */
    public StreamResponse(int status) {
        setStatus(status);
    }

    /**
     * The status code.
     *
     * @apiNote asyncio: {@code response.status}
     */
    public final int status() {
        return status;
    }

    /**
     * The reason phrase.
     *
     * @apiNote asyncio: {@code response.reason}
     */
    public final String reason() {
        return reason != null ? reason : Reasons.phrase(status);
    }

    /**
     * Sets the status (and its standard reason phrase); returns this.
     *
     * @throws IllegalArgumentException outside 100..599
     * @throws IllegalStateException once prepared
     * @apiNote asyncio: {@code response.set_status(status)}
     */
    public StreamResponse setStatus(int status) {
        return setStatus(status, null);
    }

    /**
     * Sets the status and the reason phrase (null: the standard one); returns this.
     *
     * @apiNote asyncio: {@code response.set_status(status, reason)}
     */
    public StreamResponse setStatus(int status, String reason) {
        checkNotPrepared();
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100..599: " + status);
        }
        if (reason != null && (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("a reason phrase holds no CR or LF: " + reason);
        }
        this.status = status;
        this.reason = reason;
        return this;
    }

    /**
     * The first value of header {@code name} (any case), or null.
     *
     * @apiNote asyncio: {@code response.headers.get(name)}
     */
    public final String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : v.get(1);
    }

    /**
     * The headers set so far, by name as given, each with its values.
     *
     * @apiNote asyncio: {@code response.headers}
     */
    public final Map<String, List<String>> headers() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        headers.values().forEach(v -> m.put(v.get(0), List.copyOf(v.subList(1, v.size()))));
        return m;
    }

    /**
     * Sets header {@code name} to {@code value}, replacing any value it had; returns this.
     *
     * @throws IllegalArgumentException for a name that is not a token or a value with CR, LF or NUL
     * @throws IllegalStateException once prepared
     * @apiNote asyncio: {@code response.headers[name] = value}
     */
    public StreamResponse setHeader(String name, String value) {
        checkHeader(name, value);
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("content-length")) {
            setContentLength(parseLength(value));
            return this;
        }
        List<String> v = new ArrayList<>(2);
        v.add(name);
        v.add(value);
        headers.put(key, v);
        return this;
    }

    /**
     * Adds a value to header {@code name}; returns this.
     *
     * @apiNote asyncio: {@code response.headers.add(name, value)}
     */
    public StreamResponse addHeader(String name, String value) {
        checkHeader(name, value);
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("content-length")) {
            return setHeader(name, value);
        }
        headers.computeIfAbsent(key, k -> {
            List<String> v = new ArrayList<>(2);
            v.add(name);
            return v;
        }).add(value);
        return this;
    }

    /**
     * Removes header {@code name}; returns this.
     *
     * @apiNote asyncio: {@code del response.headers[name]}
     */
    public StreamResponse removeHeader(String name) {
        checkNotPrepared();
        String key = name.toLowerCase(Locale.ROOT);
        headers.remove(key);
        if (key.equals("content-length")) {
            contentLength = -1;
        }
        return this;
    }

    /**
     * Sets the Content-Type; returns this.
     *
     * @apiNote asyncio: {@code response.content_type = ...}
     */
    public StreamResponse setContentType(String contentType) {
        return setHeader("Content-Type", Objects.requireNonNull(contentType, "contentType"));
    }

    /**
     * The Content-Type, or null.
     *
     * @apiNote asyncio: {@code response.content_type}
     */
    public final String contentType() {
        return header("content-type");
    }

    /**
     * Declares the body's length (-1: none, chunked); returns this.
     *
     * @apiNote asyncio: {@code response.content_length = n}
     */
    public StreamResponse setContentLength(long length) {
        checkNotPrepared();
        if (length < -1) {
            throw new IllegalArgumentException("a Content-Length is >= 0 (or -1 for none): " + length);
        }
        contentLength = length;
        return this;
    }

    /**
     * The declared body length, or -1.
     *
     * @apiNote asyncio: {@code response.content_length}
     */
    public final long contentLength() {
        return contentLength;
    }

    /**
     * Adds a {@code Set-Cookie}; returns this.
     *
     * @apiNote asyncio: {@code response.set_cookie(...)}
     */
    public StreamResponse setCookie(Cookie cookie) {
        checkNotPrepared();
        cookies.removeIf(c -> c.name().equals(cookie.name()) && Objects.equals(c.path(), cookie.path()));
        cookies.add(Objects.requireNonNull(cookie, "cookie"));
        return this;
    }

    /**
     * Sets a session cookie with {@code Path=/}; returns this.
     *
     * @apiNote asyncio: {@code response.set_cookie(name, value)}
     */
    public StreamResponse setCookie(String name, String value) {
        return setCookie(Cookie.of(name, value));
    }

    /**
     * Tells the client to delete cookie {@code name} (Path=/); returns this.
     *
     * @apiNote asyncio: {@code response.del_cookie(name)}
     */
    public StreamResponse delCookie(String name) {
        return setCookie(Cookie.of(name, "").withMaxAge(java.time.Duration.ZERO));
    }

    /** The cookies this response sets. */
    public final List<Cookie> cookies() {
        return List.copyOf(cookies);
    }

    /**
     * Whether {@link #prepare(Request)} has sent the head.
     *
     * @apiNote asyncio: {@code response.prepared}
     */
    public final boolean prepared() {
        return connection != null;
    }

    /**
     * Sends the status line and headers to the client of {@code request}; a second call does nothing.
     *
     * @apiNote asyncio: {@code await response.prepare(request)}
     */
    public void prepare(Request request) throws IOException {
        if (connection != null) {
            return;
        }
        sendHead(request, null);
    }

    /** Sends the head, and {@code body} with it when there is one (a {@link Response}'s). */
    final void sendHead(Request request, byte[] body) throws IOException {
        HttpConnection c = request.connection();
        headOnly = request.method().equals("HEAD");
        boolean bodyless = status < 200 || status == 204 || status == 304;
        boolean http11 = request.head().http11();
        if (body != null) {
            contentLength = bodyless ? -1 : body.length;
        }
        chunked = !bodyless && contentLength < 0 && http11;
        boolean keepAlive = status != 413 && c.keepAliveAfter(request) && (bodyless || contentLength >= 0 || chunked);
        StringBuilder b = new StringBuilder(160);
        b.append(http11 ? "HTTP/1.1 " : "HTTP/1.0 ").append(status).append(' ').append(reason()).append("\r\n");
        for (List<String> v : headers.values()) {
            for (int i = 1; i < v.size(); i++) {
                b.append(v.get(0)).append(": ").append(v.get(i)).append("\r\n");
            }
        }
        for (Cookie k : cookies) {
            b.append("Set-Cookie: ").append(k.header()).append("\r\n");
        }
        if (!bodyless) {
            if (contentLength >= 0) {
                b.append("Content-Length: ").append(contentLength).append("\r\n");
            } else if (chunked) {
                b.append("Transfer-Encoding: chunked\r\n");
            }
            if (!headers.containsKey("content-type")) {
                b.append("Content-Type: application/octet-stream\r\n");
            }
        }
        b.append("Date: ").append(HttpDate.now()).append("\r\nServer: aio4j\r\n");
        if (!keepAlive) {
            b.append("Connection: close\r\n");
        } else if (!http11) {
            b.append("Connection: keep-alive\r\n");
        }
        b.append("\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        connection = c;
        c.responseStarted(this, status, keepAlive);
        if (body != null && !bodyless && !headOnly && body.length > 0) {
            byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            written = body.length;
            c.send(all);
        } else {
            c.send(head);
        }
        if (body != null) {
            eof = true;
        }
    }

    /**
     * Sends {@code data} as the next piece of the body, and waits while the client is slow to read
     * (aiohttp's {@code write} drains too).
     *
     * @throws IllegalStateException before {@link #prepare(Request)}, after {@link #writeEof()}, or
     *     past the declared Content-Length
     * @throws IOException if the connection is lost, or the client does not read for
     *     {@link WebOptions#sendTimeout()}
     * @apiNote asyncio: {@code await response.write(data)}
     */
    public void write(byte[] data) throws IOException {
        Objects.requireNonNull(data, "data");
        if (connection == null) {
            throw new IllegalStateException("write before prepare(request): the head is not sent yet");
        }
        if (eof) {
            throw new IllegalStateException("write after writeEof()");
        }
        if (contentLength >= 0 && written + data.length > contentLength) {
            throw new IllegalStateException("the body is over its Content-Length: " + (written + data.length)
                    + " bytes for Content-Length " + contentLength);
        }
        if (data.length == 0 || headOnly) {
            return;
        }
        written += data.length;
        if (chunked) {
            byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[size.length + data.length + 2];
            System.arraycopy(size, 0, all, 0, size.length);
            System.arraycopy(data, 0, all, size.length, data.length);
            all[all.length - 2] = '\r';
            all[all.length - 1] = '\n';
            connection.send(all);
        } else {
            connection.send(data);
        }
    }

    /**
     * Waits until the data written so far is handed to the system (below the buffer's limit).
     *
     * @apiNote asyncio: {@code await response.drain()} (older aiohttp)
     */
    public void drain() throws IOException {
        if (connection != null) {
            connection.drain();
        }
    }

    /**
     * Ends the body (the last chunk for a chunked body); later calls do nothing.
     *
     * @throws IllegalStateException if fewer bytes than the declared Content-Length were written: the
     *     connection is then closed, so the client sees the body cut short
     * @apiNote asyncio: {@code await response.write_eof()}
     */
    public void writeEof() throws IOException {
        if (connection == null) {
            throw new IllegalStateException("writeEof before prepare(request)");
        }
        if (eof) {
            return;
        }
        eof = true;
        if (contentLength >= 0 && written < contentLength && !headOnly) {
            connection.cutShort();
            throw new IllegalStateException("the body ended before its Content-Length: " + written + " of "
                    + contentLength + " bytes; the connection is closed");
        }
        if (chunked && !headOnly) {
            connection.send(new byte[] {'0', '\r', '\n', '\r', '\n'});
        }
        connection.drain();
    }

    /** The connection now carries another protocol (a WebSocket): the 101 was sent by it. */
    final void upgrade(HttpConnection c) {
        status = 101;
        connection = c;
        eof = true;
        c.responseStarted(this, 101, false);
        c.upgraded();
    }

    final boolean eof() {
        return eof;
    }

    /** Bytes of body sent. */
    final long bodyLength() {
        return written;
    }

    final void checkNotPrepared() {
        if (connection != null) {
            throw new IllegalStateException("the response is prepared: its status and headers are sent");
        }
    }

    private void checkHeader(String name, String value) {
        checkNotPrepared();
        Objects.requireNonNull(value, "value");
        if (!RequestHead.isToken(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("a header name is an HTTP token: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("a header value holds no CR, LF or NUL: " + name + ": " + value);
            }
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Content-Length is a number: " + value);
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + status + " " + reason() + (prepared() ? " prepared" : "") + ">";
    }
}

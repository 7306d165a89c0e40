package io.aio4j.http.internal;

import io.aio4j.Aio;
import io.aio4j.TimeoutError;
import io.aio4j.http.ClientPayloadError;
import io.aio4j.http.ClientSession;
import io.aio4j.http.RequestOptions;
import io.aio4j.http.Response;
import io.aio4j.http.SessionOptions;
import io.aio4j.http.TooManyRedirects;
import io.aio4j.net.IncompleteReadError;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * aiohttp's {@code ClientSession}: HTTP/1.1 over aio4j's own streams (the loop's selector, its TLS
 * layer), one pool of kept-alive connections and one cookie jar for every task that uses it.
 */
public final class ClientSessionImpl implements ClientSession {
    /** What the session says it is, unless a header option says otherwise (aiohttp: {@code Python/3.x aiohttp/3.x}). */
    static final String USER_AGENT = "aio4j/0.1 (Java " + Runtime.version().feature() + ")";
    /** aiohttp's {@code max_redirects}. */
    static final int MAX_REDIRECTS = 10;
    private static final Set<String> GET_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE"); // aiohttp's
    private static final Set<String> POST_METHODS = Set.of("POST", "PUT", "PATCH");

    private final SessionOptions options;
    private final Pool pool;
    private final CookieManager cookies;
    /** aiohttp's connector limits: at most this many requests (connections) in flight, in all and per host. */
    private final io.aio4j.sync.Semaphore permits;
    private final Map<String, io.aio4j.sync.Semaphore> hostPermits = new java.util.HashMap<>();
    private volatile boolean closed;

    public ClientSessionImpl(SessionOptions o) {
        this.options = Objects.requireNonNull(o, "options");
        this.pool = new Pool(o.sslContext());
        this.cookies = o.cookies() ? new CookieManager() : null;
        this.permits = new io.aio4j.sync.Semaphore(o.limit());
    }

    Pool pool() {
        return pool;
    }

    @Override
    public Response request(String method, String url, RequestOptions ro) throws IOException {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ro, "options");
        if (closed) {
            throw new IllegalStateException("Session is closed");
        }
        String m = method.toUpperCase(Locale.ROOT);
        String u = withParams(resolve(url), ro.params());
        Call call = new Call(ro.body(), ro.stream(), ro.contentType(),
                ro.totalTimeout() != null ? ro.totalTimeout() : options.totalTimeout(),
                ro.readTimeout() != null ? ro.readTimeout() : options.readTimeout(),
                ro.proxy() != null ? ProxyTarget.of(ro.proxy()) : options.proxy() != null ? ProxyTarget.of(options.proxy()) : null);
        boolean follow = ro.followRedirects() != null ? ro.followRedirects() : options.followRedirects();
        double deadline = call.total == null ? Double.POSITIVE_INFINITY
                : Aio.getRunningLoop().time() + call.total.toNanos() / 1e9; // aiohttp: total covers the redirects
        java.util.List<Response> history = new java.util.ArrayList<>();
        for (;;) {
            ResponseImpl r = send(m, u, ro, call, deadline);
            int status = r.status();
            String location = r.header("location");
            if (!follow || location == null || !(status == 301 || status == 302 || status == 303
                    || status == 307 || status == 308)) {
                r.history(history);
                return r;
            }
            r.drainAndClose(); // a small body is read, so that the connection goes back to the pool
            history.add(r);
            if (history.size() >= ro.maxRedirects()) { // aiohttp: len(history) >= max_redirects
                throw new TooManyRedirects(status, r.reason(), r.url(), history);
            }
            // aiohttp: 303 (but HEAD), and 301/302 after a POST, go on as a GET without the body;
            // 307/308 repeat the method and the body
            if (status == 303 && !m.equals("HEAD") || (status == 301 || status == 302) && m.equals("POST")) {
                m = "GET";
                call = call.withoutBody();
            } else if (call.stream != null) {
                throw new java.net.ProtocolException(m + " " + u + ": a " + status + " redirect asks to send the body "
                        + "again, and a streamed body can be sent only once");
            }
            u = URI.create(r.url()).resolve(location).toString();
        }
    }

    /** What stays the same across a request's redirects: the body and this request's limits and proxy. */
    record Call(byte[] body, Iterable<byte[]> stream, String contentType, Duration total, Duration read, ProxyTarget proxy) {
        Call withoutBody() {
            return new Call(null, null, null, total, read, proxy);
        }
    }

    private ResponseImpl send(String method, String url, RequestOptions ro, Call call, double deadline) throws IOException {
        Target t = Target.of(url);
        String what = method + " " + url;
        Map<String, String> headers = headers(method, t, ro, call);
        boolean saysClose = "close".equalsIgnoreCase(headers.get("Connection"));
        // through a proxy, a plain http:// request names the whole URL (RFC 9112 3.2.2); https:// tunnels
        boolean absolute = call.proxy != null && !t.tls();
        byte[] head = Http1.requestHead(method, absolute ? t.absolute() : t.pathAndQuery(), headers);
        Runnable release = acquire(t.origin());
        try {
            for (int attempt = 0; ; attempt++) {
                Pool.Conn c = bounded(what, deadline, call.total, null, () -> pool.acquire(t, call.proxy, options.connectTimeout()));
                Runnable hold = holdClock(); // the request is sent: its answer is work the server surely does
                try {
                    StreamWriter w = c.connection.writer();
                    w.write(head);
                    if (call.body != null && call.body.length > 0) {
                        w.write(call.body);
                    }
                    bounded(what, deadline, call.total, null, () -> {
                        w.drain();
                        if (call.stream != null) {
                            sendChunked(w, call.stream);
                        }
                        return null;
                    });
                    Http1.Head h = bounded(what, deadline, call.total, call.read, () -> Http1.readHead(c.connection.reader(), what));
                    storeCookies(t, h);
                    Http1.Framing framing = Http1.framing(method, h);
                    long length = framing == Http1.Framing.LENGTH ? Http1.contentLength(h, what) : -1;
                    Body b = new Body(c.connection.reader(), framing, length, what);
                    return new ResponseImpl(this, c, h, b, url, what, deadline, call, saysClose, release);
                } catch (IOException e) {
                    c.abort();
                    boolean nothingCame = e instanceof IncompleteReadError ire && ire.partial().length == 0
                            || !(e instanceof IncompleteReadError) && !(e instanceof java.net.ProtocolException)
                            && !(e instanceof ClientPayloadError);
                    if (c.reused && nothingCame && attempt == 0 && call.stream == null) {
                        continue; // a kept-alive connection the server had closed: once more, on a new one
                    }
                    if (e instanceof IncompleteReadError) {
                        throw new java.io.EOFException(what + ": Server disconnected");
                    }
                    throw e;
                } catch (RuntimeException | Error e) {
                    c.abort(); // cancelled or timed out mid-exchange: the connection is in an unknown state
                    throw e;
                } finally {
                    hold.run();
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            release.run();
            throw e;
        }
    }

    /** A streamed body in chunked coding (RFC 9112 7.1), drained after each chunk. */
    private static void sendChunked(StreamWriter w, Iterable<byte[]> chunks) throws IOException {
        for (byte[] chunk : chunks) {
            if (chunk.length == 0) {
                continue; // an empty chunk would end the body
            }
            w.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            w.write(chunk);
            w.write(CRLF);
            w.drain();
        }
        w.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        w.drain();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * On a virtual clock (the test kit), a response in flight is waited for as another thread's work
     * is: time jumps past it only after the longer idle threshold (a local server answering in 50 ms
     * does not trip a virtual timeout).
     */
    static Runnable holdClock() {
        return io.aio4j.internal.EventLoopImpl.current("ClientSession.request").handle().holdClock();
    }

    private Map<String, String> headers(String method, Target t, RequestOptions ro, Call call) {
        byte[] body = call.body;
        String contentType = call.contentType;
        Map<String, String[]> h = new LinkedHashMap<>(); // lower-cased name -> {name, value}: a later one replaces
        java.util.function.BiConsumer<String, String> put = (k, v) -> h.put(k.toLowerCase(Locale.ROOT), new String[] {k, v});
        put.accept("Host", t.hostHeader());
        put.accept("User-Agent", USER_AGENT);
        put.accept("Accept", "*/*");
        put.accept("Accept-Encoding", "gzip, deflate"); // aiohttp's default; the body is decoded
        options.headers().forEach(put);
        ro.headers().forEach(put);
        if (cookies != null) {
            try {
                List<String> c = cookies.get(URI.create(t.url()), Map.of()).getOrDefault("Cookie", List.of());
                if (!c.isEmpty() && !h.containsKey("cookie")) {
                    put.accept("Cookie", String.join("; ", c));
                }
            } catch (IOException | IllegalArgumentException e) {
                // no cookies for a URL the jar cannot place
            }
        }
        if (call.stream != null) {
            put.accept("Transfer-Encoding", "chunked");
        } else if (body != null || !GET_METHODS.contains(method)) {
            put.accept("Content-Length", String.valueOf(body == null ? 0 : body.length));
        }
        if (call.proxy != null && call.proxy.authorization() != null && !t.tls()) {
            put.accept("Proxy-Authorization", call.proxy.authorization());
        }
        if (!h.containsKey("content-type")) {
            if (contentType != null) {
                put.accept("Content-Type", contentType);
            } else if (POST_METHODS.contains(method)) {
                put.accept("Content-Type", "application/octet-stream"); // aiohttp's default for a POST
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] nv : h.values()) {
            if (nv[1].indexOf('\r') >= 0 || nv[1].indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header value is one line: " + nv[0] + ": " + nv[1]);
            }
            out.put(nv[0], nv[1]);
        }
        return out;
    }

    private void storeCookies(Target t, Http1.Head h) {
        if (cookies != null && h.headers().containsKey("set-cookie")) {
            try {
                cookies.put(URI.create(t.url()), Map.of("Set-Cookie", h.headers().get("set-cookie")));
            } catch (IOException | IllegalArgumentException e) {
                // a cookie the jar refuses is dropped, as aiohttp's jar does
            }
        }
    }

    private static String withParams(String url, List<Map.Entry<String, String>> params) {
        if (params.isEmpty()) {
            return url;
        }
        StringBuilder b = new StringBuilder(url);
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        if (hash >= 0) {
            b.setLength(hash);
        }
        char sep = b.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, String> p : params) {
            b.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.append(fragment).toString();
    }

    /**
     * aiohttp's connector limits: a request waits until fewer than {@code limit} are in flight, and fewer
     * than {@code limitPerHost} to its host; the returned action gives both back (when the response is
     * closed).
     */
    private Runnable acquire(String host) {
        io.aio4j.sync.Semaphore perHost = null;
        if (options.limitPerHost() > 0) {
            synchronized (hostPermits) {
                perHost = hostPermits.computeIfAbsent(host, h -> new io.aio4j.sync.Semaphore(options.limitPerHost()));
            }
            perHost.acquire();
        }
        try {
            permits.acquire();
        } catch (RuntimeException | Error e) {
            if (perHost != null) {
                perHost.release();
            }
            throw e;
        }
        io.aio4j.sync.Semaphore h = perHost;
        boolean[] done = {false};
        return () -> {
            if (!done[0]) {
                done[0] = true;
                permits.release();
                if (h != null) {
                    h.release();
                }
            }
        };
    }

    /**
     * {@code op} within what is left of the total timeout ({@code deadline}, loop time) and, when
     * {@code perOp} is given, within that too (aiohttp's {@code sock_read}: the most the server may stay
     * silent); a {@link TimeoutError} names the request and which limit it was.
     */
    <T> T bounded(String what, double deadline, Duration total, Duration perOp, io.aio4j.CheckedCallable<T, IOException> op)
            throws IOException {
        double left = deadline - Aio.getRunningLoop().time();
        double limit = left;
        boolean read = false;
        if (perOp != null && perOp.toNanos() / 1e9 < left) {
            limit = perOp.toNanos() / 1e9;
            read = true;
        }
        if (limit == Double.POSITIVE_INFINITY) {
            return op.call();
        }
        try {
            return Aio.timeout(Math.max(limit, 0), op);
        } catch (TimeoutError e) {
            throw new TimeoutError(what + (read ? ": no data from the server for " + perOp.toMillis() + " ms (read timeout)"
                    : ": the total timeout of " + total.toMillis() + " ms expired"), e);
        }
    }

    private String resolve(String url) {
        if (options.baseUrl() == null || url.contains("://")) {
            return url;
        }
        return URI.create(options.baseUrl()).resolve(url).toString();
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    @Override
    public String toString() {
        return "<ClientSession" + (options.baseUrl() != null ? " base_url=" + options.baseUrl() : "")
                + (closed ? " closed" : "") + ">";
    }
}

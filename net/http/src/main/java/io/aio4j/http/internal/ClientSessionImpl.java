package io.aio4j.http.internal;

import io.aio4j.TimeoutError;
import io.aio4j.bridge.Suspend;
import io.aio4j.http.ClientSession;
import io.aio4j.http.RequestOptions;
import io.aio4j.http.Response;
import io.aio4j.http.SessionOptions;
import io.aio4j.http.TooManyRedirects;
import io.ktor.client.HttpClient;
import io.ktor.client.HttpClientKt;
import io.ktor.client.plugins.HttpTimeoutKt;
import io.ktor.client.plugins.cookies.HttpCookies;
import io.ktor.client.request.HttpRequestBuilder;
import io.ktor.client.statement.HttpResponse;
import io.ktor.client.statement.HttpStatement;
import io.ktor.http.ContentType;
import io.ktor.http.HttpMethod;
import io.ktor.http.URLParserKt;
import io.ktor.http.content.ByteArrayContent;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import kotlin.Unit;

/** aiohttp's {@code ClientSession} on Ktor's client with the JDK engine ({@code java.net.http}): one pool, one cookie store. */
public final class ClientSessionImpl implements ClientSession {
    private final HttpClient client;
    /** aiohttp's connector limit: at most this many requests in flight (the JDK client pools the connections). */
    private final io.aio4j.sync.Semaphore permits;
    private final Map<String, io.aio4j.sync.Semaphore> hostPermits = new java.util.HashMap<>();
    private final SessionOptions options;
    private volatile boolean closed;

    public ClientSessionImpl(SessionOptions o) {
        this.options = Objects.requireNonNull(o, "options");
        this.client = HttpClientKt.HttpClient(io.ktor.client.engine.java.Java.INSTANCE,
                (io.ktor.client.HttpClientConfig<io.ktor.client.engine.java.JavaHttpConfig> cfg) -> {
            cfg.setFollowRedirects(false); // aio4j follows them itself, as aiohttp does (methods, history, a limit)
            cfg.setExpectSuccess(false); // statuses are checked with raiseForStatus, as aiohttp
            cfg.engine(e -> {
                // HTTP/1.1 keep-alive, as aiohttp (h2c upgrade attempts would cost a round trip per connection)
                e.setProtocolVersion(java.net.http.HttpClient.Version.HTTP_1_1);
                e.config(b -> {
                    if (o.sslContext() != null) {
                        b.sslContext(o.sslContext());
                    }
                    return Unit.INSTANCE;
                });
                return Unit.INSTANCE;
            });
            cfg.install(HttpTimeoutKt.getHttpTimeout(), t -> {
                t.setRequestTimeoutMillis(millis(o.totalTimeout()));
                t.setConnectTimeoutMillis(millis(o.connectTimeout()));
                return Unit.INSTANCE;
            });
            if (o.cookies()) {
                cfg.install(HttpCookies.Companion, c -> Unit.INSTANCE);
            }
            return Unit.INSTANCE;
        });
        this.permits = new io.aio4j.sync.Semaphore(o.limit());
    }

    private static Long millis(Duration d) {
        return d == null ? null : Math.max(1, d.toMillis());
    }

    /** What the session says it is, unless a header option says otherwise (aiohttp: {@code Python/3.x aiohttp/3.x}). */
    static final String USER_AGENT = "aio4j/0.1 (Java " + Runtime.version().feature() + ")";

    /** aiohttp's {@code max_redirects}. */
    static final int MAX_REDIRECTS = 10;

    @Override
    public Response request(String method, String url, RequestOptions ro) throws IOException {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ro, "options");
        if (closed) {
            throw new IllegalStateException("Session is closed");
        }
        String m = method.toUpperCase(java.util.Locale.ROOT);
        String u = resolve(url);
        byte[] body = ro.body();
        boolean params = true;
        java.util.List<Response> history = new java.util.ArrayList<>();
        for (;;) {
            ResponseImpl r = send(m, u, ro, body, params);
            int status = r.status();
            String location = r.header("location");
            if (!options.followRedirects() || location == null || !(status == 301 || status == 302 || status == 303
                    || status == 307 || status == 308)) {
                r.history(history);
                return r;
            }
            r.drainAndClose(); // a small body is read, so that the connection goes back to the pool
            history.add(r);
            if (history.size() >= MAX_REDIRECTS) { // aiohttp: len(history) >= max_redirects
                throw new TooManyRedirects(status, r.reason(), r.url(), history);
            }
            // aiohttp: 303 (but HEAD), and 301/302 after a POST, go on as a GET without the body;
            // 307/308 repeat the method and the body
            if (status == 303 && !m.equals("HEAD") || (status == 301 || status == 302) && m.equals("POST")) {
                m = "GET";
                body = null;
            }
            u = URI.create(r.url()).resolve(location).toString();
            params = false; // the Location is the whole next URL
        }
    }

    private ResponseImpl send(String method, String full, RequestOptions ro, byte[] body, boolean params)
            throws IOException {
        HttpRequestBuilder b = new HttpRequestBuilder();
        b.setMethod(HttpMethod.Companion.parse(method));
        URLParserKt.takeFrom(b.getUrl(), full);
        if (params) {
            for (Map.Entry<String, String> p : ro.params()) {
                b.getUrl().getParameters().append(p.getKey(), p.getValue());
            }
        }
        b.getHeaders().set("User-Agent", USER_AGENT);
        b.getHeaders().set("Accept-Encoding", "gzip, deflate"); // aiohttp's default; the body is decoded
        options.headers().forEach((k, v) -> b.getHeaders().set(k, v));
        ro.headers().forEach((k, v) -> b.getHeaders().set(k, v));
        if (body != null) {
            b.setBody(new ByteArrayContent(body, ContentType.Companion.parse(ro.contentType()), null));
            b.setBodyType(null);
        }
        HttpStatement statement = new HttpStatement(b, client);
        String what = method + " " + full;
        Runnable release = acquire(b.getUrl().getHost() + ":" + b.getUrl().getPort());
        HttpResponse response;
        try {
            response = withReadTimeout(what, () -> Suspend.call(statement::fetchStreamingResponse));
        } catch (Exception | io.aio4j.CancelledError e) {
            release.run();
            throw Errors.map(e, what);
        }
        if (params && !ro.params().isEmpty()) {
            what = method + " " + b.getUrl().buildString();
        }
        try {
            return new ResponseImpl(this, statement, response, what, release);
        } catch (java.io.UncheckedIOException e) { // a malformed head: the response is unusable
            release.run();
            Suspend.<Unit>call(k -> statement.cleanup(response, null, k));
            throw e.getCause();
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
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
        return () -> {
            permits.release();
            if (h != null) {
                h.release();
            }
        };
    }

    /**
     * {@code body} under the session's read timeout (aiohttp's {@code sock_read}: the most the server
     * may stay silent), or as is without one.
     */
    <T> T withReadTimeout(String what, io.aio4j.AsyncCallable<T> body) throws Exception {
        Duration d = options.readTimeout();
        if (d == null) {
            return body.call();
        }
        try {
            return io.aio4j.Aio.waitFor(d, body);
        } catch (TimeoutError e) {
            throw new TimeoutError(what + ": no data from the server for " + d.toMillis() + " ms (read timeout)", e);
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
        client.close();
    }

    @Override
    public String toString() {
        return "<ClientSession" + (options.baseUrl() != null ? " base_url=" + options.baseUrl() : "")
                + (closed ? " closed" : "") + ">";
    }

    /** Ktor's failures as aio4j's: timeouts become {@link TimeoutError}. */
    static final class Errors {
        private Errors() {
        }

        static RuntimeException map(Throwable e, String what) throws IOException {
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof io.ktor.client.plugins.HttpRequestTimeoutException
                        || c instanceof io.ktor.client.network.sockets.ConnectTimeoutException
                        || c instanceof java.net.SocketTimeoutException) {
                    throw new TimeoutError(what + ": " + c.getMessage(), e); // a body read wraps it in a closed channel
                }
            }
            if (e instanceof io.aio4j.CancelledError c) {
                if (isOwnCancel()) {
                    throw c; // this task is being cancelled
                }
                // the engine cancelled its own job (a failed receive): a connection error, not a cancel
                throw new java.net.SocketException(what + ": the connection failed: " + c.getMessage());
            }
            if (e instanceof IOException io) {
                String m = String.valueOf(io.getMessage());
                if (m.startsWith("fixed content-length") || m.startsWith("chunked transfer encoding")) {
                    // the JDK engine's words for a body cut short, when it notices before the body is read
                    throw new io.aio4j.http.ClientPayloadError(what + ": Response payload is not completed: " + m, io);
                }
                throw io;
            }
            if (e instanceof NumberFormatException) {
                // the engine could not parse what the server sent (e.g. an overflowing Content-Length)
                java.net.ProtocolException p = new java.net.ProtocolException(what + ": malformed response: " + e.getMessage());
                p.initCause(e);
                throw p;
            }
            throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(e);
        }

        /** A failure while the body is read: a cut or undecodable body is a payload error. */
        static RuntimeException mapBody(Throwable e, String what) throws IOException {
            try {
                throw map(e, what);
            } catch (io.aio4j.TimeoutError t) {
                throw t;
            } catch (IOException io) {
                if (io instanceof io.aio4j.http.ClientPayloadError) {
                    throw io;
                }
                throw new io.aio4j.http.ClientPayloadError(what + ": Response payload is not completed: " + io, io);
            }
        }

        /** Whether the current task itself is being cancelled (then a CancelledError is its own). */
        private static boolean isOwnCancel() {
            io.aio4j.Task<?> t = io.aio4j.Aio.currentTask();
            return t != null && t.cancelling() > 0;
        }
    }
}

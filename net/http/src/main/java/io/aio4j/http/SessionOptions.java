package io.aio4j.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link ClientSession} is set up: an immutable value changed with {@code with...} methods.
 *
 * @apiNote asyncio: the arguments of aiohttp's {@code ClientSession(base_url=..., headers=...,
 *     timeout=ClientTimeout(...), connector=TCPConnector(limit=..., limit_per_host=...))}
 */
public final class SessionOptions {
    private static final SessionOptions DEFAULTS = new SessionOptions(null, Map.of(), Duration.ofMinutes(5), null, null,
            100, 0, true, true, null, null);

    private final String baseUrl;
    private final Map<String, String> headers;
    private final Duration totalTimeout;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int limit;
    private final int limitPerHost;
    private final boolean followRedirects;
    private final boolean cookies;
    private final javax.net.ssl.SSLContext sslContext;
    private final String proxy;

    private SessionOptions(String baseUrl, Map<String, String> headers, Duration total, Duration connect, Duration read,
            int limit, int limitPerHost, boolean followRedirects, boolean cookies, javax.net.ssl.SSLContext sslContext,
            String proxy) {
        this.sslContext = sslContext;
        this.proxy = proxy;
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.totalTimeout = total;
        this.connectTimeout = connect;
        this.readTimeout = read;
        this.limit = limit;
        this.limitPerHost = limitPerHost;
        this.followRedirects = followRedirects;
        this.cookies = cookies;
    }

    /**
     * aiohttp's defaults: a total timeout of 5 minutes, at most 100 connections (none per host), redirects
     * followed, cookies kept.
     *
     * @apiNote asyncio: {@code aiohttp.ClientSession()}
     */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Relative URLs are resolved against {@code url}.
     *
     * @apiNote asyncio: {@code base_url=}
     */
    public SessionOptions withBaseUrl(String url) {
        return new SessionOptions(url, headers, totalTimeout, connectTimeout, readTimeout, limit, limitPerHost,
                followRedirects, cookies, sslContext, proxy);
    }

    /**
     * A header sent with every request.
     *
     * @apiNote asyncio: {@code headers=}
     */
    public SessionOptions withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new SessionOptions(baseUrl, Map.copyOf(h), totalTimeout, connectTimeout, readTimeout, limit,
                limitPerHost, followRedirects, cookies, sslContext, proxy);
    }

    /**
     * The most a whole request may take, body included ({@code null}: no limit); exceeding it throws
     * {@link io.aio4j.TimeoutError}.
     *
     * @apiNote asyncio: {@code ClientTimeout(total=...)}
     */
    public SessionOptions withTotalTimeout(Duration d) {
        return new SessionOptions(baseUrl, headers, d, connectTimeout, readTimeout, limit, limitPerHost,
                followRedirects, cookies, sslContext, proxy);
    }

    /**
     * The most establishing a connection may take.
     *
     * @apiNote asyncio: {@code ClientTimeout(connect=...)}
     */
    public SessionOptions withConnectTimeout(Duration d) {
        return new SessionOptions(baseUrl, headers, totalTimeout, d, readTimeout, limit, limitPerHost,
                followRedirects, cookies, sslContext, proxy);
    }

    /**
     * The most the server may stay silent while a response is read.
     *
     * @apiNote asyncio: {@code ClientTimeout(sock_read=...)}
     */
    public SessionOptions withReadTimeout(Duration d) {
        return new SessionOptions(baseUrl, headers, totalTimeout, connectTimeout, d, limit, limitPerHost,
                followRedirects, cookies, sslContext, proxy);
    }

    /**
     * At most {@code total} connections open at once, and at most {@code perHost} to one host (0: no
     * per-host limit); requests beyond wait for a free connection.
     *
     * @apiNote asyncio: {@code TCPConnector(limit=..., limit_per_host=...)}
     * @throws IllegalArgumentException if a limit is negative or {@code total} is 0
     */
    public SessionOptions withConnectionLimits(int total, int perHost) {
        if (total < 1 || perHost < 0) {
            throw new IllegalArgumentException("connection limits must be total >= 1 and perHost >= 0 (0: none): "
                    + total + ", " + perHost);
        }
        return new SessionOptions(baseUrl, headers, totalTimeout, connectTimeout, readTimeout, total, perHost,
                followRedirects, cookies, sslContext, proxy);
    }

    /**
     * Whether to follow redirects (default yes).
     *
     * @apiNote asyncio: {@code allow_redirects=}
     */
    public SessionOptions withFollowRedirects(boolean follow) {
        return new SessionOptions(baseUrl, headers, totalTimeout, connectTimeout, readTimeout, limit, limitPerHost,
                follow, cookies, sslContext, proxy);
    }

    /**
     * Whether to keep cookies between requests (default yes).
     *
     * @apiNote asyncio: {@code cookie_jar=DummyCookieJar()} turns it off
     */
    public SessionOptions withCookies(boolean keep) {
        return new SessionOptions(baseUrl, headers, totalTimeout, connectTimeout, readTimeout, limit, limitPerHost,
                followRedirects, keep, sslContext, proxy);
    }

    /**
     * The TLS context for {@code https://} requests (its trust managers decide which servers are
     * trusted; its key managers, a client certificate); null (the default) is the JDK's default
     * context. Certificates are always checked, names included.
     *
     * @apiNote asyncio: {@code TCPConnector(ssl=context)}
     */
    public SessionOptions withSslContext(javax.net.ssl.SSLContext context) {
        return new SessionOptions(baseUrl, headers, totalTimeout, connectTimeout, readTimeout, limit, limitPerHost,
                followRedirects, cookies, context, proxy);
    }

    /**
     * @apiNote asyncio: {@code connector._ssl}
     */
    /**
     * Sends every request through the HTTP proxy at {@code url} ({@code http://[user:password@]host:port}):
     * {@code http://} requests in absolute form, {@code https://} ones through a {@code CONNECT} tunnel
     * (TLS end to end). A request's {@link RequestOptions#withProxy} overrides it.
     *
     * @apiNote asyncio: {@code ClientSession(proxy=...)}
     * @throws IllegalArgumentException unless {@code url} is an {@code http://} URL with a host
     */
    public SessionOptions withProxy(String url) {
        io.aio4j.http.internal.ProxyTarget.of(url); // checked now, not at the first request
        return new SessionOptions(baseUrl, headers, totalTimeout, connectTimeout, readTimeout, limit, limitPerHost,
                followRedirects, cookies, sslContext, url);
    }

    /**
     * The proxy, or null.
     *
     * @apiNote asyncio: {@code proxy}
     */
    public String proxy() {
        return proxy;
    }

    public javax.net.ssl.SSLContext sslContext() {
        return sslContext;
    }

    /**
     * @apiNote asyncio: {@code base_url}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * @apiNote asyncio: {@code headers}
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * @apiNote asyncio: {@code timeout.total}
     */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /**
     * @apiNote asyncio: {@code timeout.connect}
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * @apiNote asyncio: {@code timeout.sock_read}
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * @apiNote asyncio: {@code connector.limit}
     */
    public int limit() {
        return limit;
    }

    /**
     * @apiNote asyncio: {@code connector.limit_per_host}
     */
    public int limitPerHost() {
        return limitPerHost;
    }

    /**
     * @apiNote asyncio: {@code allow_redirects}
     */
    public boolean followRedirects() {
        return followRedirects;
    }

    /**
     * @apiNote asyncio: the session's cookie jar
     */
    public boolean cookies() {
        return cookies;
    }
}

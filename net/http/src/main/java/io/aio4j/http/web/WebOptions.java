package io.aio4j.http.web;

import io.aio4j.net.spi.TransportProvider;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A web server's limits and timeouts, immutable: {@code WebOptions.defaults().withClientMaxSize(...)}.
 *
 * <ul>
 *   <li>{@code maxHeadSize} (16 KiB): a request line and headers over it are answered 431;
 *   <li>{@code clientMaxSize} (1 MiB, aiohttp's {@code client_max_size}): a body read whole over it
 *       ({@link Request#bytes()}, {@code text}, {@code json}, {@code post}) is a 413;
 *   <li>{@code requestHeadTimeout} (10 s): a new connection whose first request head has not arrived
 *       by then is closed (slowloris clients);
 *   <li>{@code keepAliveTimeout} (75 s, aiohttp's): an idle kept-alive connection is closed;
 *   <li>{@code sendTimeout} (60 s): a client that reads nothing of a response for that long has its
 *       connection aborted, so a stalled reader holds no buffer and no task for ever;
 *   <li>{@code shutdownTimeout} (60 s, aiohttp's): how long a graceful shutdown waits for requests in
 *       flight before it cancels them;
 *   <li>{@code ssl} (none), {@code provider} (the loop's installed transport, e.g. the test kit's
 *       memory network), {@code backlog} (128).
 * </ul>
 *
 * @apiNote asyncio: the keyword arguments of {@code web.Application(client_max_size=...)},
 *     {@code web.AppRunner(..., keepalive_timeout=..., shutdown_timeout=...)} and
 *     {@code web.TCPSite(..., ssl_context=..., backlog=...)}
 */
public final class WebOptions {
    private final int maxHeadSize;
    private final long clientMaxSize;
    private final Duration requestHeadTimeout;
    private final Duration keepAliveTimeout;
    private final Duration sendTimeout;
    private final Duration shutdownTimeout;
    private final SSLContext ssl;
    private final TransportProvider provider;
    private final int backlog;

    private WebOptions(int maxHeadSize, long clientMaxSize, Duration requestHeadTimeout, Duration keepAliveTimeout,
            Duration sendTimeout, Duration shutdownTimeout, SSLContext ssl, TransportProvider provider, int backlog) {
        this.maxHeadSize = maxHeadSize;
        this.clientMaxSize = clientMaxSize;
        this.requestHeadTimeout = requestHeadTimeout;
        this.keepAliveTimeout = keepAliveTimeout;
        this.sendTimeout = sendTimeout;
        this.shutdownTimeout = shutdownTimeout;
        this.ssl = ssl;
        this.provider = provider;
        this.backlog = backlog;
    }

    /** The defaults above. */
    public static WebOptions defaults() {
        return new WebOptions(16 * 1024, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(75),
                Duration.ofSeconds(60), Duration.ofSeconds(60), null, null, 128);
    }

    /** The largest request head (request line and headers), at least 256 bytes. */
    public WebOptions withMaxHeadSize(int bytes) {
        if (bytes < 256) {
            throw new IllegalArgumentException("maxHeadSize is at least 256 bytes: " + bytes);
        }
        return new WebOptions(bytes, clientMaxSize, requestHeadTimeout, keepAliveTimeout, sendTimeout, shutdownTimeout, ssl, provider, backlog);
    }

    /**
     * The largest body a handler reads whole.
     *
     * @apiNote asyncio: {@code client_max_size}
     */
    public WebOptions withClientMaxSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("clientMaxSize is >= 0: " + bytes);
        }
        return new WebOptions(maxHeadSize, bytes, requestHeadTimeout, keepAliveTimeout, sendTimeout, shutdownTimeout, ssl, provider, backlog);
    }

    /** How long a new connection may take to send its first request head. */
    public WebOptions withRequestHeadTimeout(Duration d) {
        return new WebOptions(maxHeadSize, clientMaxSize, positive(d, "requestHeadTimeout"), keepAliveTimeout, sendTimeout, shutdownTimeout, ssl, provider, backlog);
    }

    /**
     * How long a kept-alive connection may stay idle.
     *
     * @apiNote asyncio: {@code keepalive_timeout}
     */
    public WebOptions withKeepAliveTimeout(Duration d) {
        return new WebOptions(maxHeadSize, clientMaxSize, requestHeadTimeout, positive(d, "keepAliveTimeout"), sendTimeout, shutdownTimeout, ssl, provider, backlog);
    }

    /** How long a write may wait for a client that does not read. */
    public WebOptions withSendTimeout(Duration d) {
        return new WebOptions(maxHeadSize, clientMaxSize, requestHeadTimeout, keepAliveTimeout, positive(d, "sendTimeout"), shutdownTimeout, ssl, provider, backlog);
    }

    /**
     * How long a graceful shutdown waits for requests in flight.
     *
     * @apiNote asyncio: {@code shutdown_timeout}
     */
    public WebOptions withShutdownTimeout(Duration d) {
        Objects.requireNonNull(d, "shutdownTimeout");
        if (d.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout is >= 0: " + d);
        }
        return new WebOptions(maxHeadSize, clientMaxSize, requestHeadTimeout, keepAliveTimeout, sendTimeout, d, ssl, provider, backlog);
    }

    /**
     * Serves HTTPS with {@code context}.
     *
     * @apiNote asyncio: {@code web.TCPSite(..., ssl_context=context)}
     */
    public WebOptions withSsl(SSLContext context) {
        return new WebOptions(maxHeadSize, clientMaxSize, requestHeadTimeout, keepAliveTimeout, sendTimeout, shutdownTimeout,
                Objects.requireNonNull(context, "context"), provider, backlog);
    }

    /** Listens through {@code p} instead of the loop's installed transport. */
    public WebOptions withProvider(TransportProvider p) {
        return new WebOptions(maxHeadSize, clientMaxSize, requestHeadTimeout, keepAliveTimeout, sendTimeout, shutdownTimeout, ssl,
                Objects.requireNonNull(p, "provider"), backlog);
    }

    /**
     * The listen backlog.
     *
     * @apiNote asyncio: {@code web.TCPSite(..., backlog=n)}
     */
    public WebOptions withBacklog(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("backlog is >= 1: " + n);
        }
        return new WebOptions(maxHeadSize, clientMaxSize, requestHeadTimeout, keepAliveTimeout, sendTimeout, shutdownTimeout, ssl, provider, n);
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " is positive: " + d);
        }
        return d;
    }

    /** The largest request head. */
    public int maxHeadSize() {
        return maxHeadSize;
    }

    /** The largest body read whole. */
    public long clientMaxSize() {
        return clientMaxSize;
    }

    /** The first request head's deadline on a new connection. */
    public Duration requestHeadTimeout() {
        return requestHeadTimeout;
    }

    /** The idle timeout of a kept-alive connection. */
    public Duration keepAliveTimeout() {
        return keepAliveTimeout;
    }

    /** The stalled-reader timeout. */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /** The graceful shutdown's wait. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** The TLS context, or null. */
    public SSLContext ssl() {
        return ssl;
    }

    /** The transport provider, or null for the loop's installed one. */
    public TransportProvider provider() {
        return provider;
    }

    /** The listen backlog. */
    public int backlog() {
        return backlog;
    }
}

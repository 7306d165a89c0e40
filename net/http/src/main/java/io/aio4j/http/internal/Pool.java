package io.aio4j.http.internal;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.http.ClientConnectorError;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A session's kept-alive connections (aiohttp's {@code TCPConnector}): idle ones per origin, reused
 * last-in first-out, each closed after {@link #KEEPALIVE} idle, when the session closes, or when its
 * loop ends (an idle connection is watched by a task of its loop, which the loop's end cancels).
 */
final class Pool {
    /** aiohttp's {@code keepalive_timeout}. */
    static final Duration KEEPALIVE = Duration.ofSeconds(15);

    /** One connection and where it goes; {@code reused} once it has carried a response. */
    static final class Conn {
        final Connection connection;
        final Target target;
        final EventLoop loop;
        final String key;
        boolean reused;
        Task<Void> watcher;

        Conn(Connection connection, Target target, EventLoop loop, String key) {
            this.connection = connection;
            this.target = target;
            this.loop = loop;
            this.key = key;
        }

        void abort() {
            connection.writer().abort();
        }
    }

    private final SSLContext ssl;
    private final Map<String, ArrayDeque<Conn>> idle = new HashMap<>(); // guarded by this
    private boolean closed;

    Pool(SSLContext ssl) {
        this.ssl = ssl;
    }

    /**
     * An idle connection to {@code t}'s origin (through {@code proxy}, or direct when null) on this
     * loop, or a new one (within {@code connectTimeout}).
     */
    Conn acquire(Target t, ProxyTarget proxy, Duration connectTimeout) throws IOException {
        EventLoop loop = Aio.getRunningLoop();
        String key = key(t, proxy);
        synchronized (this) {
            ArrayDeque<Conn> q = idle.get(key);
            while (q != null && !q.isEmpty()) {
                Conn c = q.pollLast();
                if (c.loop != loop) {
                    continue; // its loop's end closed it
                }
                c.watcher.cancel(); // it is no longer idle: the watcher leaves it open
                c.watcher = null;
                if (!c.connection.writer().isClosing() && !c.connection.reader().atEof()) {
                    return c;
                }
                c.abort();
            }
        }
        return open(t, proxy, connectTimeout, loop, key);
    }

    private static String key(Target t, ProxyTarget proxy) {
        return proxy == null ? t.origin() : t.origin() + " via " + proxy.key();
    }

    private Conn open(Target t, ProxyTarget proxy, Duration connectTimeout, EventLoop loop, String key) throws IOException {
        ConnectOptions o = ConnectOptions.defaults();
        if (t.tls() && proxy == null) {
            o = (ssl == null ? o.withTls() : o.withSsl(ssl)).withServerHostname(t.host()); // the name, or the IP literal, is checked
        }
        ConnectOptions options = o;
        String host = proxy == null ? t.host() : proxy.host();
        int port = proxy == null ? t.port() : proxy.port();
        try {
            Connection c = connectTimeout == null ? Net.openConnection(host, port, options)
                    : Aio.timeout(connectTimeout.toNanos() / 1e9, () -> Net.openConnection(host, port, options));
            if (proxy != null && t.tls()) {
                tunnel(c, t, proxy);
            }
            return new Conn(c, t, loop, key);
        } catch (io.aio4j.TimeoutError e) {
            throw new io.aio4j.TimeoutError("Connection timeout to host " + t.origin() + " (connect timeout "
                    + connectTimeout.toMillis() + " ms)", e);
        } catch (CancelledError e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof io.aio4j.http.ClientHttpProxyError p) {
                throw p;
            }
            if (e instanceof IOException || e instanceof java.nio.channels.UnresolvedAddressException) {
                throw new ClientConnectorError(host, port, t.tls() && proxy == null, e);
            }
            throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(e);
        }
    }

    /** An HTTP proxy's tunnel to {@code t} (RFC 9110 9.3.6 {@code CONNECT}), then TLS with the server through it. */
    private void tunnel(Connection c, Target t, ProxyTarget proxy) throws IOException {
        try {
            String authority = (t.host().indexOf(':') >= 0 ? "[" + t.host() + "]" : t.host()) + ":" + t.port();
            java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
            h.put("Host", authority);
            if (proxy.authorization() != null) {
                h.put("Proxy-Authorization", proxy.authorization());
            }
            c.writer().write(Http1.requestHead("CONNECT", authority, h));
            c.writer().drain();
            Http1.Head head = Http1.readHead(c.reader(), "CONNECT " + authority);
            if (head.status() / 100 != 2) {
                throw new io.aio4j.http.ClientHttpProxyError(head.status(), head.reason(), proxy.url());
            }
            c.writer().startTls(ssl == null ? javax.net.ssl.SSLContext.getDefault() : ssl, t.host());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        } catch (IOException | RuntimeException e) {
            c.writer().abort();
            throw e;
        }
    }

    /** Gives back a connection whose response was read whole and that may carry another; closes any other. */
    void release(Conn c, boolean reusable) {
        synchronized (this) {
            if (reusable && !closed && !c.loop.isClosed()) {
                c.reused = true;
                idle.computeIfAbsent(c.key, k -> new ArrayDeque<>()).addLast(c);
                c.watcher = Aio.createTask("idle connection " + c.target.origin(), () -> watch(c));
                return;
            }
        }
        c.connection.writer().close();
    }

    /** An idle connection's watcher: closes it after the keep-alive timeout, or when cancelled by the loop's end. */
    private Void watch(Conn c) {
        try {
            Aio.sleep(KEEPALIVE);
        } catch (CancelledError e) {
            synchronized (this) {
                if (c.watcher == null) {
                    return null; // acquired: in use again
                }
            }
        }
        synchronized (this) {
            ArrayDeque<Conn> q = idle.get(c.key);
            if (q != null) {
                q.remove(c);
            }
        }
        c.connection.writer().close();
        return null;
    }

    /** Closes every idle connection; later releases close theirs. */
    void close() {
        List<Conn> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        for (Conn c : all) {
            Task<Void> w = c.watcher;
            if (w == null || c.loop.isClosed()) {
                continue; // the loop's end already closed it
            }
            Runnable closeIt = () -> {
                w.cancel();
                c.connection.writer().close();
            };
            if (Aio.currentTask() != null && Aio.getRunningLoop() == c.loop) {
                closeIt.run(); // now: the session's close() leaves nothing open behind it
            } else {
                c.loop.callSoonThreadsafe(closeIt);
            }
        }
    }
}

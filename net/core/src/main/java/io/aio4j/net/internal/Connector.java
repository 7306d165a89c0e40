package io.aio4j.net.internal;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Done;
import io.aio4j.ReturnWhen;
import io.aio4j.Task;
import io.aio4j.bridge.lowlevel.Readiness;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.net.ConnectOptions;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/** asyncio's {@code create_connection}: resolve, then connect (one after the other, or staggered). */
public final class Connector {
    private Connector() {
    }

    /** {@code open_connection} on the loop's selector, without TLS (the provider adds it). */
    static StreamTransport tcp(String host, int port, ConnectOptions o) throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("Net.openConnection");
        List<InetAddress> addrs = resolve(host);
        if (o.happyEyeballsDelay() == null || addrs.size() == 1) {
            List<IOException> errors = new ArrayList<>();
            for (InetAddress a : addrs) {
                try {
                    return connect(loop, new InetSocketAddress(a, port), o);
                } catch (IOException e) {
                    errors.add(e);
                }
            }
            throw combine(errors, host, port);
        }
        return staggered(loop, interleave(addrs), port, o);
    }

    public static StreamTransport unix(String path, int limit) throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("Net.openUnixConnection");
        return connect(loop, UnixDomainSocketAddress.of(path), ConnectOptions.defaults().withLimit(limit));
    }

    /** Why each recent failed lookup failed, for the JDK's answers from its negative cache (bounded). */
    private static final java.util.Map<String, String> LOOKUP_FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

    static List<InetAddress> resolve(String host) throws IOException {
        if (host == null || host.isEmpty()) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        if (isLiteral(host)) {
            return List.of(InetAddress.getByName(host)); // no lookup for a literal
        }
        // getaddrinfo blocks: asyncio runs it in the default executor, and so do we
        return List.of(Aio.toThread(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (java.net.UnknownHostException e) {
                throw unknownHost(host, e);
            }
        }));
    }

    /**
     * The JDK says "host: Name or service not known" on a lookup and only "host" when it answers from
     * its cache of failed lookups; the same failure reads the same every time here.
     */
    private static java.net.UnknownHostException unknownHost(String host, java.net.UnknownHostException e) {
        String m = e.getMessage();
        String reason;
        if (m != null && m.startsWith(host + ": ")) {
            reason = m.substring(host.length() + 2);
            if (LOOKUP_FAILURES.size() < 1024) {
                LOOKUP_FAILURES.put(host, reason);
            }
        } else {
            reason = LOOKUP_FAILURES.getOrDefault(host, "no such host");
        }
        java.net.UnknownHostException u = new java.net.UnknownHostException(host + ": " + reason);
        u.initCause(e);
        return u;
    }

    static boolean isIpLiteral(String host) {
        return isLiteral(host);
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** RFC 8305: alternate the address families, the first family first. */
    private static List<InetAddress> interleave(List<InetAddress> addrs) {
        List<InetAddress> first = new ArrayList<>();
        List<InetAddress> other = new ArrayList<>();
        boolean firstIs6 = addrs.get(0) instanceof Inet6Address;
        for (InetAddress a : addrs) {
            ((a instanceof Inet6Address) == firstIs6 ? first : other).add(a);
        }
        List<InetAddress> out = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), other.size()); i++) {
            if (i < first.size()) {
                out.add(first.get(i));
            }
            if (i < other.size()) {
                out.add(other.get(i));
            }
        }
        return out;
    }

    private static StreamTransport staggered(EventLoopImpl loop, List<InetAddress> addrs, int port, ConnectOptions o)
            throws IOException {
        List<Task<StreamTransport>> running = new ArrayList<>();
        List<IOException> errors = new ArrayList<>();
        int next = 0;
        try {
            while (true) {
                if (next < addrs.size()) { // at the start, after the delay, or after a failure
                    InetSocketAddress a = new InetSocketAddress(addrs.get(next++), port);
                    running.add(Aio.createTask(() -> connect(loop, a, o)));
                }
                if (running.isEmpty()) {
                    throw combine(errors, String.valueOf(addrs), port);
                }
                Done<StreamTransport> d = Aio.wait(running, ReturnWhen.FIRST_COMPLETED,
                        next < addrs.size() ? o.happyEyeballsDelay() : null);
                for (Task<StreamTransport> t : d.done()) {
                    running.remove(t);
                    if (!t.cancelled() && t.exception() == null) {
                        return t.result();
                    }
                    if (t.exception() instanceof IOException e) {
                        errors.add(e);
                    }
                }
            }
        } finally {
            for (Task<StreamTransport> t : running) { // losers: cancelled, their sockets closed
                t.cancel();
            }
            for (Task<StreamTransport> t : running) {
                if (Aio.gatherSettled(t).get(0) instanceof io.aio4j.Settled.Value<StreamTransport> v) {
                    v.value().abort(); // connected just as it lost
                }
            }
        }
    }

    private static StreamTransport connect(EventLoopImpl loop, SocketAddress addr, ConnectOptions o) throws IOException {
        boolean unix = addr instanceof UnixDomainSocketAddress;
        SocketChannel ch = unix ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        Readiness reg = null;
        try {
            ch.configureBlocking(false);
            if (!unix) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, o.noDelay());
                ch.setOption(StandardSocketOptions.SO_KEEPALIVE, o.keepAlive());
                if (o.localAddress() != null) {
                    ch.bind(o.localAddress());
                }
            }
            Object lock = new Object();
            Waiter[] current = {new Waiter()};
            reg = loop.handle().register(ch, ops -> {
                synchronized (lock) {
                    if (!current[0].done()) {
                        current[0].wake();
                    }
                }
            });
            if (!ch.connect(addr)) {
                for (;;) {
                    reg.interest(SelectionKey.OP_CONNECT);
                    current[0].await("Net.openConnection");
                    if (finish(ch, addr)) {
                        break;
                    }
                    synchronized (lock) {
                        current[0] = new Waiter();
                    }
                }
            }
            return StreamTransport.open(loop.handle(), new SocketWire(ch, reg), o.limit(), "a stream connection to " + addr, true);
        } catch (IOException | RuntimeException | Error e) {
            if (reg != null) {
                reg.cancel();
            }
            SelectorListener.closeQuietly(ch);
            throw e;
        }
    }

    private static boolean finish(SocketChannel ch, SocketAddress addr) throws IOException {
        try {
            return ch.finishConnect();
        } catch (IOException e) {
            IOException described = new java.net.ConnectException("Connect call failed " + addr + ": " + e.getMessage());
            described.initCause(e);
            throw described;
        }
    }

    static IOException combine(List<IOException> errors, String host, int port) {
        if (errors.isEmpty()) {
            return new java.net.UnknownHostException("no address to connect to for " + host + ":" + port);
        }
        IOException first = errors.get(0);
        for (int i = 1; i < errors.size(); i++) {
            first.addSuppressed(errors.get(i));
        }
        return first;
    }
}

package io.aio4j.net.internal;

import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.ClientAuth;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.TransportProvider;
import io.aio4j.net.spi.Wire;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** Which provider a loop's connections and servers come from, and a connection over a provider's wire. */
public final class Providers {
    /** The providers installed on loops (a test's memory network); a loop without one uses the selector. */
    private static final Map<EventLoopImpl, TransportProvider> INSTALLED = Collections.synchronizedMap(new WeakHashMap<>());

    private Providers() {
    }

    public static void install(TransportProvider p) {
        EventLoopImpl loop = EventLoopImpl.current("Transports.install");
        if (p == null) {
            INSTALLED.remove(loop);
        } else {
            INSTALLED.put(loop, p);
        }
    }

    public static TransportProvider current() {
        TransportProvider p = INSTALLED.get(EventLoopImpl.current("Transports.installed"));
        return p != null ? p : SelectorProvider.INSTANCE;
    }

    /** The provider for a connection: the options', else the loop's. */
    public static TransportProvider of(ConnectOptions o) {
        return o.provider() != null ? o.provider() : current();
    }

    /** The provider for a server: the options', else the loop's. */
    public static TransportProvider of(ServerOptions o) {
        return o.provider() != null ? o.provider() : current();
    }

    /** {@code Transports.connect}: the transport over {@code wire}, TLS first if the options ask. */
    public static Connection connect(Wire wire, ConnectOptions o, String host, String what) throws IOException {
        EventLoopImpl loop = EventLoopImpl.current("Transports.connect");
        StreamTransport t = StreamTransport.open(loop.handle(), wire, o.limit(), what, true);
        startTlsIfAsked(t, o, host);
        return t.connection();
    }

    public static <W> W connectEach(String host, int port, io.aio4j.net.spi.Transports.AddressConnector<W> c)
            throws IOException {
        EventLoopImpl.current("Net.openConnection");
        java.util.List<IOException> errors = new java.util.ArrayList<>();
        for (java.net.InetAddress a : Connector.resolve(host)) {
            try {
                return c.connect(new java.net.InetSocketAddress(a, port));
            } catch (IOException e) {
                errors.add(e);
            }
        }
        throw Connector.combine(errors, host, port);
    }

    /** A client's TLS handshake when {@code o} asks for TLS; a failed one closes the connection. */
    static void startTlsIfAsked(StreamTransport t, ConnectOptions o, String host) throws IOException {
        if (o.ssl() == null) {
            return;
        }
        try {
            t.startTls(o.ssl(), o.serverHostname() != null ? o.serverHostname() : host, false, ClientAuth.NONE);
        } catch (IOException | RuntimeException | Error e) {
            t.abort();
            throw e;
        }
    }
}

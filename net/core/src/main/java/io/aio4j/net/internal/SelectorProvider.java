package io.aio4j.net.internal;

import io.aio4j.internal.EventLoopImpl;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.TransportProvider;
import java.io.IOException;

/** The default provider: non-blocking sockets on the event loop's own selector (asyncio's selector loop). */
public final class SelectorProvider implements TransportProvider {
    public static final SelectorProvider INSTANCE = new SelectorProvider();

    private SelectorProvider() {
    }

    @Override
    public Connection openConnection(String host, int port, ConnectOptions options) throws IOException {
        StreamTransport t = Connector.tcp(host, port, options);
        Providers.startTlsIfAsked(t, options, host);
        return t.connection();
    }

    @Override
    public Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options) throws IOException {
        return ServerImpl.serve(handler, options, a -> SelectorListener.tcp(a, host, port, options));
    }

    @Override
    public String toString() {
        return "selector";
    }
}

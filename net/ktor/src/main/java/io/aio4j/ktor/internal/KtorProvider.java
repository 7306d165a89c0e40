package io.aio4j.ktor.internal;

import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.spi.Transports;
import io.aio4j.net.spi.TransportProvider;
import java.io.IOException;

/** Ktor raw sockets (the interop transport): Ktor's selector threads move the bytes. */
public final class KtorProvider implements TransportProvider {
    public static final KtorProvider INSTANCE = new KtorProvider();

    private KtorProvider() {
    }

    @Override
    public Connection openConnection(String host, int port, ConnectOptions options) throws IOException {
        return Transports.connect(KtorWire.connect(host, port, options), options, host, "a Ktor stream connection to " + host + ":" + port);
    }

    @Override
    public Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options) throws IOException {
        return Transports.serve(handler, options, a -> KtorListener.bind(a, host, port, options));
    }

    @Override
    public String toString() {
        return "ktor";
    }
}

package io.aio4j.net.internal;

import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.io.IOException;

/** Where {@code Net}'s TCP calls go when a test installed another network on the loop (the memory network). */
public interface NetworkOverride {
    Connection openConnection(String host, int port, ConnectOptions options) throws IOException;

    Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options) throws IOException;
}

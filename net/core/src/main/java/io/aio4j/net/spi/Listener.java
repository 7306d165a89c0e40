package io.aio4j.net.spi;

import java.net.SocketAddress;

/**
 * What accepts a server's connections for a {@link TransportProvider}: it hands each one to the
 * {@link Acceptor} it was given by {@link Transports#serve}.
 */
public interface Listener {
    /** Opens a listener that hands what it accepts to {@code acceptor}. */
    @FunctionalInterface
    interface Opener {
        Listener open(Acceptor acceptor) throws java.io.IOException;
    }

    /** The address the server listens on. */
    SocketAddress address();

    /** Stops accepting and releases what listens; called once, when the server closes. */
    void close();
}

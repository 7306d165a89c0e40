package io.aio4j.net.spi;

/** Where a {@link Listener} hands the connections it accepted: the server, which runs the handler. */
public interface Acceptor {
    /**
     * A connection arrived over {@code wire} ({@code what} describes it for leak reports, e.g. "a stream
     * connection from /10.0.0.2:51234"). Call it holding no lock.
     */
    void accept(Wire wire, String what);
}

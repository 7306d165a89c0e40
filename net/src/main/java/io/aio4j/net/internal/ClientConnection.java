package io.aio4j.net.internal;

/** A connection a server keeps track of, whatever its transport. */
interface ClientConnection {
    void close();

    void abort();
}

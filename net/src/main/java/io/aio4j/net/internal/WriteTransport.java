package io.aio4j.net.internal;

import java.io.IOException;

/** What a {@link StreamWriterImpl} writes through: a socket or a pipe. */
interface WriteTransport {
    void write(byte[] data, int off, int len);

    void drain() throws IOException;

    void close();

    boolean isClosing();

    void waitClosed() throws IOException;

    void abort();

    boolean canWriteEof();

    void writeEof() throws IOException;

    Object extraInfo(String name);

    long bufferedBytes();
}

package io.aio4j.net.internal;

import io.aio4j.Aio;
import io.aio4j.bridge.lowlevel.Unchecked;
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

    /**
     * The start of asyncio's {@code drain()}: an error the reader saw is raised first, and a closing
     * transport yields once so that a write/drain loop sees the connection's loss.
     *
     * @param reader the connection's reader, or null (a pipe)
     */
    static void beforeDrain(StreamReaderImpl reader, WriteTransport transport) {
        Throwable readerError = reader == null ? null : reader.exception();
        if (readerError != null) {
            throw Unchecked.rethrow(readerError);
        }
        if (transport.isClosing()) {
            Aio.sleep(0);
        }
    }
}

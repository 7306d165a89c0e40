package io.aio4j.net.internal;

import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** asyncio's {@code StreamWriter}: a thin layer over the transport. */
public final class StreamWriterImpl implements StreamWriter {
    private final WriteTransport transport;
    private final StreamReaderImpl reader;

    StreamWriterImpl(WriteTransport transport, StreamReaderImpl reader) {
        this.transport = transport;
        this.reader = reader;
    }

    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data");
        transport.write(data, 0, data.length);
    }

    @Override
    public void writelines(List<byte[]> data) {
        for (byte[] d : data) {
            write(d);
        }
    }

    @Override
    public void drain() throws IOException {
        transport.drain();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public boolean isClosing() {
        return transport.isClosing();
    }

    @Override
    public void waitClosed() throws IOException {
        transport.waitClosed();
    }

    @Override
    public void abort() {
        transport.abort();
    }

    @Override
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    @Override
    public void writeEof() throws IOException {
        transport.writeEof();
    }

    @Override
    public Object extraInfo(String name) {
        return transport.extraInfo(name);
    }

    @Override
    public void startTls(javax.net.ssl.SSLContext context, String serverHostname) throws IOException {
        if (!(transport instanceof SocketTransport socket)) {
            throw new UnsupportedOperationException("startTls needs Transport.SELECTOR: this writer writes to "
                    + (transport instanceof KtorTransport ? "a Ktor socket" : "a pipe"));
        }
        socket.startTls(java.util.Objects.requireNonNull(context, "context"), serverHostname, socket.serverSide());
    }

    @Override
    public StreamReader reader() {
        return reader;
    }

    /** Bytes waiting to be sent (for tests of flow control). */
    public long bufferedBytes() {
        return transport.bufferedBytes();
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + " reader=" + reader + ">";
    }
}

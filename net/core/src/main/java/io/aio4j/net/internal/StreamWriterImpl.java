package io.aio4j.net.internal;

import io.aio4j.net.ClientAuth;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** asyncio's {@code StreamWriter}: a thin layer over the transport. */
public final class StreamWriterImpl implements StreamWriter {
    private final StreamTransport transport;
    private final StreamReaderImpl reader;

    StreamWriterImpl(StreamTransport transport, StreamReaderImpl reader) {
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
    public void setWriteBufferLimits(int high, int low) {
        transport.setWriteBufferLimits(high, low);
    }

    @Override
    public void setWriteBufferLimits(int high) {
        transport.setWriteBufferLimits(high, high / 4);
    }

    @Override
    public int[] writeBufferLimits() {
        return transport.writeBufferLimits();
    }

    @Override
    public long writeBufferSize() {
        return transport.writeBufferSize();
    }

    @Override
    public Object extraInfo(String name) {
        return transport.extraInfo(Objects.requireNonNull(name, "name"));
    }

    @Override
    public void startTls(javax.net.ssl.SSLContext context, String serverHostname) throws IOException {
        transport.startTls(Objects.requireNonNull(context, "context"), serverHostname, transport.serverSide(), ClientAuth.NONE);
    }

    @Override
    public StreamReader reader() {
        return transport.readable() ? reader : null;
    }

    /** The transport under this writer. */
    StreamTransport transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + " reader=" + reader + ">";
    }
}

package io.aio4j.net.spi;

import java.nio.ByteBuffer;

/**
 * What a {@link Wire} reports to the transport above it; call these holding the wire's
 * {@link Wire#lock()}.
 */
public interface WireEvents {
    /** Bytes arrived (only while {@link Wire#reading(boolean) reading} is on); the buffer is read at once. */
    void received(ByteBuffer data);

    /** The peer half-closed: reading ends, writing may go on (asyncio's {@code eof_received}). */
    void receivedEof();

    /** The wire can take more (only while {@link Wire#wantWritable(boolean)} is on). */
    void writable();

    /** The connection failed: what is buffered is dropped and the wire closes. */
    void failed(Throwable error);
}

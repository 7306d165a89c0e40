package io.aio4j.net;

import io.aio4j.net.internal.StreamWriterImpl;
import java.io.IOException;
import java.util.List;

/**
 * The writing side of a connection: asyncio's {@code StreamWriter}. {@link #write} never blocks: it
 * sends what the socket takes at once and buffers the rest; once the buffer grows past its
 * high-water mark (64 KiB by default), {@link #drain()} waits until it is back at the low-water mark (a
 * quarter of the high one), so a writer that outpaces its peer is held back and memory stays bounded
 * ({@link #setWriteBufferLimits}).
 *
 * {@snippet :
 * writer.write(data);
 * writer.drain();
 * writer.close();
 * writer.waitClosed();
 * }
 *
 * <p>Closing with try-with-resources calls {@link #close()}.
 *
 * @apiNote asyncio: {@code asyncio.StreamWriter}
 */
public sealed interface StreamWriter extends AutoCloseable permits StreamWriterImpl {

    /**
     * Queues {@code data} for sending (sending at once what the socket takes). The array is copied
     * if it cannot all be sent now, so it may be reused after the call. Writing to a connection that
     * was lost does nothing; {@link #drain()} reports the loss.
     *
     * @apiNote asyncio: {@code writer.write(data)}
     * @throws IllegalStateException after {@link #writeEof()} ("Cannot call write() after write_eof()")
     */
    void write(byte[] data);

    /**
     * {@link #write} of each array in turn.
     *
     * @apiNote asyncio: {@code writer.writelines(data)}
     */
    void writelines(List<byte[]> data);

    /**
     * Waits until the write buffer is at or below its low-water mark (16 KiB), if it is above the
     * high-water mark; returns at once otherwise.
     *
     * <p><b>Cancellation:</b> the wait ends with {@code CancelledError}; buffered data is kept.
     *
     * @apiNote asyncio: {@code await writer.drain()}
     * @throws IOException the connection's error, or {@link java.net.SocketException} "Connection
     *     lost" if it was closed
     */
    void drain() throws IOException;

    /**
     * Closes the connection once the buffered data is sent; returns at once.
     *
     * @apiNote asyncio: {@code writer.close()}
     */
    @Override
    void close();

    /**
     * Whether the connection is closing or closed.
     *
     * @apiNote asyncio: {@code writer.is_closing()}
     */
    boolean isClosing();

    /**
     * Waits until the connection is closed.
     *
     * <p><b>Cancellation:</b> the wait ends with {@code CancelledError}; the connection still closes.
     *
     * @apiNote asyncio: {@code await writer.wait_closed()}
     * @throws IOException the error the connection was lost with, if any
     */
    void waitClosed() throws IOException;

    /**
     * Closes the connection at once, dropping buffered data (the peer may see a reset).
     *
     * @apiNote asyncio: {@code writer.transport.abort()}
     */
    void abort();

    /**
     * Whether {@link #writeEof()} is possible: TCP and Unix sockets and pipes yes, TLS no (TLS has no
     * half-close).
     *
     * @apiNote asyncio: {@code writer.can_write_eof()}
     */
    boolean canWriteEof();

    /**
     * Half-closes the connection after the buffered data is sent: the peer reads EOF, and this side
     * can still read.
     *
     * @apiNote asyncio: {@code writer.write_eof()}
     * @throws UnsupportedOperationException on TLS, which cannot half-close (asyncio:
     *     {@code NotImplementedError}); see {@link #canWriteEof()}
     */
    void writeEof() throws IOException;

    /**
     * Sets the flow-control marks: once more than {@code high} bytes are buffered, {@link #drain()}
     * waits until no more than {@code low} are.
     *
     * @apiNote asyncio: {@code writer.transport.set_write_buffer_limits(high, low)}
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * {@link #setWriteBufferLimits(int, int)} with the low-water mark a quarter of {@code high}.
     *
     * @apiNote asyncio: {@code writer.transport.set_write_buffer_limits(high)}
     */
    void setWriteBufferLimits(int high);

    /**
     * The high-water mark, then the low-water mark: {@code [high, low]}.
     *
     * @apiNote asyncio: {@code writer.transport.get_write_buffer_limits()} (which returns
     *     {@code (low, high)})
     */
    int[] writeBufferLimits();

    /**
     * Bytes written and not yet taken by the socket (or pipe).
     *
     * @apiNote asyncio: {@code writer.transport.get_write_buffer_size()}
     */
    long writeBufferSize();

    /**
     * Transport information: {@code "peername"} and {@code "sockname"} (a {@link java.net.SocketAddress}),
     * {@code "socket"} (the {@link java.nio.channels.SocketChannel}); on TLS also {@code "sslcontext"},
     * {@code "ssl_object"} (the {@link javax.net.ssl.SSLEngine}), {@code "cipher"} and
     * {@code "peercert"} (the peer's {@link java.security.cert.Certificate}, or null if it sent none);
     * null for an unknown name.
     *
     * @apiNote asyncio: {@code writer.get_extra_info(name)}
     */
    Object extraInfo(String name);

    /**
     * Upgrades the connection to TLS and waits for the handshake; later reads and writes are
     * encrypted. A client verifies the server's certificate and, when {@code serverHostname} is given,
     * its name (an IP literal against the certificate's IP addresses); on a server's connection the
     * context's certificate is presented. TLS works over every transport (sockets, Ktor sockets,
     * pipes, the test kit's memory network).
     *
     * <p><b>Cancellation:</b> a cancelled handshake leaves the connection unusable; close it.
     *
     * @apiNote asyncio: {@code await writer.start_tls(sslcontext, server_hostname=...)}
     * @throws javax.net.ssl.SSLException if the handshake fails (e.g. an untrusted certificate or a
     *     wrong name)
     */
    void startTls(javax.net.ssl.SSLContext context, String serverHostname) throws IOException;

    /** The reader of the same connection, or null. */
    StreamReader reader();
}

package io.aio4j.net;

import io.aio4j.net.internal.StreamReaderImpl;
import java.io.IOException;

/**
 * The reading side of a connection: asyncio's {@code StreamReader}. The transport fills its buffer as
 * data arrives (pausing the socket when more than twice the limit is buffered); these methods take
 * from the buffer and wait, parking the task, when it does not hold enough yet.
 *
 * {@snippet :
 * byte[] line = reader.readline();          // up to and including b"\n"
 * byte[] header = reader.readexactly(4);
 * for (byte[] l : reader) { ... }          // async for line in reader
 * }
 *
 * <p>Only one task may wait on a reader at a time. After the connection fails, every read throws
 * its exception.
 *
 * <p><b>Cancellation:</b> a cancelled read takes nothing from the buffer, so the next read sees the
 * same data.
 *
 * @apiNote asyncio: {@code asyncio.StreamReader}
 */
public sealed interface StreamReader extends Iterable<byte[]> permits StreamReaderImpl {

    /**
     * Reads up to {@code n} bytes: whatever is buffered (at most n), waiting only if nothing is.
     * {@code n < 0} reads until EOF. Returns an empty array at EOF, and for {@code n == 0}.
     *
     * @apiNote asyncio: {@code await reader.read(n)}
     */
    byte[] read(int n) throws IOException;

    /**
     * {@link #read(int)} until EOF.
     *
     * @apiNote asyncio: {@code await reader.read()}
     */
    byte[] read() throws IOException;

    /**
     * Reads one line, up to and including {@code \n}. At EOF without a newline, returns what is left
     * (empty at EOF). A line longer than the limit is dropped from the buffer (up to and including its
     * newline if it arrived) and {@link LimitOverrunError} is thrown.
     *
     * @apiNote asyncio: {@code await reader.readline()} (which raises ValueError for an overlong line)
     */
    byte[] readline() throws IOException;

    /**
     * Reads exactly {@code n} bytes.
     *
     * @apiNote asyncio: {@code await reader.readexactly(n)}
     * @throws IncompleteReadError if EOF comes first (the bytes read are in {@code partial()})
     * @throws IllegalArgumentException if {@code n < 0}
     */
    byte[] readexactly(int n) throws IOException;

    /**
     * Reads up to and including the first {@code separator}.
     *
     * @apiNote asyncio: {@code await reader.readuntil(separator)}
     * @throws IncompleteReadError if EOF comes first (the buffer is then emptied into {@code partial()})
     * @throws LimitOverrunError if the separator is not found within the limit (the data stays
     *     buffered)
     */
    byte[] readuntil(byte[] separator) throws IOException;

    /**
     * {@link #readuntil(byte[])} with several separators: stops at the match that ends first.
     *
     * @apiNote asyncio: {@code await reader.readuntil((sep1, sep2))} (3.13)
     */
    byte[] readuntil(byte[]... separators) throws IOException;

    /**
     * Whether the stream ended and the buffer is empty.
     *
     * @apiNote asyncio: {@code reader.at_eof()}
     */
    boolean atEof();

    /**
     * The exception the connection failed with, or null.
     *
     * @apiNote asyncio: {@code reader.exception()}
     */
    Throwable exception();

    /**
     * The buffer limit in bytes (default 64 KiB).
     *
     * @apiNote asyncio: the {@code limit} argument of {@code open_connection}/{@code start_server}
     */
    int limit();

    /**
     * Iterates the lines until EOF ({@link #readline()} per step); an I/O error is thrown as
     * {@link java.io.UncheckedIOException}.
     *
     * @apiNote asyncio: {@code async for line in reader}
     */
    @Override
    java.util.Iterator<byte[]> iterator();
}

package io.aio4j.net;

import io.aio4j.net.internal.StreamReaderImpl;
import java.util.Objects;

/**
 * A {@link StreamReader} with no connection under it, fed by hand: for parsing a protocol from bytes
 * that come from elsewhere, and for testing a parser without a socket.
 *
 * {@snippet :
 * StreamReaderFeed feed = StreamReaderFeed.create();
 * feed.feedData("GET / HTTP/1.1\r\n".getBytes());
 * feed.feedEof();
 * byte[] requestLine = feed.reader().readline();
 * }
 *
 * <p>Feed it from the loop's thread (a task or a loop callback), as asyncio requires; a task waiting in
 * a read wakes when data, EOF or an exception arrives.
 *
 * @apiNote asyncio: a standalone {@code asyncio.StreamReader()} with {@code feed_data},
 *     {@code feed_eof} and {@code set_exception}
 */
public final class StreamReaderFeed {
    private final Object lock = new Object();
    private final StreamReaderImpl reader;

    private StreamReaderFeed(int limit) {
        this.reader = new StreamReaderImpl(lock, limit);
    }

    /**
     * A reader with asyncio's default limit (64 KiB).
     *
     * @apiNote asyncio: {@code StreamReader()}
     */
    public static StreamReaderFeed create() {
        return new StreamReaderFeed(StreamReaderImpl.DEFAULT_LIMIT);
    }

    /**
     * A reader whose line and separator reads stop at {@code limit} bytes ({@link LimitOverrunError}).
     *
     * @apiNote asyncio: {@code StreamReader(limit=...)}
     * @throws IllegalArgumentException if {@code limit <= 0}
     */
    public static StreamReaderFeed create(int limit) {
        return new StreamReaderFeed(limit);
    }

    /** The reader the fed bytes come out of. */
    public StreamReader reader() {
        return reader;
    }

    /**
     * Appends {@code data} to the reader's buffer.
     *
     * @apiNote asyncio: {@code reader.feed_data(data)}
     * @throws IllegalStateException after {@link #feedEof()} ("feed_data after feed_eof")
     */
    public void feedData(byte[] data) {
        Objects.requireNonNull(data, "data");
        synchronized (lock) {
            if (reader.eofReceivedLocked()) {
                throw new IllegalStateException("feed_data after feed_eof");
            }
            reader.feedLocked(data, 0, data.length);
        }
    }

    /**
     * Marks the end of the data: reads return what is left, then EOF.
     *
     * @apiNote asyncio: {@code reader.feed_eof()}
     */
    public void feedEof() {
        synchronized (lock) {
            reader.feedEofLocked();
        }
    }

    /**
     * Makes the next read raise {@code error}.
     *
     * @apiNote asyncio: {@code reader.set_exception(exc)}
     */
    public void setException(Throwable error) {
        Objects.requireNonNull(error, "error");
        synchronized (lock) {
            reader.setExceptionLocked(error);
        }
    }

    @Override
    public String toString() {
        return "<StreamReaderFeed " + reader + ">";
    }
}

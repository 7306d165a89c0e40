package io.aio4j.net;

/**
 * A connection's two streams, as {@link Net#openConnection} returns them. Closing it closes the writer
 * (and so the connection).
 *
 * {@snippet :
 * try (Connection c = Net.openConnection("127.0.0.1", 8888)) {
 *     c.writer().write("hello\n".getBytes());
 *     byte[] reply = c.reader().readline();
 * }
 * }
 *
 * @param reader the reading side
 * @param writer the writing side
 * @apiNote asyncio: the {@code (reader, writer)} pair of {@code asyncio.open_connection}
 */
public record Connection(StreamReader reader, StreamWriter writer) implements AutoCloseable {
    /**
     * Closes the connection ({@link StreamWriter#close()}).
     *
     * @apiNote asyncio: {@code writer.close()}
     */
    @Override
    public void close() {
        writer.close();
    }
}

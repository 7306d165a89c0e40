package io.aio4j.net;

/**
 * What a server runs, as a task of its own, for each connection it accepts.
 *
 * @apiNote asyncio: the {@code client_connected_cb} of {@code asyncio.start_server}
 */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * Serves one connection. When it returns or throws, the connection is closed (asyncio closes it
     * when the writer is collected); an exception is reported to the loop's exception handler.
     *
     * @apiNote asyncio: {@code async def handle(reader, writer)}
     */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}

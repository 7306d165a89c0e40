package io.aio4j.ws;

/**
 * What a WebSocket server runs, as a task of its own, for each connection.
 *
 * @apiNote asyncio: the handler of websockets' {@code serve(handler, host, port)}
 */
@FunctionalInterface
public interface WebSocketHandler {
    /**
     * Serves one connection; when it returns, the connection is closed normally (1000), and when it
     * throws, with 1011 (internal error), the exception going to the loop's exception handler.
     *
     * @apiNote asyncio: {@code async def handler(websocket)}
     */
    void handle(WebSocket ws) throws Exception;
}

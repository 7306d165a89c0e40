package io.aio4j.ws;

/**
 * What {@link WebSocket#ping(byte[])} returns: waits for the peer's pong to that ping.
 *
 * {@snippet :
 * PongWaiter pong = ws.ping(null);
 * double latency = Aio.timeout(5, pong::await); // seconds
 * }
 *
 * @apiNote asyncio: the future websockets' {@code await ws.ping()} returns ({@code latency = await pong_waiter})
 */
public sealed interface PongWaiter permits io.aio4j.ws.internal.Pong {
    /**
     * Waits for the pong and returns the round trip in seconds (loop time).
     *
     * <p><b>Cancellation:</b> a cancelled wait leaves the ping waiting; another {@code await} may follow.
     *
     * @throws ConnectionClosed if the connection closes before the pong arrives
     */
    double await() throws ConnectionClosed;

    /**
     * Whether the pong arrived or the connection closed.
     *
     * @apiNote asyncio: {@code pong_waiter.done()}
     */
    boolean isDone();
}

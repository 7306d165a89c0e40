package io.aio4j.http.web;

/**
 * A request handler: runs as part of the connection's aio4j task on the server's loop, so it may
 * {@code Aio.sleep}, await tasks, use queues and locks, and call the HTTP client, as an aiohttp
 * handler awaits. It returns the response — a {@link Response}, a {@link StreamResponse} it has
 * written, a {@link FileResponse} or a {@link WebSocketResponse} — or throws an {@link HttpException}.
 *
 * @apiNote asyncio: {@code async def handler(request) -> web.StreamResponse}
 */
@FunctionalInterface
public interface Handler {
    /**
     * Answers {@code request}.
     *
     * @throws Exception anything: an {@link HttpException} is its answer, anything else a 500
     */
    StreamResponse handle(Request request) throws Exception;
}

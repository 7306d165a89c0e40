package io.aio4j.http.web;

/**
 * A middleware: wraps every request's handler (the route's, or the next middleware's). The first
 * middleware added is the outermost. It may answer by itself, change the request's attributes, or
 * call {@code handler.handle(request)} and change or replace its response; an {@link HttpException}
 * that the inner handler throws passes through it like any exception.
 *
 * <pre>{@code
 * app.middleware((request, handler) -> {
 *     StreamResponse r = handler.handle(request);
 *     r.setHeader("X-Served-By", "aio4j");
 *     return r;
 * });
 * }</pre>
 *
 * @apiNote asyncio: {@code @web.middleware async def mw(request, handler)}
 */
@FunctionalInterface
public interface Middleware {
    /**
     * Answers {@code request}, usually by way of {@code handler}.
     *
     * @throws Exception as a {@link Handler}
     */
    StreamResponse handle(Request request, Handler handler) throws Exception;
}

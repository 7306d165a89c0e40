package io.aio4j.http;

import java.util.List;

/**
 * A request that was redirected more often than the session allows (10 by default): the last
 * response's status and URL, and every response on the way.
 *
 * @apiNote asyncio: aiohttp's {@code TooManyRedirects} (with {@code history})
 */
public class TooManyRedirects extends ClientResponseError {
    private static final long serialVersionUID = 1L;

    private final transient List<Response> history;

    public TooManyRedirects(int status, String reason, String url, List<Response> history) {
        super(status, reason, url);
        this.history = List.copyOf(history);
    }

    /** The redirect responses, first to last (closed; their status, headers and URL remain). */
    public List<Response> history() {
        return history;
    }
}

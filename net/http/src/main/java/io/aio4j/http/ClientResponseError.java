package io.aio4j.http;

/**
 * A response with an error status, raised by {@link Response#raiseForStatus()}.
 *
 * @apiNote asyncio: aiohttp's {@code ClientResponseError}
 */
public class ClientResponseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String url;

    public ClientResponseError(int status, String reason, String url) {
        super(status + ", message='" + reason + "', url='" + url + "'");
        this.status = status;
        this.url = url;
    }

    /**
     * The HTTP status.
     *
     * @apiNote asyncio: {@code e.status}
     */
    public int status() {
        return status;
    }

    /**
     * The URL requested.
     *
     * @apiNote asyncio: {@code e.request_info.url}
     */
    public String url() {
        return url;
    }
}

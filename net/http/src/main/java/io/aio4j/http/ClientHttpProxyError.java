package io.aio4j.http;

/**
 * The HTTP proxy refused to open a tunnel ({@code CONNECT}) to the server: its status says why (407:
 * the proxy wants credentials).
 *
 * @apiNote asyncio: aiohttp's {@code ClientHttpProxyError}
 */
public final class ClientHttpProxyError extends ClientResponseError {
    private static final long serialVersionUID = 1L;

    public ClientHttpProxyError(int status, String reason, String url) {
        super(status, reason, url);
    }
}

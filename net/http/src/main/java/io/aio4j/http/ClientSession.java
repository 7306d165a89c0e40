package io.aio4j.http;

import io.aio4j.http.internal.ClientSessionImpl;
import java.io.IOException;

/**
 * An HTTP client with a connection pool, cookies and defaults shared by its requests: aiohttp's
 * {@code ClientSession}, on Ktor's CIO client. Many tasks may use one session at once.
 *
 * {@snippet :
 * try (ClientSession session = Http.session()) {
 *     try (Response r = session.get("http://127.0.0.1:8080/get")) {
 *         System.out.println(r.status() + " " + r.text());
 *     }
 * }
 * }
 *
 * <p><b>Cancellation:</b> cancelling a task waiting for a response aborts that request (its
 * connection is not reused).
 *
 * @apiNote asyncio: aiohttp's {@code ClientSession}
 */
public sealed interface ClientSession extends AutoCloseable permits ClientSessionImpl {

    /**
     * Sends a request and returns once the status and headers arrived; the body is read from the
     * {@link Response}.
     *
     * @apiNote asyncio: {@code session.request(method, url, ...)}
     * @throws IOException if the connection fails
     * @throws io.aio4j.TimeoutError if a timeout of the session expires
     */
    Response request(String method, String url, RequestOptions options) throws IOException;

    /**
     * @apiNote asyncio: {@code session.get(url)}
     */
    default Response get(String url) throws IOException {
        return request("GET", url, RequestOptions.none());
    }

    /**
     * @apiNote asyncio: {@code session.get(url, params=..., headers=...)}
     */
    default Response get(String url, RequestOptions options) throws IOException {
        return request("GET", url, options);
    }

    /**
     * @apiNote asyncio: {@code session.post(url, json=... | data=...)}
     */
    default Response post(String url, RequestOptions options) throws IOException {
        return request("POST", url, options);
    }

    /**
     * @apiNote asyncio: {@code session.put(url, ...)}
     */
    default Response put(String url, RequestOptions options) throws IOException {
        return request("PUT", url, options);
    }

    /**
     * @apiNote asyncio: {@code session.patch(url, ...)}
     */
    default Response patch(String url, RequestOptions options) throws IOException {
        return request("PATCH", url, options);
    }

    /**
     * @apiNote asyncio: {@code session.delete(url)}
     */
    default Response delete(String url) throws IOException {
        return request("DELETE", url, RequestOptions.none());
    }

    /**
     * @apiNote asyncio: {@code session.head(url)}
     */
    default Response head(String url) throws IOException {
        return request("HEAD", url, RequestOptions.none());
    }

    /**
     * Closes the pool.
     *
     * @apiNote asyncio: {@code await session.close()}
     */
    @Override
    void close();
}

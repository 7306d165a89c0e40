package io.aio4j.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.aio4j.http.internal.ResponseImpl;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response whose body is read on demand; close it (try-with-resources) to give its
 * connection back to the session's pool.
 *
 * {@snippet :
 * try (Response r = session.get("/json")) {
 *     r.raiseForStatus();
 *     JsonNode data = r.json();
 * }
 * }
 *
 * @apiNote asyncio: aiohttp's {@code ClientResponse}
 */
public sealed interface Response extends AutoCloseable permits ResponseImpl {

    /**
     * @apiNote asyncio: {@code response.status}
     */
    int status();

    /**
     * @apiNote asyncio: {@code response.reason}
     */
    String reason();

    /**
     * The final URL (after redirects).
     *
     * @apiNote asyncio: {@code response.url}
     */
    String url();

    /**
     * Every header, names in lower case.
     *
     * @apiNote asyncio: {@code response.headers}
     */
    Map<String, List<String>> headers();

    /**
     * The first value of a header (any case), or null.
     *
     * @apiNote asyncio: {@code response.headers.get(name)}
     */
    String header(String name);

    /**
     * The whole body (read once, then kept).
     *
     * <p><b>Cancellation:</b> the read stops with {@code CancelledError} and the response is closed.
     *
     * @apiNote asyncio: {@code await response.read()}
     */
    byte[] bytes() throws IOException;

    /**
     * The body as text, in the charset its {@code Content-Type} names; without one, UTF-8 for JSON,
     * else UTF-8 if the bytes are valid UTF-8 and windows-1252 otherwise (aiohttp detects the charset).
     *
     * @apiNote asyncio: {@code await response.text()}
     */
    String text() throws IOException;

    /**
     * The body parsed as JSON.
     *
     * @apiNote asyncio: {@code await response.json()}
     * @throws ContentTypeError if the {@code Content-Type} is not {@code application/json} (or a
     *     {@code +json} type), as aiohttp; {@link #json(String)} with null skips the check
     */
    JsonNode json() throws IOException;

    /**
     * The body parsed as JSON if the {@code Content-Type} contains {@code expectedContentType}; null
     * parses whatever the type: {@code r.json((String) null)}.
     *
     * @apiNote asyncio: {@code await response.json(content_type=...)}
     * @throws ContentTypeError if the content type is not the expected one
     */
    JsonNode json(String expectedContentType) throws IOException;

    /**
     * The body parsed as JSON into {@code type} (Jackson), with {@link #json()}'s content-type check.
     *
     * @apiNote asyncio: {@code await response.json()}
     */
    <T> T json(Class<T> type) throws IOException;

    /**
     * The body in chunks of at most {@code size} bytes as they arrive, for bodies too large to hold;
     * I/O errors are thrown as {@link java.io.UncheckedIOException}.
     *
     * @apiNote asyncio: {@code async for chunk in response.content.iter_chunked(size)}
     */
    Iterable<byte[]> iterChunked(int size);

    /**
     * Throws {@link ClientResponseError} for a status of 400 or more.
     *
     * @apiNote asyncio: {@code response.raise_for_status()}
     */
    void raiseForStatus();

    /**
     * The redirect responses that led to this one, first to last; empty when there was none.
     *
     * @apiNote asyncio: aiohttp's {@code response.history}
     */
    java.util.List<Response> history();

    /**
     * Gives the connection back (or closes it if the body was not read).
     *
     * @apiNote asyncio: {@code response.release()}
     */
    @Override
    void close();
}

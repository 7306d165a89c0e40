package io.aio4j.http;

/**
 * {@link Response#json()} on a response whose {@code Content-Type} is not JSON's: aiohttp refuses to
 * parse it (pass the content type to expect, or null, to {@link Response#json(String)}).
 *
 * @apiNote aiohttp: {@code aiohttp.ContentTypeError} ("Attempt to decode JSON with unexpected
 *     mimetype: ...")
 */
public class ContentTypeError extends ClientResponseError {
    private static final long serialVersionUID = 1L;

    public ContentTypeError(int status, String message, String url) {
        super(status, message, url);
    }
}

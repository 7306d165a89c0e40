package io.aio4j.http.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP error (or redirect) answer that a handler or middleware throws — or returns from a
 * middleware's {@link #toResponse()} — and the server sends as a text response: aiohttp's
 * {@code web.HTTPException} family ({@code raise web.HTTPNotFound()}). The body is the given text,
 * or aiohttp's {@code "404: Not Found"} by default.
 *
 * <pre>{@code
 * app.get("/users/{id}", request -> {
 *     User u = users.get(request.matchInfo("id"));
 *     if (u == null) throw HttpException.notFound();
 *     return Response.json(u);
 * });
 * }</pre>
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final String text;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    /**
     * An error answer with {@code status}, its reason phrase and {@code text} as the body (null:
     * {@code "<status>: <reason>"}).
     *
     * @throws IllegalArgumentException for a status outside 300..599
     * @apiNote asyncio: {@code web.HTTPException(text=...)} subclasses, by status
     */
    public HttpException(int status, String reason, String text) {
        super(status + ": " + Objects.requireNonNull(reason, "reason") + (text == null ? "" : " (" + text + ")"));
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("an HTTP exception's status is 300..599: " + status);
        }
        this.status = status;
        this.reason = reason;
        this.text = text != null ? text : status + ": " + reason;
    }

    /** {@code status} with its standard reason phrase and the default body. */
    public HttpException(int status) {
        this(status, Reasons.phrase(status), null);
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The reason phrase. */
    public String reason() {
        return reason;
    }

    /** The body text. */
    public String text() {
        return text;
    }

    /** Adds a header to the answer (e.g. {@code Allow}, {@code Location}); returns this. */
    public HttpException withHeader(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The answer's extra headers, in the order added. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** This answer as a {@link Response} (text/plain), e.g. for a middleware that returns it. */
    public Response toResponse() {
        Response r = Response.text(text).setStatus(status, reason);
        headers.forEach(r::setHeader);
        return r;
    }

    /**
     * 400 Bad Request with {@code text}.
     *
     * @apiNote asyncio: {@code web.HTTPBadRequest(text=...)}
     */
    public static HttpException badRequest(String text) {
        return new HttpException(400, "Bad Request", text);
    }

    /**
     * 404 Not Found.
     *
     * @apiNote asyncio: {@code web.HTTPNotFound()}
     */
    public static HttpException notFound() {
        return new HttpException(404);
    }

    /**
     * 403 Forbidden.
     *
     * @apiNote asyncio: {@code web.HTTPForbidden()}
     */
    public static HttpException forbidden() {
        return new HttpException(403);
    }

    /**
     * 302 Found, to {@code location}.
     *
     * @apiNote asyncio: {@code web.HTTPFound(location)}
     */
    public static HttpException found(String location) {
        return new HttpException(302).withHeader("Location", Objects.requireNonNull(location, "location"));
    }
}

package io.aio4j.http.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aio4j.http.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A response whose whole body is known when the handler returns: aiohttp's {@code web.Response}
 * (and {@code web.json_response}). The server sends it with a Content-Length, head and body in one
 * write.
 *
 * <pre>{@code
 * app.get("/", request -> Response.text("Hello, world"));
 * app.get("/api/items", request -> Response.json(List.of(Map.of("id", 1))));
 * app.post("/api/items", request -> Response.json(store.add(request.json())).setStatus(201));
 * }</pre>
 *
 * @apiNote asyncio: {@code aiohttp.web.Response}
 */
public class Response extends StreamResponse {
    private byte[] body = new byte[0];

    /**
     * A 200 response with an empty body.
     *
     * @apiNote asyncio: {@code web.Response()}
     */
    public Response() {
    }

    /**
     * An empty response with {@code status}.
     *
     * @apiNote asyncio: {@code web.Response(status=status)}
     */
    public Response(int status) {
        super(status);
    }

    /**
     * A {@code text/plain; charset=utf-8} response.
     *
     * @apiNote asyncio: {@code web.Response(text=text)}
     */
    public static Response text(String text) {
        return text(text, "text/plain");
    }

    /**
     * A text response of {@code contentType} (UTF-8; {@code "text/html"}, say).
     *
     * @apiNote asyncio: {@code web.Response(text=text, content_type=contentType)}
     */
    public static Response text(String text, String contentType) {
        Response r = new Response();
        r.body = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
        r.setContentType(Objects.requireNonNull(contentType, "contentType") + "; charset=utf-8");
        return r;
    }

    /**
     * A response with {@code body} as given, of {@code contentType}.
     *
     * @apiNote asyncio: {@code web.Response(body=body, content_type=contentType)}
     */
    public static Response bytes(byte[] body, String contentType) {
        Response r = new Response();
        r.body = Objects.requireNonNull(body, "body").clone();
        r.setContentType(Objects.requireNonNull(contentType, "contentType"));
        return r;
    }

    /**
     * {@code value} serialized as JSON by Jackson ({@code application/json; charset=utf-8}): maps,
     * lists, records, beans, {@code JsonNode}s.
     *
     * @throws IllegalArgumentException if Jackson cannot serialize it
     * @apiNote asyncio: {@code web.json_response(value)}
     */
    public static Response json(Object value) {
        try {
            Response r = new Response();
            r.body = Json.MAPPER.writeValueAsBytes(value);
            r.setContentType("application/json; charset=utf-8");
            return r;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The body.
     *
     * @apiNote asyncio: {@code response.body}
     */
    public final byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @apiNote asyncio: {@code response.text}
     */
    public final String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Replaces the body; returns this.
     *
     * @apiNote asyncio: {@code response.body = body}
     */
    public Response setBody(byte[] body) {
        checkNotPrepared();
        this.body = Objects.requireNonNull(body, "body").clone();
        return this;
    }

    /**
     * Replaces the body with UTF-8 text; returns this.
     *
     * @apiNote asyncio: {@code response.text = text}
     */
    public Response setText(String text) {
        return setBody(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the head and the body.
     *
     * @apiNote asyncio: {@code await response.prepare(request)}
     */
    @Override
    public void prepare(Request request) throws IOException {
        if (!prepared()) {
            sendHead(request, body);
        }
    }

    /** A {@code Response}'s body is set, not written: use {@link StreamResponse} to stream. */
    @Override
    public void write(byte[] data) throws IOException {
        throw new IllegalStateException("a Response's body is set with setBody/setText, not written: "
                + "stream with a StreamResponse");
    }

    @Override
    public Response setStatus(int status) {
        super.setStatus(status);
        return this;
    }

    @Override
    public Response setStatus(int status, String reason) {
        super.setStatus(status, reason);
        return this;
    }

    @Override
    public Response setHeader(String name, String value) {
        super.setHeader(name, value);
        return this;
    }

    @Override
    public Response addHeader(String name, String value) {
        super.addHeader(name, value);
        return this;
    }

    @Override
    public Response removeHeader(String name) {
        super.removeHeader(name);
        return this;
    }

    @Override
    public Response setContentType(String contentType) {
        super.setContentType(contentType);
        return this;
    }

    @Override
    public Response setCookie(Cookie cookie) {
        super.setCookie(cookie);
        return this;
    }

    @Override
    public Response setCookie(String name, String value) {
        super.setCookie(name, value);
        return this;
    }

    @Override
    public Response delCookie(String name) {
        super.delCookie(name);
        return this;
    }
}

package io.aio4j.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one request carries beyond its method and URL: query parameters, headers, a body (JSON, form,
 * multipart, raw bytes or a stream of chunks), and this request's own timeouts, redirect policy and
 * proxy. An immutable value changed with {@code with...} methods.
 *
 * {@snippet :
 * session.post("/post", RequestOptions.none().withJson(Map.of("name", "aio4j")));
 * session.get("/get", RequestOptions.none().withParam("q", "asyncio").withHeader("Accept", "application/json"));
 * session.get("/slow", RequestOptions.none().withTotalTimeout(Duration.ofSeconds(2)).withFollowRedirects(false));
 * }
 *
 * @apiNote asyncio: aiohttp's {@code params=}, {@code headers=}, {@code json=}, {@code data=},
 *     {@code timeout=}, {@code allow_redirects=}, {@code max_redirects=}, {@code proxy=}
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(List.of(), Map.of(), null, null, null, null, null, null,
            10, null);

    private final List<Map.Entry<String, String>> params;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Iterable<byte[]> stream;
    private final String contentType;
    private final Duration totalTimeout;
    private final Duration readTimeout;
    private final Boolean followRedirects;
    private final int maxRedirects;
    private final String proxy;

    private RequestOptions(List<Map.Entry<String, String>> params, Map<String, String> headers, byte[] body,
            Iterable<byte[]> stream, String contentType, Duration totalTimeout, Duration readTimeout,
            Boolean followRedirects, int maxRedirects, String proxy) {
        this.params = params;
        this.headers = headers;
        this.body = body;
        this.stream = stream;
        this.contentType = contentType;
        this.totalTimeout = totalTimeout;
        this.readTimeout = readTimeout;
        this.followRedirects = followRedirects;
        this.maxRedirects = maxRedirects;
        this.proxy = proxy;
    }

    /** No parameters, no extra headers, no body; the session's timeouts, redirects and proxy. */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * Adds a query parameter (repeatable).
     *
     * @apiNote asyncio: {@code params=}
     */
    public RequestOptions withParam(String name, String value) {
        List<Map.Entry<String, String>> p = new ArrayList<>(params);
        p.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return new RequestOptions(List.copyOf(p), headers, body, stream, contentType, totalTimeout, readTimeout,
                followRedirects, maxRedirects, proxy);
    }

    /**
     * Sets a header.
     *
     * @apiNote asyncio: {@code headers=}
     */
    public RequestOptions withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new RequestOptions(params, Map.copyOf(h), body, stream, contentType, totalTimeout, readTimeout,
                followRedirects, maxRedirects, proxy);
    }

    /**
     * A JSON body: {@code value} written with Jackson (maps, lists, records, beans, {@code JsonNode}).
     *
     * @apiNote asyncio: {@code json=}
     */
    public RequestOptions withJson(Object value) {
        try {
            return withBody(io.aio4j.http.internal.Json.MAPPER.writeValueAsBytes(value), "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the JSON body: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A form body ({@code application/x-www-form-urlencoded}).
     *
     * @apiNote asyncio: {@code data={...}}
     */
    public RequestOptions withForm(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return withBody(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /**
     * A {@code multipart/form-data} body: fields and files.
     *
     * @apiNote asyncio: {@code data=aiohttp.FormData()}
     */
    public RequestOptions withMultipart(FormData form) {
        return withBody(form.bytes(), form.contentType());
    }

    /**
     * A raw body with its content type.
     *
     * @apiNote asyncio: {@code data=bytes}
     */
    public RequestOptions withBody(byte[] data, String contentType) {
        return new RequestOptions(params, headers, data.clone(), null, Objects.requireNonNull(contentType, "contentType"),
                totalTimeout, readTimeout, followRedirects, maxRedirects, proxy);
    }

    /**
     * A text body ({@code text/plain; charset=utf-8}).
     *
     * @apiNote asyncio: {@code data=str}
     */
    public RequestOptions withBody(String text) {
        return withBody(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /**
     * A body streamed as it is produced, sent with {@code Transfer-Encoding: chunked}: each element is
     * written (and drained: a slow server pushes back on the producer) as it comes. Iterating may
     * await, so an {@link io.aio4j.AsyncIterable} generator streams straight from a task. A streamed
     * body is sent once: a 307/308 redirect of it is an error, and a request that failed on a kept-alive
     * connection is not sent again.
     *
     * @apiNote asyncio: {@code data=async_generator()}
     */
    public RequestOptions withBody(Iterable<byte[]> chunks, String contentType) {
        return new RequestOptions(params, headers, null, Objects.requireNonNull(chunks, "chunks"),
                Objects.requireNonNull(contentType, "contentType"), totalTimeout, readTimeout, followRedirects,
                maxRedirects, proxy);
    }

    /**
     * This request's total timeout (connect, send, and the body read), instead of the session's.
     *
     * @apiNote asyncio: {@code timeout=ClientTimeout(total=...)}
     * @throws IllegalArgumentException unless positive
     */
    public RequestOptions withTotalTimeout(Duration d) {
        return new RequestOptions(params, headers, body, stream, contentType, positive("totalTimeout", d), readTimeout,
                followRedirects, maxRedirects, proxy);
    }

    /**
     * This request's read timeout (the most the server may stay silent), instead of the session's.
     *
     * @apiNote asyncio: {@code timeout=ClientTimeout(sock_read=...)}
     * @throws IllegalArgumentException unless positive
     */
    public RequestOptions withReadTimeout(Duration d) {
        return new RequestOptions(params, headers, body, stream, contentType, totalTimeout, positive("readTimeout", d),
                followRedirects, maxRedirects, proxy);
    }

    /**
     * Whether this request follows redirects, instead of the session's choice.
     *
     * @apiNote asyncio: {@code allow_redirects=}
     */
    public RequestOptions withFollowRedirects(boolean follow) {
        return new RequestOptions(params, headers, body, stream, contentType, totalTimeout, readTimeout, follow,
                maxRedirects, proxy);
    }

    /**
     * How many redirects this request follows before {@link TooManyRedirects} (aiohttp's default: 10).
     *
     * @apiNote asyncio: {@code max_redirects=}
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public RequestOptions withMaxRedirects(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxRedirects must be at least 1: " + n);
        }
        return new RequestOptions(params, headers, body, stream, contentType, totalTimeout, readTimeout,
                followRedirects, n, proxy);
    }

    /**
     * Sends this request through the HTTP proxy at {@code url}, as {@link SessionOptions#withProxy}.
     *
     * @apiNote asyncio: {@code proxy=}
     * @throws IllegalArgumentException unless {@code url} is an {@code http://} URL with a host
     */
    public RequestOptions withProxy(String url) {
        io.aio4j.http.internal.ProxyTarget.of(url);
        return new RequestOptions(params, headers, body, stream, contentType, totalTimeout, readTimeout,
                followRedirects, maxRedirects, url);
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    /**
     * @apiNote asyncio: {@code params}
     */
    public List<Map.Entry<String, String>> params() {
        return params;
    }

    /**
     * @apiNote asyncio: {@code headers}
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The body, or null (none, or a streamed one).
     *
     * @apiNote asyncio: {@code data}
     */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /**
     * The streamed body, or null.
     *
     * @apiNote asyncio: {@code data} (an async iterable)
     */
    public Iterable<byte[]> stream() {
        return stream;
    }

    /** The body's content type, or null. */
    public String contentType() {
        return contentType;
    }

    /** This request's total timeout, or null for the session's. */
    public Duration totalTimeout() {
        return totalTimeout;
    }

    /** This request's read timeout, or null for the session's. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Whether this request follows redirects, or null for the session's choice. */
    public Boolean followRedirects() {
        return followRedirects;
    }

    /**
     * @apiNote asyncio: {@code max_redirects}
     */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** This request's proxy, or null for the session's. */
    public String proxy() {
        return proxy;
    }
}

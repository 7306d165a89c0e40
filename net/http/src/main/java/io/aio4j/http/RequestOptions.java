package io.aio4j.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one request carries beyond its method and URL: query parameters, headers and a body (JSON,
 * form or raw). An immutable value changed with {@code with...} methods.
 *
 * {@snippet :
 * session.post("/post", RequestOptions.none().withJson(Map.of("name", "aio4j")));
 * session.get("/get", RequestOptions.none().withParam("q", "asyncio").withHeader("Accept", "application/json"));
 * }
 *
 * @apiNote asyncio: aiohttp's {@code params=}, {@code headers=}, {@code json=}, {@code data=}
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(List.of(), Map.of(), null, null);

    private final List<Map.Entry<String, String>> params;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String contentType;

    private RequestOptions(List<Map.Entry<String, String>> params, Map<String, String> headers, byte[] body, String contentType) {
        this.params = params;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
    }

    /** No parameters, no extra headers, no body. */
    public static RequestOptions none() {
        return NONE;
    }

    /** Adds a query parameter (repeatable). @apiNote asyncio: {@code params=} */
    public RequestOptions withParam(String name, String value) {
        List<Map.Entry<String, String>> p = new ArrayList<>(params);
        p.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return new RequestOptions(List.copyOf(p), headers, body, contentType);
    }

    /** Sets a header. @apiNote asyncio: {@code headers=} */
    public RequestOptions withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new RequestOptions(params, Map.copyOf(h), body, contentType);
    }

    /**
     * A JSON body: {@code value} written with Jackson (maps, lists, records, beans, {@code JsonNode}).
     *
     * @apiNote asyncio: {@code json=}
     */
    public RequestOptions withJson(Object value) {
        try {
            return new RequestOptions(params, headers, io.aio4j.http.internal.Json.MAPPER.writeValueAsBytes(value),
                    "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the JSON body: " + e.getOriginalMessage(), e);
        }
    }

    /** A form body ({@code application/x-www-form-urlencoded}). @apiNote asyncio: {@code data={...}} */
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

    /** A raw body with its content type. @apiNote asyncio: {@code data=bytes} */
    public RequestOptions withBody(byte[] data, String contentType) {
        return new RequestOptions(params, headers, data.clone(), Objects.requireNonNull(contentType, "contentType"));
    }

    /** A text body ({@code text/plain; charset=utf-8}). @apiNote asyncio: {@code data=str} */
    public RequestOptions withBody(String text) {
        return withBody(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** @apiNote asyncio: {@code params} */
    public List<Map.Entry<String, String>> params() {
        return params;
    }

    /** @apiNote asyncio: {@code headers} */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or null. @apiNote asyncio: {@code data} */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** The body's content type, or null. */
    public String contentType() {
        return contentType;
    }
}

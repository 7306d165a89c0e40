package io.aio4j.ws;

import java.util.List;
import java.util.Map;

/**
 * The HTTP request that opened a WebSocket connection: what a server's handler routes on.
 *
 * @param path the request target: path and query ({@code /chat?room=1})
 * @param headers the request's headers, names lower-cased, in the order they came
 * @apiNote asyncio: the websockets library's {@code websocket.request} ({@code .path}, {@code .headers})
 */
public record HandshakeRequest(String path, Map<String, List<String>> headers) {
    public HandshakeRequest {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}

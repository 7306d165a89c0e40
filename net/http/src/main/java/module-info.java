/**
 * aiohttp for aio4j: an HTTP client ({@link io.aio4j.http.Http}, aiohttp's {@code ClientSession})
 * and an HTTP server ({@link io.aio4j.http.web.Web}, {@code aiohttp.web}).
 */
module io.aio4j.http {
    // API
    requires transitive io.aio4j.api;
    requires transitive com.fasterxml.jackson.databind; // Response.json() returns a JsonNode
    requires transitive io.aio4j.net; // WebOptions.withProvider, the server's streams
    requires transitive io.aio4j.ws; // WebSocketResponse speaks aio4j-ws's Message
    exports io.aio4j.http;
    exports io.aio4j.http.web;
}

/** An aiohttp-style HTTP client for aio4j. The front door is {@link io.aio4j.http.Http}. */
module io.aio4j.http {
    // API
    requires transitive io.aio4j.api;
    requires transitive com.fasterxml.jackson.databind; // Response.json() returns a JsonNode
    requires io.aio4j.net;
    exports io.aio4j.http;
}

/** An aiohttp-style HTTP client for aio4j. The front door is {@link io.aio4j.http.Http}. */
module io.aio4j.http {
    // API
    requires transitive io.aio4j.api;
    requires transitive com.fasterxml.jackson.databind; // Response.json() returns a JsonNode
    requires io.ktor.client.core;
    requires io.ktor.client.java;
    requires java.net.http;
    requires io.ktor.http;
    requires io.ktor.utils;
    requires io.ktor.io;
    exports io.aio4j.http;
}

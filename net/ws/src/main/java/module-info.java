/** WebSocket clients and servers for aio4j. The front door is {@link io.aio4j.ws.WebSockets}. */
module io.aio4j.ws {
    // API
    requires transitive io.aio4j.api;
    requires io.ktor.websockets;
    requires io.ktor.client.core;
    requires io.ktor.client.cio;
    requires io.ktor.network;
    requires io.ktor.http;
    requires io.ktor.utils;
    requires io.ktor.io;
    exports io.aio4j.ws;
}

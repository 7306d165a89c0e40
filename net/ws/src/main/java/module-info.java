/** WebSocket clients and servers for aio4j. The front door is {@link io.aio4j.ws.WebSockets}. */
module io.aio4j.ws {
    // API
    requires transitive io.aio4j.api;
    requires transitive io.aio4j.net; // WebSockets.accept takes its streams
    exports io.aio4j.ws;
}

/**
 * Networking for aio4j: TCP and Unix streams and servers, UDP and subprocesses on the event loop's
 * own selector. The front door is {@link io.aio4j.net.Net}.
 */
module io.aio4j.net {
    // API
    requires transitive io.aio4j.api;
    requires transitive io.ktor.network; // Net.wrap takes a Ktor socket
    requires io.ktor.io;
    exports io.aio4j.net;
    exports io.aio4j.net.spi;
    exports io.aio4j.http;
    exports io.aio4j.ws;
    exports io.aio4j.files;
    requires io.ktor.websockets;
    requires transitive com.fasterxml.jackson.databind; // Response.json() returns a JsonNode
    requires io.ktor.client.core;
    requires io.ktor.client.cio;
    requires io.ktor.http;
    requires io.ktor.utils;

    // Internal API: the test kit only
    exports io.aio4j.net.internal to io.aio4j.testkit;
}

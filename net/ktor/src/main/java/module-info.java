/**
 * Ktor raw sockets for aio4j: {@link io.aio4j.ktor.KtorNet} wraps a Kotlin program's Ktor socket as an
 * aio4j connection, and is a transport provider for servers and clients on Ktor sockets.
 */
module io.aio4j.ktor {
    // API
    requires transitive io.aio4j.net;
    requires transitive io.ktor.network; // KtorNet.wrap takes a Ktor socket
    requires io.ktor.io;
    requires io.ktor.utils;
    exports io.aio4j.ktor;
}

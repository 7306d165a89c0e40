/**
 * Networking for aio4j: streams, servers, UDP, TLS, subprocesses, HTTP and WebSockets. The network
 * issue fills it; for now it only takes its place in the module graph.
 */
module io.aio4j.net {
    requires transitive io.aio4j.api;
}

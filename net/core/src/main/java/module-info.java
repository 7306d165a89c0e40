/**
 * Networking for aio4j: TCP and Unix streams and servers, TLS, UDP and subprocesses on the event
 * loop's own selector, and the transport-provider SPI ({@link io.aio4j.net.spi}). The front door is
 * {@link io.aio4j.net.Net}.
 */
module io.aio4j.net {
    // API
    requires transitive io.aio4j.api;
    exports io.aio4j.net;
    exports io.aio4j.net.spi;
}

/** The seed tutorials' asyncio programs, ported to aio4j, and the tour that runs them. */
module io.aio4j.samples {
    requires io.aio4j.api;
    requires io.aio4j.net;
    requires jdk.httpserver; // the offline stand-in for the sites the seeds fetch
    exports io.aio4j.samples;
    exports io.aio4j.samples.basics;
    exports io.aio4j.samples.generators;
    exports io.aio4j.samples.http;
    exports io.aio4j.samples.ws;
    exports io.aio4j.samples.timeouts;
}

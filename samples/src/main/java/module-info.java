/** The seed tutorials' asyncio programs, ported to aio4j, and the tour that runs them. */
module io.aio4j.samples {
    requires io.aio4j.api;
    requires io.aio4j.net;
    exports io.aio4j.samples;
    exports io.aio4j.samples.basics;
    exports io.aio4j.samples.generators;
    exports io.aio4j.samples.timeouts;
}

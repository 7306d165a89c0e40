/** The seed tutorials' asyncio programs, ported to aio4j, and the tour that runs them. */
module io.aio4j.samples {
    requires io.aio4j.api;
    requires io.aio4j.net;
    requires io.aio4j.http;
    requires io.aio4j.ws;
    requires io.aio4j.files;
    requires io.aio4j.testkit; // the tour fast-forwards sleeps on the test kit's virtual clock
    requires jdk.httpserver; // the offline stand-in for the sites the seeds fetch
    exports io.aio4j.samples;
    exports io.aio4j.samples.basics;
    exports io.aio4j.samples.crawler;
    exports io.aio4j.samples.debug;
    exports io.aio4j.samples.files;
    exports io.aio4j.samples.generators;
    exports io.aio4j.samples.http;
    exports io.aio4j.samples.net;
    exports io.aio4j.samples.practices;
    exports io.aio4j.samples.protocols;
    exports io.aio4j.samples.sync;
    exports io.aio4j.samples.threads;
    exports io.aio4j.samples.ws;
    exports io.aio4j.samples.timeouts;
}

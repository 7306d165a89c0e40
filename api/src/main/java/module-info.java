/**
 * asyncio's vocabulary for Java. The front door is {@link io.aio4j.Aio}.
 */
module io.aio4j.api {
    // API
    requires transitive io.aio4j.bridge;
    requires static java.management; // the JMX task dump, when the runtime has it
    requires static jdk.unsupported; // sun.misc.Signal: Ctrl-C cancels Aio.run's main task, when the runtime has it
    exports io.aio4j;
    exports io.aio4j.sync;
    exports io.aio4j.queue;

    // Internal API: the other aio4j modules only
    exports io.aio4j.internal to io.aio4j.net, io.aio4j.ktor, io.aio4j.http, io.aio4j.ws, io.aio4j.files;
}

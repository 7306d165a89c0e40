/** A consumer of aio4j, as a JPMS module: what the module tests check works on the module path. */
module io.aio4j.moduletests {
    requires io.aio4j.http;
    requires io.aio4j.ws;
    requires io.aio4j.net; // the tests start their servers with Net
    exports io.aio4j.moduletests;
}

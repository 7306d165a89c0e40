/**
 * aiohttp's {@code aiohttp.test_utils} for aio4j: {@link io.aio4j.testkit.http.TestServer} and
 * {@link io.aio4j.testkit.http.TestClient}.
 */
module io.aio4j.testkit.http {
    requires transitive io.aio4j.testkit;
    requires transitive io.aio4j.http;
    exports io.aio4j.testkit.http;
}

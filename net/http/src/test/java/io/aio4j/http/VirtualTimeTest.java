package io.aio4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.TimeoutError;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.AioTestContext;
import java.time.Duration;

/**
 * The HTTP client on the test kit's virtual clock (issue: "an HTTP request in flight holds the
 * virtual clock like any other I/O"): a response in flight is waited for, a timeout with nothing in
 * flight jumps.
 */
class VirtualTimeTest {

    @AioTest
    void aServerAnsweringIn50msDoesNotTripA2sVirtualTimeout(AioTestContext ctx) throws Exception {
        try (TestHttpServer srv = new TestHttpServer();
             ClientSession session = Http.session(SessionOptions.defaults().withTotalTimeout(Duration.ofSeconds(2)))) {
            for (int i = 0; i < 5; i++) {
                try (Response r = session.get(srv.url("/delay/50"))) {
                    assertEquals("slept", r.text());
                }
            }
        }
    }

    @AioTest
    void aTimeoutStillFiresOnVirtualTimeWhenTheServerTakesLonger(AioTestContext ctx) throws Exception {
        try (TestHttpServer srv = new TestHttpServer();
             ClientSession session = Http.session(SessionOptions.defaults().withTotalTimeout(Duration.ofSeconds(30)))) {
            double start = ctx.time();
            // the response is held for the foreign threshold (1 s real) and then the clock jumps to 30 s
            assertThrows(TimeoutError.class, () -> session.get(srv.url("/delay/4000")));
            assertEquals(30, ctx.time() - start, 0.5);
        }
    }
}

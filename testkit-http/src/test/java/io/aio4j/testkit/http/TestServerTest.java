package io.aio4j.testkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.http.RequestOptions;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.WebSocketResponse;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.AioTestContext;
import io.aio4j.ws.Message;
import io.aio4j.ws.WebSocket;
import java.time.Duration;
import java.util.Map;

/** aiohttp's test_utils pair: an application and its client on one test loop, on virtual time. */
class TestServerTest {

    static Application app() {
        return new Application()
                .get("/", r -> Response.text("Hello, world"))
                .get("/slow", r -> {
                    Aio.sleep(30);
                    return Response.text("after 30 s");
                })
                .post("/items", r -> Response.json(Map.of("got", r.json().get("name").asText())).setStatus(201))
                .get("/ws", r -> {
                    WebSocketResponse ws = new WebSocketResponse();
                    ws.prepare(r);
                    for (Message m : ws) {
                        ws.send(m.text().toUpperCase());
                    }
                    return ws;
                });
    }

    @AioTest
    void onLoopbackHandlersRunOnTheTestsVirtualClock(AioTestContext ctx) throws Exception {
        try (TestServer server = TestServer.start(app()); TestClient client = TestClient.of(server)) {
            try (var r = client.get("/")) {
                assertEquals("Hello, world", r.text());
            }
            long real = System.nanoTime();
            double t0 = ctx.time();
            try (var r = client.get("/slow")) {
                assertEquals("after 30 s", r.text());
            }
            assertEquals(30, ctx.time() - t0, 0.5);
            assertTrue(System.nanoTime() - real < Duration.ofSeconds(20).toNanos(), "virtual, not real, time");
            try (var r = client.post("/items", RequestOptions.none().withJson(Map.of("name", "pen")))) {
                assertEquals(201, r.status());
                assertEquals("pen", r.json().get("got").asText());
            }
        }
    }

    @AioTest
    void onTheMemoryNetworkNothingTouchesASocket(AioTestContext ctx) throws Exception {
        try (TestServer server = TestServer.onMemoryNetwork(app()); TestClient client = TestClient.of(server)) {
            server.network().latency(Duration.ofMillis(100));
            double t0 = ctx.time();
            try (var r = client.get("/")) {
                assertEquals("Hello, world", r.text());
            }
            assertTrue(ctx.time() - t0 >= 0.2 - 1e-9, "the memory network's latency, on virtual time: " + (ctx.time() - t0));
            try (WebSocket ws = client.wsConnect("/ws")) {
                ws.send("shout");
                assertEquals("SHOUT", ws.recv().text());
            }
            try (var r = client.get("/slow")) {
                assertEquals("after 30 s", r.text());
            }
        }
    }
}

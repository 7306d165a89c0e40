package io.aio4j.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.TimeoutError;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ClientSession against a local JDK HTTP server started on a free port. */
class ClientSessionTest {

    record Item(String name, int count) {
    }

    @Test
    void concurrentGetsShareOneSession() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session()) {
            List<String> methods = Aio.run(() -> {
                List<Task<String>> ts = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    ts.add(Aio.createTask(() -> {
                        try (Response r = session.get(srv.url("/get"), RequestOptions.none().withParam("i", String.valueOf(n))
                                .withHeader("X-Test", "t" + n))) {
                            JsonNode j = r.json();
                            assertEquals("i=" + n, j.get("query").asText());
                            assertEquals("t" + n, j.get("x_test").asText());
                            return j.get("method").asText();
                        }
                    }));
                }
                return Aio.gather(ts);
            });
            assertEquals(20, methods.size());
            assertTrue(methods.stream().allMatch("GET"::equals));
        }
    }

    @Test
    void aJsonPostRoundTrips() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session(
                SessionOptions.defaults().withBaseUrl(srv.url("/")))) {
            Aio.run(() -> {
                try (Response r = session.post("/post", RequestOptions.none().withJson(new Item("widget", 3)))) {
                    assertEquals(200, r.status());
                    assertEquals("application/json", r.header("Content-Type"));
                    assertEquals(new Item("widget", 3), r.json(Item.class));
                }
                try (Response r = session.post("/post", RequestOptions.none().withForm(Map.of("a", "1 2")))) {
                    assertEquals("a=1+2", r.text());
                }
                try (Response r = session.put("/post", RequestOptions.none().withBody("plain"))) {
                    assertEquals("plain", r.text());
                }
            });
        }
    }

    @Test
    void raiseForStatusOnA404() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session()) {
            Aio.run(() -> {
                try (Response r = session.get(srv.url("/status/404"))) {
                    assertEquals(404, r.status());
                    assertEquals("not here", r.text());
                    ClientResponseError e = assertThrows(ClientResponseError.class, r::raiseForStatus);
                    assertEquals(404, e.status());
                    assertTrue(e.getMessage().startsWith("404, message='Not Found'"), e.getMessage());
                }
            });
        }
    }

    @Test
    void theTotalTimeoutRaisesTimeoutError() throws Exception {
        try (TestHttpServer srv = new TestHttpServer();
             ClientSession session = Http.session(SessionOptions.defaults().withTotalTimeout(Duration.ofMillis(200)))) {
            Aio.run(() -> {
                TimeoutError e = assertThrows(TimeoutError.class, () -> session.get(srv.url("/delay/2000")));
                assertTrue(e.getMessage().contains("/delay/2000"), e.getMessage());
            });
        }
    }

    @Test
    void theReadTimeoutRaisesTimeoutErrorWhileTheBodyStalls() throws Exception {
        try (TestHttpServer srv = new TestHttpServer();
             ClientSession session = Http.session(SessionOptions.defaults().withReadTimeout(Duration.ofMillis(200)))) {
            Aio.run(() -> {
                try (Response r = session.get(srv.url("/stall-body"))) {
                    assertThrows(TimeoutError.class, r::bytes);
                }
            });
        }
    }

    @Test
    void theConnectTimeoutRaisesTimeoutError() throws Exception {
        // a listening socket whose accept queue is full: further connects are left unanswered
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket();
                try {
                    s.connect(full.getLocalSocketAddress(), 100);
                    fillers.add(s);
                } catch (java.io.IOException e) {
                    s.close();
                    break;
                }
            }
            try (ClientSession session = Http.session(SessionOptions.defaults().withConnectTimeout(Duration.ofMillis(200)))) {
                Aio.run(() -> {
                    Exception e = assertThrows(Exception.class,
                            () -> session.get("http://127.0.0.1:" + full.getLocalPort() + "/"));
                    assertInstanceOf(TimeoutError.class, e);
                });
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void thePoolLimitHolds() throws Exception {
        try (TestHttpServer srv = new TestHttpServer();
             ClientSession session = Http.session(SessionOptions.defaults().withConnectionLimits(3, 0))) {
            Aio.run(() -> {
                List<Task<String>> ts = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ts.add(Aio.createTask(() -> {
                        try (Response r = session.get(srv.url("/delay/100"))) {
                            return r.text();
                        }
                    }));
                }
                Aio.gather(ts);
            });
            assertTrue(srv.maxInFlight.get() <= 3, "at most 3 at once, saw " + srv.maxInFlight.get());
            assertEquals(3, srv.maxInFlight.get());
        }
    }

    @Test
    void redirectsAreFollowedAndCookiesKept() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session()) {
            Aio.run(() -> {
                try (Response r = session.get(srv.url("/redirect"))) {
                    assertEquals(200, r.status());
                    assertTrue(r.url().endsWith("/get?redirected=1"), r.url());
                }
                session.get(srv.url("/cookies/set")).close();
                try (Response r = session.get(srv.url("/cookies/get"))) {
                    assertEquals("session=abc123", r.text());
                }
            });
        }
        try (TestHttpServer srv = new TestHttpServer();
             ClientSession session = Http.session(SessionOptions.defaults().withFollowRedirects(false).withCookies(false))) {
            Aio.run(() -> {
                try (Response r = session.get(srv.url("/redirect"))) {
                    assertEquals(302, r.status());
                }
                session.get(srv.url("/cookies/set")).close();
                try (Response r = session.get(srv.url("/cookies/get"))) {
                    assertEquals("none", r.text());
                }
            });
        }
    }

    @Test
    void aLargeBodyStreamsInChunks() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session()) {
            long total = Aio.run(() -> {
                long n = 0;
                try (Response r = session.get(srv.url("/bytes/3000000"))) {
                    for (byte[] chunk : r.iterChunked(16 * 1024)) {
                        assertTrue(chunk.length <= 16 * 1024);
                        n += chunk.length;
                    }
                }
                return n;
            });
            assertEquals(3_000_000, total);
        }
    }

    @Test
    void aRefusedConnectionIsAnIOException() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        try (ClientSession session = Http.session()) {
            Aio.run(() -> {
                ClientConnectorError e = assertThrows(ClientConnectorError.class, () -> session.get("http://127.0.0.1:" + port + "/"));
                assertEquals(port, e.port()); // aiohttp: ClientConnectorError("Cannot connect to host ...")
                assertTrue(e.getMessage().startsWith("Cannot connect to host 127.0.0.1:" + port), e.getMessage());
            });
        }
    }
}

package io.aio4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aio4j.Aio;
import io.aio4j.http.ClientSession;
import io.aio4j.http.FormData;
import io.aio4j.http.Http;
import io.aio4j.http.RequestOptions;
import io.aio4j.queue.Queue;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.AioTestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The server's routes, requests and responses, through aio4j's own HTTP client over loopback. */
class WebServerTest {

    record Item(int id, String name) {}

    static Application app() {
        return new Application()
                .get("/", r -> Response.text("Hello, world"))
                .get("/users/{id}", r -> Response.json(Map.of("id", r.matchInfo("id"))))
                .get("/files/{path:.+}", r -> Response.text(r.matchInfo("path")))
                .post("/echo", r -> Response.bytes(r.bytes(), r.contentType()))
                .post("/json", r -> Response.json(r.json(Item.class)).setStatus(201))
                .post("/form", r -> {
                    Form f = r.post();
                    Form.File file = f.file("upload");
                    return Response.text(f.get("a") + "," + f.getAll("b") + (file == null ? "" : ","
                            + file.filename() + ":" + new String(file.content(), StandardCharsets.UTF_8)));
                })
                .post("/count", r -> {
                    long n = 0;
                    int pieces = 0;
                    for (byte[] chunk : r.content()) {
                        n += chunk.length;
                        pieces++;
                    }
                    return Response.text(n + " bytes" + (pieces > 0 ? "" : " in none"));
                })
                .get("/stream", r -> {
                    StreamResponse s = new StreamResponse();
                    s.setContentType("text/plain");
                    s.prepare(r);
                    for (int i = 0; i < 3; i++) {
                        s.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                        Aio.sleep(1); // the loop's clock: virtual in the test kit
                    }
                    s.writeEof();
                    return s;
                })
                .get("/cookie", r -> Response.text("seen " + r.cookies().get("who"))
                        .setCookie(Cookie.of("who", "me").withHttpOnly(true).withMaxAge(java.time.Duration.ofHours(1))))
                .get("/query", r -> Response.text(r.query("q") + " " + r.query() + " " + r.path()))
                .get("/teapot", r -> {
                    throw new HttpException(418, "I'm a teapot", null);
                })
                .get("/boom", r -> {
                    throw new IllegalStateException("boom");
                })
                .route("*", "/any", r -> Response.text(r.method()));
    }

    @AioTest
    void routesMatchAiohttpsPatternsAndAnswerAsAiohttpDoes(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0); ClientSession http = Http.session()) {
            String u = server.url();
            try (var r = http.get(u + "/")) {
                assertEquals(200, r.status());
                assertEquals("Hello, world", r.text());
                assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
                assertEquals("12", r.header("Content-Length"));
                assertTrue(r.header("Date") != null);
            }
            try (var r = http.get(u + "/users/42")) {
                assertEquals("42", r.json().get("id").asText());
            }
            try (var r = http.get(u + "/files/a/b%20c.txt")) {
                assertEquals("a/b c.txt", r.text());
            }
            try (var r = http.get(u + "/users/1/extra")) {
                assertEquals(404, r.status());
                assertEquals("404: Not Found", r.text());
            }
            try (var r = http.post(u + "/", RequestOptions.none().withBody("x"))) {
                assertEquals(405, r.status());
                assertEquals("GET,HEAD", r.header("Allow"));
                assertEquals("405: Method Not Allowed", r.text());
            }
            try (var r = http.head(u + "/")) {
                assertEquals(200, r.status());
                assertEquals("12", r.header("Content-Length"));
                assertEquals("", r.text());
            }
            try (var r = http.request("PURGE", u + "/any", RequestOptions.none())) {
                assertEquals("PURGE", r.text());
            }
            try (var r = http.get(u + "/query?q=a+b&q=2&x=%C3%A9")) {
                assertEquals("a b {q=[a b, 2], x=[é]} /query", r.text());
            }
            try (var r = http.get(u + "/teapot")) {
                assertEquals(418, r.status());
                assertEquals("I'm a teapot", r.reason());
                assertEquals("418: I'm a teapot", r.text());
            }
        }
    }

    @AioTest
    void bodiesAreReadWholeOrAsTheyArrive(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0); ClientSession http = Http.session()) {
            String u = server.url();
            try (var r = http.post(u + "/echo", RequestOptions.none().withBody("héllo".getBytes(StandardCharsets.UTF_8), "text/x-a"))) {
                assertEquals("héllo", r.text());
                assertEquals("text/x-a", r.header("Content-Type"));
            }
            try (var r = http.post(u + "/json", RequestOptions.none().withJson(Map.of("id", 7, "name", "seven")))) {
                assertEquals(201, r.status());
                JsonNode j = r.json();
                assertEquals(7, j.get("id").asInt());
                assertEquals("seven", j.get("name").asText());
            }
            try (var r = http.post(u + "/json", RequestOptions.none().withBody("{nope".getBytes(StandardCharsets.UTF_8), "application/json"))) {
                assertEquals(400, r.status());
                assertTrue(r.text().startsWith("the body is not JSON for Item"), r::toString);
            }
            try (var r = http.post(u + "/form", RequestOptions.none().withForm(Map.of("a", "1 2", "b", "x&y")))) {
                assertEquals("1 2,[x&y]", r.text());
            }
            FormData form = new FormData().add("a", "A").add("b", "B1").add("b", "B2")
                    .add("upload", "file body".getBytes(StandardCharsets.UTF_8), "f.txt", "text/plain");
            try (var r = http.post(u + "/form", RequestOptions.none().withMultipart(form))) {
                assertEquals("A,[B1, B2],f.txt:file body", r.text());
            }
            List<byte[]> chunks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                chunks.add(new byte[10_000]);
            }
            try (var r = http.post(u + "/count", RequestOptions.none().withBody(chunks, "application/octet-stream"))) {
                assertEquals("500000 bytes", r.text()); // chunked, read in pieces
            }
        }
    }

    @AioTest
    void streamedResponsesCookiesAndErrors(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0); ClientSession http = Http.session()) {
            String u = server.url();
            double t0 = ctx.time();
            try (var r = http.get(u + "/stream")) {
                assertEquals("chunked", r.header("Transfer-Encoding"));
                assertEquals("line 0\nline 1\nline 2\n", r.text());
            }
            assertEquals(3, ctx.time() - t0, 0.5);
            try (var r = http.get(u + "/cookie")) {
                assertEquals("seen null", r.text());
                assertEquals("who=me; Max-Age=3600; Path=/; HttpOnly", r.header("Set-Cookie"));
            }
            try (var r = http.get(u + "/cookie")) {
                assertEquals("seen me", r.text()); // the session's cookie jar sent it back
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aFailingHandlerIsA500AndReportedToTheLoop() throws Exception {
        List<String> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        Aio.run(io.aio4j.Config.defaults().withExceptionHandler((m, e) -> reported.add(m + ": " + e.getMessage())), () -> {
            try (WebServer server = Web.serve(app(), "127.0.0.1", 0); ClientSession http = Http.session()) {
                try (var r = http.get(server.url() + "/boom")) {
                    assertEquals(500, r.status());
                    assertEquals("500 Internal Server Error\n\nServer got itself in trouble", r.text());
                }
                try (var r = http.get(server.url() + "/")) {
                    assertEquals(200, r.status()); // the connection goes on
                }
            }
        });
        assertEquals(List.of("Error handling request GET /boom: boom"), reported);
    }

    @AioTest
    void middlewaresWrapInOrderAndSeeErrorsAsResponses(AioTestContext ctx) throws Exception {
        List<String> order = new ArrayList<>();
        Application app = app()
                .middleware((r, h) -> {
                    order.add("outer " + r.path());
                    try {
                        StreamResponse resp = h.handle(r);
                        resp.setHeader("X-Outer", "1");
                        return resp;
                    } catch (HttpException e) {
                        return Response.text("custom " + e.status()).setStatus(e.status());
                    }
                })
                .middleware((r, h) -> {
                    order.add("inner " + r.matchInfo());
                    r.set("user", "ann");
                    return h.handle(r);
                })
                .get("/me", r -> Response.text("user " + r.get("user")));
        try (WebServer server = Web.serve(app, "127.0.0.1", 0); ClientSession http = Http.session()) {
            try (var r = http.get(server.url() + "/me")) {
                assertEquals("user ann", r.text());
                assertEquals("1", r.header("X-Outer"));
            }
            try (var r = http.get(server.url() + "/nowhere")) {
                assertEquals(404, r.status());
                assertEquals("custom 404", r.text());
            }
            try (var r = http.get(server.url() + "/users/5")) {
                assertEquals(200, r.status());
            }
        }
        assertEquals(List.of("outer /me", "inner {}", "outer /nowhere", "inner {}", "outer /users/5", "inner {id=5}"), order);
    }

    @AioTest
    void handlersAreTasksOnTheServersLoop(AioTestContext ctx) throws Exception {
        Queue<String> jobs = new Queue<>();
        Application app = new Application()
                .post("/jobs", r -> {
                    jobs.put(r.text());
                    return Response.text("queued").setStatus(202);
                })
                .get("/jobs/next", r -> Response.text(Aio.waitFor(5, jobs::get)))
                .get("/delay/{s}", r -> {
                    Aio.sleep(Double.parseDouble(r.matchInfo("s")));
                    return Response.text("slept " + r.matchInfo("s"));
                });
        try (WebServer server = Web.serve(app, "127.0.0.1", 0); ClientSession http = Http.session()) {
            String u = server.url();
            var waiting = Aio.createTask(() -> {
                try (var r = http.get(u + "/jobs/next")) {
                    return r.text();
                }
            });
            Aio.sleep(0.1);
            try (var r = http.post(u + "/jobs", RequestOptions.none().withBody("job-1"))) {
                assertEquals(202, r.status());
            }
            assertEquals("job-1", waiting.await());
            double t0 = ctx.time();
            List<String> slept = Aio.gather(
                    Aio.createTask(() -> {
                        try (var r = http.get(u + "/delay/3")) {
                            return r.text();
                        }
                    }),
                    Aio.createTask(() -> {
                        try (var r = http.get(u + "/delay/2")) {
                            return r.text();
                        }
                    }));
            assertEquals(List.of("slept 3", "slept 2"), slept);
            assertEquals(3, ctx.time() - t0, 0.5); // concurrently, on virtual time
        }
    }

    @AioTest
    void anApplicationIsFrozenOnceServed(AioTestContext ctx) throws Exception {
        Application app = app();
        try (WebServer server = Web.serve(app, "127.0.0.1", 0)) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> app.get("/late", r -> Response.text("")));
            assertTrue(e.getMessage().contains("added before Web.serve"), e.getMessage());
        }
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Application().get("no-slash", r -> null));
        assertEquals("a route's path starts with '/': no-slash", bad.getMessage());
        assertNull(null);
    }
}

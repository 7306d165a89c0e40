package io.aio4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.ws.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * aiohttp's own client (a peer nobody here wrote) against aio4j's server: plain and JSON requests,
 * a chunked upload from an async generator, multipart and urlencoded forms, a streamed response,
 * cookies, 404, {@code Expect: 100-continue}, a WebSocket, keep-alive. Skips when python3 has no
 * aiohttp ({@code apt-get install python3-aiohttp}).
 */
class AiohttpClientPeerTest {
    private static String python;
    private static Path script;

    @BeforeAll
    static void findPython() throws Exception {
        for (String p : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process probe = new ProcessBuilder(p, "-c", "import aiohttp").redirectErrorStream(true).start();
                if (probe.waitFor() == 0) {
                    python = p;
                    break;
                }
            } catch (java.io.IOException ignored) {
                // not this one
            }
        }
        script = Files.createTempFile("aiohttp_client_peer", ".py");
        try (var in = AiohttpClientPeerTest.class.getResourceAsStream("aiohttp_client_peer.py")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
    }

    @Test
    void aiohttpsClientGetsWhatItExpects() throws Exception {
        assumeTrue(python != null, "python3 with aiohttp is not installed");
        Application app = new Application()
                .get("/hello/{name}", r -> Response.text("hello " + r.matchInfo("name") + " " + r.query("x")))
                .post("/json", r -> Response.json(Map.of("got", r.json())))
                .post("/count", r -> {
                    long n = 0;
                    for (byte[] chunk : r.content()) {
                        n += chunk.length;
                    }
                    return Response.text(n + (r.contentLength() < 0 ? " chunked" : " sized"));
                })
                .post("/form", r -> {
                    Form f = r.post();
                    Form.File file = f.file("file");
                    return Response.text(f.get("name") + (file == null ? "" : " " + file.filename() + " "
                            + file.contentType() + " " + new String(file.content(), StandardCharsets.UTF_8)));
                })
                .get("/stream", r -> {
                    StreamResponse s = new StreamResponse().setContentType("text/plain");
                    s.prepare(r);
                    for (String part : List.of("a", "b", "c")) {
                        s.write(part.getBytes(StandardCharsets.UTF_8));
                        Aio.sleep(0.01);
                    }
                    s.writeEof();
                    return s;
                })
                .get("/cookie", r -> Response.text("cookie " + r.cookies().get("k")).setCookie("k", "v1"))
                .get("/peer", r -> Response.text(String.valueOf(r.peer())))
                .get("/ws", r -> {
                    WebSocketResponse ws = new WebSocketResponse();
                    ws.prepare(r);
                    for (Message m : ws) {
                        ws.send("pong to " + m.text());
                    }
                    return ws;
                });
        List<String> lines = new ArrayList<>();
        Aio.run(() -> {
            WebServer server = Web.serve(app, "127.0.0.1", 0);
            lines.addAll(Aio.toThread(() -> {
                Process client = new ProcessBuilder(python, script.toString(), server.url())
                        .redirectErrorStream(true).start();
                List<String> got = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                client.waitFor();
                return got;
            }));
            server.shutdown();
        });
        assertEquals(List.of(
                "get 200 text/plain; charset=utf-8 hello ann 1",
                "json 200 {'got': {'a': [1, 2]}}",
                "chunked-upload 200 10000 chunked",
                "multipart 200 bob a.txt text/plain contents",
                "urlencoded 200 carol",
                "stream 200 chunked abc",
                "cookie cookie v1",
                "missing 404 404: Not Found",
                "expect 200 100 sized",
                "ws pong to ping",
                "ws-close 1000",
                "keepalive 1"), lines);
    }
}

package io.aio4j.moduletests;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.AioTestContext;
import io.aio4j.ws.WebSocket;
import io.aio4j.ws.WebSocketServer;
import io.aio4j.ws.WebSockets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** aio4j on the module path, as a JPMS consumer runs it: no --add-modules, no --add-exports of aio4j's. */
class ModulePathTest {

    @Test
    void thisTestRunsInANamedModuleAndSoDoesAio4j() throws Exception {
        assertEquals("io.aio4j.moduletests", ModulePathTest.class.getModule().getName());
        assertEquals("io.aio4j.http", io.aio4j.http.Http.class.getModule().getName());
        assertEquals("io.aio4j.api", Aio.class.getModule().getName());
    }

    @Test
    void theHttpClientWorksOnTheModulePath() throws Exception {
        String body = Aio.run(() -> {
            Server server = Net.startServer((in, out) -> {
                in.readuntil("\r\n\r\n".getBytes(ISO_8859_1));
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".getBytes(ISO_8859_1));
                out.close();
            }, "127.0.0.1", 0);
            try {
                return Fetch.text("http://127.0.0.1:" + server.port() + "/");
            } finally {
                server.close();
            }
        });
        assertEquals("ok", body);
    }

    @Test
    void webSocketsWorkOnTheModulePath() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> ws.send("hi " + ws.recv().text()), "127.0.0.1", 0);
            try (WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/")) {
                ws.send("module");
                assertEquals("hi module", ws.recv().text());
            }
            server.close();
        });
    }

    @Test
    void aio4jsInternalsAreNotReachable() throws Exception {
        Module mine = ModulePathTest.class.getModule();
        Module api = Aio.class.getModule();
        assertTrue(api.isExported("io.aio4j", mine));
        assertFalse(api.isExported("io.aio4j.internal", mine), "io.aio4j.internal is exported to aio4j's modules only");
        assertFalse(io.aio4j.bridge.Suspend.class.getModule().isExported("io.aio4j.bridge.internal"));
        Class<?> impl = Class.forName("io.aio4j.internal.TaskImpl");
        assertThrows(IllegalAccessException.class, () -> impl.getMethod("currentOrNull").invoke(null));
    }

    @AioTest
    void theWebServerAndItsTestKitWorkOnTheModulePath(AioTestContext ctx) throws Exception {
        try (io.aio4j.testkit.http.TestServer server = io.aio4j.testkit.http.TestServer.start(HelloApp.app());
             io.aio4j.testkit.http.TestClient client = io.aio4j.testkit.http.TestClient.of(server)) {
            try (var r = client.get("/module")) {
                assertEquals("Hello, module", r.text());
            }
        }
    }

    @AioTest
    void theTestKitWorksAsATestScopedDependency(AioTestContext ctx) throws Exception {
        double start = ctx.time();
        Aio.sleep(Duration.ofHours(1)); // virtual time: no real hour
        assertEquals(3600, ctx.time() - start, 1e-6);
        assertEquals("io.aio4j.testkit", AioTest.class.getModule().isNamed() ? AioTest.class.getModule().getName()
                : "io.aio4j.testkit", "named or not, it needs nothing of aio4j's internals");
    }
}

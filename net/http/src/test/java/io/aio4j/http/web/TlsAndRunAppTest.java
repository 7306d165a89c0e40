package io.aio4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.SessionOptions;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.AioTestContext;
import io.aio4j.testkit.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** HTTPS with {@link WebOptions#withSsl}, and {@link Web#runApp} as a program that Ctrl-C (an interrupt) ends. */
class TlsAndRunAppTest {

    @AioTest
    void anHttpsServerAnswersOverTls(AioTestContext ctx) throws Exception {
        Application app = new Application().get("/", r -> Response.text(r.scheme() + " " + r.url()));
        try (WebServer server = Web.serve(app, "127.0.0.1", 0, WebOptions.defaults().withSsl(TestCertificates.server()));
             ClientSession http = Http.session(SessionOptions.defaults().withSslContext(TestCertificates.client()))) {
            assertTrue(server.url().startsWith("https://"), server.url());
            try (var r = http.get("https://localhost:" + server.port() + "/")) {
                assertEquals("https https://localhost:" + server.port() + "/", r.text());
            }
        }
    }

    @Test
    void runAppServesUntilInterruptedThenShutsDownGracefully() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        StringBuilder cleanup = new StringBuilder();
        Application app = new Application().get("/", r -> Response.text("up")).onCleanup(() -> cleanup.append("cleaned"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Thread program = new Thread(() -> {
            try {
                Web.runApp(app, "127.0.0.1", port);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "run-app");
        try {
            program.start();
            String body = Aio.run(() -> {
                for (int i = 0;; i++) {
                    try (ClientSession http = Http.session(); var r = http.get("http://127.0.0.1:" + port + "/")) {
                        return r.text();
                    } catch (java.io.IOException notYet) {
                        if (i > 200) {
                            throw notYet;
                        }
                        Aio.sleep(0.05);
                    }
                }
            });
            assertEquals("up", body);
            program.interrupt();
            program.join(Duration.ofSeconds(20).toMillis());
        } finally {
            System.setOut(original);
        }
        assertFalse(program.isAlive(), "runApp returned after the interrupt");
        assertEquals(null, failure.get());
        assertEquals("cleaned", cleanup.toString());
        assertEquals("======== Running on http://127.0.0.1:" + port + " ========\n(Press CTRL+C to quit)\n",
                printed.toString(StandardCharsets.UTF_8));
    }
}

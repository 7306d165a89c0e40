package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.Web;
import io.aio4j.http.web.WebServer;

/**
 * The HTTP server benchmark's aio4j server, in its own process: aiohttp's hello world
 * ({@code GET /} answers {@code Hello, World!}) on 127.0.0.1, a free port; prints {@code READY port}
 * and serves until killed. aiohttp.web's is {@code python/web_server.py}.
 */
public final class WebHelloServer {
    private WebHelloServer() {
    }

    public static void main(String[] args) throws Exception {
        Aio.run(() -> {
            Application app = new Application().get("/", request -> Response.text("Hello, World!"));
            WebServer server = Web.serve(app, "127.0.0.1", 0);
            System.out.println("READY " + server.port());
            System.out.flush();
            server.waitClosed();
        });
    }
}

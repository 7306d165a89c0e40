package io.aio4j.http.web;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import java.io.IOException;
import java.util.Objects;

/**
 * The front door of aio4j's HTTP server, aiohttp's {@code aiohttp.web}: an {@link Application} of
 * routes and middlewares, served on the running loop by {@link #serve} (aiohttp's
 * {@code AppRunner} + {@code TCPSite}) or as a whole program by {@link #runApp} ({@code web.run_app}).
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *     Application app = new Application().get("/", request -> Response.text("Hello, world"));
 *     Web.runApp(app, "127.0.0.1", 8080);
 * }
 * }</pre>
 *
 * HTTP/1.1 (RFC 9112) is aio4j's own, over the loop's streams and TLS: keep-alive, pipelining,
 * chunked bodies both ways, {@code 100-continue}, strict parsing (a malformed request is a 400 that
 * names the fault), limits ({@link WebOptions}: 431 for a big head, 413 for a big body) and
 * timeouts for idle, slow and stalled clients.
 */
public final class Web {
    private Web() {
    }

    /**
     * Serves {@code app} on {@code host:port} (port 0: a free one, see {@link WebServer#port()}) from
     * the running loop, with the default options; returns once it listens.
     *
     * @throws IllegalStateException outside a task
     * @apiNote asyncio: {@code runner = web.AppRunner(app); await runner.setup();
     *     await web.TCPSite(runner, host, port).start()}
     */
    public static WebServer serve(Application app, String host, int port) throws IOException {
        return serve(app, host, port, WebOptions.defaults());
    }

    /**
     * {@link #serve(Application, String, int)} with {@code options}.
     *
     * @apiNote asyncio: {@code web.AppRunner(app, ...)}, {@code web.TCPSite(runner, host, port, ...)}
     */
    public static WebServer serve(Application app, String host, int port, WebOptions options) throws IOException {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(options, "options");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0..65535: " + port);
        }
        return WebServer.start(app, host, port, options);
    }

    /**
     * Runs {@code app} as a program, as {@code web.run_app}: a loop on this thread serves it on
     * {@code host:port}, prints {@code ======== Running on http://host:port ========}, and serves
     * until the main task is cancelled (Ctrl-C, or {@code Thread.interrupt()}); then shuts down
     * gracefully and returns.
     *
     * @apiNote asyncio: {@code web.run_app(app, host=host, port=port)}
     */
    public static void runApp(Application app, String host, int port) throws Exception {
        runApp(app, host, port, WebOptions.defaults());
    }

    /**
     * {@link #runApp(Application, String, int)} with {@code options}.
     *
     * @apiNote asyncio: {@code web.run_app(app, ...)}
     */
    public static void runApp(Application app, String host, int port, WebOptions options) throws Exception {
        try {
            Aio.run(() -> {
                WebServer server = serve(app, host, port, options);
                System.out.println("======== Running on " + server.url() + " ========");
                System.out.println("(Press CTRL+C to quit)");
                try {
                    new io.aio4j.sync.Event().await();
                } finally {
                    server.shutdown(); // the cancellation was delivered: the shutdown's own waits run
                }
            });
        } catch (CancelledError e) {
            // Ctrl-C: the graceful shutdown ran; run_app returns as well
        }
    }
}

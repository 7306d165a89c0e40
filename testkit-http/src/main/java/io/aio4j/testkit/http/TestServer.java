package io.aio4j.testkit.http;

import io.aio4j.http.web.Application;
import io.aio4j.http.web.Web;
import io.aio4j.http.web.WebOptions;
import io.aio4j.http.web.WebServer;
import io.aio4j.testkit.MemoryNetwork;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * An application served for a test: aiohttp's {@code aiohttp.test_utils.TestServer}. It runs on the
 * test's own loop — an {@code @AioTest} method's, so its handlers' sleeps and timeouts are on the
 * virtual clock — either on a free loopback port ({@link #start(Application)}) or on the test kit's
 * memory network ({@link #onMemoryNetwork(Application)}: no sockets at all, deterministic delivery).
 * Closing it is the graceful shutdown, with a 5 s (loop time) limit.
 *
 * <pre>{@code
 * @AioTest
 * void hello(AioTestContext ctx) throws Exception {
 *     try (TestServer server = TestServer.start(app()); TestClient client = TestClient.of(server)) {
 *         try (var r = client.get("/")) {
 *             assertEquals("Hello, world", r.text());
 *         }
 *     }
 * }
 * }</pre>
 *
 * @apiNote asyncio: {@code aiohttp.test_utils.TestServer(app)}
 */
public final class TestServer implements AutoCloseable {
    private final WebServer server;
    private final MemoryNetwork network;

    private TestServer(WebServer server, MemoryNetwork network) {
        this.server = server;
        this.network = network;
    }

    /**
     * Serves {@code app} on 127.0.0.1, on a free port.
     *
     * @throws IllegalStateException outside a task
     */
    public static TestServer start(Application app) throws IOException {
        return start(app, WebOptions.defaults());
    }

    /** {@link #start(Application)} with {@code options}. */
    public static TestServer start(Application app, WebOptions options) throws IOException {
        return new TestServer(Web.serve(app, "127.0.0.1", 0, Objects.requireNonNull(options, "options")), null);
    }

    /**
     * Installs the test kit's memory network on the loop (see {@link MemoryNetwork#install()}) and
     * serves {@code app} on it: the loop's clients ({@code Http.session()}, a {@link TestClient})
     * reach it through memory. Closing the server uninstalls the network.
     */
    public static TestServer onMemoryNetwork(Application app) throws IOException {
        return onMemoryNetwork(app, WebOptions.defaults());
    }

    /** {@link #onMemoryNetwork(Application)} with {@code options}. */
    public static TestServer onMemoryNetwork(Application app, WebOptions options) throws IOException {
        MemoryNetwork n = MemoryNetwork.install();
        try {
            return new TestServer(Web.serve(app, "127.0.0.1", 0, options.withProvider(n.provider())), n);
        } catch (IOException | RuntimeException e) {
            n.uninstall();
            throw e;
        }
    }

    /** The memory network it serves on (to add latency or split writes), or null on loopback. */
    public MemoryNetwork network() {
        return network;
    }

    /** The running server. */
    public WebServer server() {
        return server;
    }

    /** The port. */
    public int port() {
        return server.port();
    }

    /**
     * The absolute URL of {@code path} on this server.
     *
     * @apiNote asyncio: {@code server.make_url(path)}
     */
    public String url(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with '/': " + path);
        }
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Shuts the server down gracefully (5 s at most) and uninstalls its memory network. */
    @Override
    public void close() {
        try {
            server.shutdown(Duration.ofSeconds(5));
        } finally {
            if (network != null) {
                network.uninstall();
            }
        }
    }
}

package io.aio4j.samples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The offline stand-in for the sites the seeds fetch (httpbin.org, example.com, ...): the JDK's HTTP
 * server on a free loopback port, with the same endpoints and fixed bodies, so every sample runs
 * without internet and prints the same thing every time.
 */
public final class StandIn implements AutoCloseable {
    static final String GET = "{\"args\": {}, \"headers\": {\"Host\": \"httpbin.org\"}, \"origin\": \"127.0.0.1\"}";
    static final String JSON = "{\"slideshow\": {\"author\": \"Yours Truly\", \"title\": \"Sample Slide Show\"}}";

    private final HttpServer server;

    public StandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/get", ex -> send(ex, GET));
        server.createContext("/json", ex -> send(ex, JSON));
        server.createContext("/delay/", ex -> {
            int seconds = Integer.parseInt(ex.getRequestURI().getPath().substring(7));
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, "{\"delay\": " + seconds + "}");
        });
        server.createContext("/post", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            send(ex, "{\"json\": " + body + "}");
        });
        for (String site : new String[] {"example.com", "python.org", "aiohttp.readthedocs.io"}) {
            String page = "<html><title>" + site + "</title><body>stand-in for " + site + "</body></html>";
            server.createContext("/" + site, ex -> send(ex, page));
        }
        server.start();
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** The stand-in's URL for {@code path}, e.g. {@code url("/get")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The port, for the Python twins in the tests. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.aio4j.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local stand-in for httpbin on the JDK's HTTP server, on a free port. */
final class TestHttpServer implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/get", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            String ua = ex.getRequestHeaders().getFirst("X-Test");
            send(ex, 200, "application/json", "{\"query\":\"" + (q == null ? "" : q) + "\",\"x_test\":\""
                    + (ua == null ? "" : ua) + "\",\"method\":\"" + ex.getRequestMethod() + "\"}");
        });
        server.createContext("/post", ex -> send(ex, 200, ex.getRequestHeaders().getFirst("Content-Type"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        server.createContext("/status/404", ex -> send(ex, 404, "text/plain", "not here"));
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/get?redirected=1");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/cookies/set", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=abc123; Path=/");
            send(ex, 200, "text/plain", "set");
        });
        server.createContext("/cookies/get", ex -> {
            String c = ex.getRequestHeaders().getFirst("Cookie");
            send(ex, 200, "text/plain", c == null ? "none" : c);
        });
        server.createContext("/delay", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(Long.parseLong(ex.getRequestURI().getPath().substring(7)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            send(ex, 200, "text/plain", "slept");
        });
        server.createContext("/stall-body", ex -> {
            ex.sendResponseHeaders(200, 100);
            ex.getResponseBody().write("first part".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.createContext("/bytes", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring(7));
            ex.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = ex.getResponseBody()) {
                byte[] block = new byte[8192];
                for (int sent = 0; sent < n; sent += block.length) {
                    out.write(block, 0, Math.min(block.length, n - sent));
                }
            }
        });
        server.start();
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

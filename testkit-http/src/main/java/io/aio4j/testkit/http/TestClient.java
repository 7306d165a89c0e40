package io.aio4j.testkit.http;

import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.RequestOptions;
import io.aio4j.http.Response;
import io.aio4j.http.SessionOptions;
import io.aio4j.ws.WebSocket;
import io.aio4j.ws.WebSockets;
import java.io.IOException;
import java.util.Objects;

/**
 * A client of a {@link TestServer}: aiohttp's {@code aiohttp.test_utils.TestClient}. Requests take
 * paths ({@code client.get("/users/1")}) and go through one {@link ClientSession} (its cookie jar
 * and kept-alive connections), over loopback or the server's memory network; an HTTP request in
 * flight holds the virtual clock, so a handler's {@code Aio.sleep(30)} takes no real time.
 *
 * @apiNote asyncio: {@code aiohttp.test_utils.TestClient(server)}
 */
public final class TestClient implements AutoCloseable {
    private final TestServer server;
    private final ClientSession session;

    private TestClient(TestServer server, ClientSession session) {
        this.server = server;
        this.session = session;
    }

    /** A client of {@code server} with a new session. */
    public static TestClient of(TestServer server) {
        return of(server, SessionOptions.defaults());
    }

    /** A client of {@code server} with a session of {@code options}. */
    public static TestClient of(TestServer server, SessionOptions options) {
        return new TestClient(Objects.requireNonNull(server, "server"), Http.session(options));
    }

    /** The session, for what the shortcuts do not cover. */
    public ClientSession session() {
        return session;
    }

    /** The server. */
    public TestServer server() {
        return server;
    }

    /**
     * {@code GET path}.
     *
     * @apiNote asyncio: {@code await client.get(path)}
     */
    public Response get(String path) throws IOException {
        return session.get(server.url(path));
    }

    /** {@code GET path} with {@code options}. */
    public Response get(String path, RequestOptions options) throws IOException {
        return session.get(server.url(path), options);
    }

    /**
     * {@code POST path}.
     *
     * @apiNote asyncio: {@code await client.post(path, json=...)}
     */
    public Response post(String path, RequestOptions options) throws IOException {
        return session.post(server.url(path), options);
    }

    /** {@code PUT path}. */
    public Response put(String path, RequestOptions options) throws IOException {
        return session.put(server.url(path), options);
    }

    /** {@code DELETE path}. */
    public Response delete(String path) throws IOException {
        return session.delete(server.url(path));
    }

    /**
     * Any method.
     *
     * @apiNote asyncio: {@code await client.request(method, path)}
     */
    public Response request(String method, String path, RequestOptions options) throws IOException {
        return session.request(method, server.url(path), options);
    }

    /**
     * Opens a WebSocket to {@code path}.
     *
     * @apiNote asyncio: {@code await client.ws_connect(path)}
     */
    public WebSocket wsConnect(String path) throws IOException {
        return WebSockets.connect("ws://127.0.0.1:" + server.port() + path);
    }

    /** Closes the session (not the server). */
    @Override
    public void close() {
        session.close();
    }
}

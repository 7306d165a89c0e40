package io.aio4j.http.web;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.TimeoutError;
import io.aio4j.net.IncompleteReadError;
import io.aio4j.net.LimitOverrunError;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.ws.ConnectionClosed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection of a {@link WebServer}, served in the connection's own task: read a
 * request head (within the head or keep-alive timeout), answer it through the application, finish
 * the response, and go on while both sides keep the connection alive. Requests are answered in
 * order, so pipelined requests wait in the reader's buffer.
 */
final class HttpConnection {
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** An unread request body up to this size is read and dropped to keep the connection; a bigger one closes it. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private final WebServer server;
    private final StreamReader in;
    private final StreamWriter out;
    private final SocketAddress peer;
    private final boolean secure;
    private final int high;
    private boolean idle = true;
    private boolean closeAfter;
    private boolean broken;
    private boolean upgraded;
    private boolean linger;
    private StreamResponse started;
    private Request current;

    HttpConnection(WebServer server, StreamReader in, StreamWriter out) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.peer = (SocketAddress) out.extraInfo("peername");
        this.secure = out.extraInfo("sslcontext") != null || out.extraInfo("ssl_object") != null;
        this.high = out.writeBufferLimits()[0];
    }

    WebOptions options() {
        return server.options();
    }

    WebServer server() {
        return server;
    }

    SocketAddress peer() {
        return peer;
    }

    boolean secure() {
        return secure;
    }

    StreamReader reader() {
        return in;
    }

    StreamWriter writer() {
        return out;
    }

    /** Whether the connection waits for a request (a graceful shutdown closes it then). */
    boolean idle() {
        return idle;
    }

    /** Ends an idle connection: its pending head read sees the end and the task returns. */
    void closeIdle() {
        if (idle) {
            out.close();
        }
    }

    void serve() throws Exception {
        try {
            boolean first = true;
            while (!server.shuttingDown()) {
                byte[] raw = readHead(first);
                if (raw == null) {
                    return;
                }
                first = false;
                idle = false;
                Request request;
                try {
                    RequestHead head = RequestHead.parse(raw);
                    if (head.headers().containsKey("expect") && !head.hasToken("expect", "100-continue")) {
                        throw new HttpException(417, "Expectation Failed", "unsupported Expect: " + head.header("expect"));
                    }
                    boolean continues = head.http11() && head.hasToken("expect", "100-continue");
                    request = new Request(this, head, RequestBody.of(in, head, continues ? this::sendContinue : null));
                } catch (HttpException e) {
                    refuse(e);
                    return;
                }
                if (!answer(request) || closeAfter || broken || upgraded || !finishBody(request)) {
                    return;
                }
                idle = true;
            }
        } finally {
            if (broken) {
                out.abort();
            } else if (!upgraded) {
                if (linger) {
                    linger();
                }
                out.close();
            }
        }
    }

    /**
     * Before closing on a request whose rest was not read (a refused head, a body over the limit):
     * half-close, then read and drop what the client still sends, for up to 2 s and 1 MiB. Closing
     * with unread input would reset the connection, and the reset can destroy the answer before the
     * client reads it (nginx's lingering close).
     */
    private void linger() {
        try {
            if (out.canWriteEof()) {
                out.writeEof();
            }
            Aio.waitFor(2, () -> {
                long dropped = 0;
                while (dropped < (1 << 20)) {
                    byte[] b = in.read(1 << 16);
                    if (b.length == 0) {
                        break;
                    }
                    dropped += b.length;
                }
            });
        } catch (TimeoutError | IOException e) {
            // the client keeps sending, or went away: close now
        }
    }

    /** The next request head, or null when the connection should end. */
    private byte[] readHead(boolean first) {
        idle = true;
        try {
            return Aio.waitFor(first ? server.options().requestHeadTimeout() : server.options().keepAliveTimeout(),
                    () -> in.readuntil(END_OF_HEAD));
        } catch (LimitOverrunError e) {
            refuse(new HttpException(431, "Request Header Fields Too Large",
                    "the request head is over " + in.limit() + " bytes"));
            return null;
        } catch (TimeoutError | IOException e) { // idle or too slow (slowloris), the client left, a reset
            return null;
        }
    }

    /** Answers a request the parser refused: the error, then the connection ends. */
    private void refuse(HttpException e) {
        byte[] body = e.text().getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(e.status()).append(' ').append(e.reason())
                .append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ").append(body.length)
                .append("\r\nDate: ").append(HttpDate.now()).append("\r\nServer: aio4j\r\nConnection: close\r\n");
        e.headers().forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        byte[] head = b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(head);
        out.write(body);
        linger = true;
        server.accessLog(peer, null, e.status(), body.length, System.nanoTime());
    }

    /** Runs the application on {@code request} and finishes its response; false if the connection is done. */
    private boolean answer(Request request) throws Exception {
        current = request;
        started = null;
        closeAfter = false;
        long t0 = System.nanoTime();
        StreamResponse response;
        try {
            Handler route;
            try {
                Router.Match m = server.application().router().resolve(request.method(), request.path());
                request.matchInfo(m.matchInfo());
                route = m.handler();
            } catch (HttpException e) { // 404, 405: the middlewares see it as the handler's
                route = r -> {
                    throw e;
                };
            }
            response = server.application().handle(request, route);
            if (response == null) {
                throw new IllegalStateException("the handler for " + request.method() + " " + request.path()
                        + " returned null: return a response");
            }
        } catch (HttpException e) {
            response = e.toResponse();
        } catch (CancelledError e) {
            if (started instanceof WebSocketResponse w) {
                broken = true; // a shutdown that ran out of time: the socket is aborted
                w.finish(true);
            }
            throw e;
        } catch (IOException e) {
            if (started instanceof WebSocketResponse w) {
                return endWebSocket(w, request, e);
            }
            if (broken || out.isClosing()) { // the client went away, or stalled past the send timeout
                broken = true;
                if (started instanceof WebSocketResponse w) {
                    w.finish(true);
                }
                server.accessLog(peer, request, started == null ? 499 : started.status(), started == null ? 0 : started.bodyLength(), t0);
                return false;
            }
            response = failed(request, e);
        } catch (Throwable e) {
            if (started instanceof WebSocketResponse w) {
                return endWebSocket(w, request, e);
            }
            response = failed(request, e);
        }
        if (upgraded) {
            if (response instanceof WebSocketResponse w) {
                w.finish(false);
            } else if (started instanceof WebSocketResponse w) {
                w.finish(false);
            }
            return false;
        }
        if (started != null && response != started) { // a streamed head is out; the failure cannot be told
            broken = true;
            server.accessLog(peer, request, started.status(), started.bodyLength(), t0);
            return false;
        }
        try {
            if (!response.prepared()) {
                try {
                    response.prepare(request);
                } catch (HttpException e) { // a FileResponse whose file is missing, say
                    if (started != null) {
                        throw new IllegalStateException("prepare failed after the head was sent", e);
                    }
                    response = e.toResponse();
                    response.prepare(request);
                }
            }
            if (!upgraded && !response.eof()) {
                response.writeEof();
            }
        } catch (IllegalStateException e) {
            server.report("Error finishing the response to " + request.method() + " " + request.path(), e);
            broken = true;
        } catch (IOException e) {
            broken = true; // the client went away mid-response
        }
        server.accessLog(peer, request, response.status(), response.bodyLength(), t0);
        return !broken;
    }

    /** A WebSocket handler ended by an exception: the peer closing is no error; anything else is 1011. */
    private boolean endWebSocket(WebSocketResponse w, Request request, Throwable e) {
        boolean closed = e instanceof ConnectionClosed || e instanceof UncheckedIOException u && u.getCause() instanceof ConnectionClosed;
        if (!closed) {
            server.report("Error handling WebSocket request " + request.method() + " " + request.path(), e);
        }
        w.finish(!closed);
        return false;
    }

    private StreamResponse failed(Request request, Throwable e) {
        server.report("Error handling request " + request.method() + " " + request.path(), e);
        return Response.text("500 Internal Server Error\n\nServer got itself in trouble").setStatus(500);
    }

    /**
     * Reads and drops what the handler left of the body (at most {@link #DRAIN_LIMIT}, see
     * {@link #keepAliveAfter}); false if it does not arrive within the keep-alive timeout or is bad.
     */
    private boolean finishBody(Request request) {
        RequestBody body = request.body();
        if (body.complete()) {
            return true;
        }
        try {
            Aio.waitFor(server.options().keepAliveTimeout(), () -> {
                while (!body.complete() && body.read(1 << 16) != null) {
                    // dropped
                }
            });
            return true;
        } catch (HttpException | TimeoutError | IOException e) {
            return false;
        }
    }

    /** Whether the response to {@code request} may say keep-alive. */
    boolean keepAliveAfter(Request request) {
        RequestBody body = request.body();
        if (!request.keepAlive() || server.shuttingDown() || body.failed()) {
            linger |= !body.complete() || body.failed();
            return false;
        }
        if (body.complete()) {
            return true;
        }
        boolean drainable = !body.chunked() && body.length() - body.received() <= DRAIN_LIMIT
                && !request.head().hasToken("expect", "100-continue");
        linger |= !drainable;
        return drainable;
    }

    void responseStarted(StreamResponse response, int status, boolean keepAlive) {
        started = response;
        closeAfter = !keepAlive;
        if (!keepAlive && current != null && !current.body().complete()) {
            linger = true;
        }
    }

    void upgraded() {
        upgraded = true;
    }

    private void sendContinue() {
        if (started == null) {
            out.write(CONTINUE);
        }
    }

    /** Writes {@code data}, waiting (up to the send timeout) while the client is slow to read. */
    void send(byte[] data) throws IOException {
        out.write(data);
        if (out.writeBufferSize() > high) {
            drain();
        }
    }

    void drain() throws IOException {
        if (out.writeBufferSize() <= high) {
            return;
        }
        try {
            Aio.waitFor(server.options().sendTimeout(), out::drain);
        } catch (TimeoutError e) {
            broken = true;
            out.abort();
            throw new IOException("the client read nothing for " + server.options().sendTimeout()
                    + " (sendTimeout): connection aborted", e);
        }
    }

    /** The response was cut short: the connection must not pass it off as complete. */
    void cutShort() {
        broken = true;
    }
}

package io.aio4j.ws.internal;

import io.aio4j.bridge.Suspend;
import io.aio4j.ws.ConnectionClosed;
import io.aio4j.ws.Message;
import io.aio4j.ws.WebSocket;
import io.ktor.client.HttpClient;
import io.ktor.client.HttpClientKt;
import io.ktor.client.engine.cio.CIO;
import io.ktor.client.plugins.websocket.BuildersKt;
import io.ktor.websocket.CloseReason;
import io.ktor.websocket.DefaultWebSocketSession;
import io.ktor.websocket.Frame;
import io.ktor.websocket.FrameCommonKt;
import io.ktor.websocket.WebSocketSessionKt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import kotlin.Unit;
import kotlinx.coroutines.channels.ClosedReceiveChannelException;
import kotlinx.coroutines.channels.ClosedSendChannelException;

/** A WebSocket over a Ktor {@link DefaultWebSocketSession}. */
public final class WebSocketImpl implements WebSocket {
    private static HttpClient client;

    private final DefaultWebSocketSession session;
    private volatile CloseReason closed;

    private final io.aio4j.ws.HandshakeRequest request;

    WebSocketImpl(DefaultWebSocketSession session, io.aio4j.ws.HandshakeRequest request) {
        this.session = session;
        this.request = request;
    }

    @Override
    public io.aio4j.ws.HandshakeRequest request() {
        return request;
    }

    private static synchronized HttpClient client() {
        if (client == null) {
            client = HttpClientKt.HttpClient(CIO.INSTANCE, cfg -> {
                cfg.install(io.ktor.client.plugins.websocket.WebSockets.Plugin, c -> Unit.INSTANCE);
                return Unit.INSTANCE;
            });
        }
        return client;
    }

    /**
     * Ktor's {@code webSocketSession} runs the handshake in a coroutine of the shared client, which a
     * cancelled caller does not stop: the connection would be made, and kept, for nobody. The request
     * runs under the builder's own Job ({@code executionContext}), which is cancelled when the connect
     * fails or is cancelled — also just after the session arrived — so a cancelled connect opens nothing.
     */
    public static WebSocket connect(String uri) throws IOException {
        io.aio4j.internal.TaskImpl.current("WebSockets.connect");
        kotlinx.coroutines.Job[] life = new kotlinx.coroutines.Job[1];
        DefaultWebSocketSession s;
        try {
            s = Suspend.call(k -> BuildersKt.webSocketSession(client(), uri, b -> {
                life[0] = b.getExecutionContext(); // the request's Job: the connection's lifetime is under it
                return Unit.INSTANCE;
            }, k));
        } catch (Throwable e) {
            if (life[0] != null) {
                life[0].cancel(null);
            }
            throw e;
        }
        java.net.URI u = java.net.URI.create(uri);
        String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return new WebSocketImpl(s, new io.aio4j.ws.HandshakeRequest(path, java.util.Map.of("host", java.util.List.of(
                u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())))));
    }

    @Override
    public void send(String text) throws IOException {
        send(new Frame.Text(text));
    }

    @Override
    public void send(byte[] data) throws IOException {
        send(new Frame.Binary(true, data.clone()));
    }

    private void send(Frame f) throws IOException {
        try {
            Suspend.<Unit>call(k -> session.getOutgoing().send(f, k));
        } catch (io.aio4j.CancelledError e) {
            if (ownCancel()) {
                throw e;
            }
            throw closedError(); // Ktor cancelled the session's channel: the connection is closed
        } catch (Exception e) {
            if (e instanceof ClosedSendChannelException) {
                throw closedError();
            }
            throw rethrow(e);
        }
    }

    /** Whether the current task is being cancelled (a CancelledError is then its own, not Ktor's). */
    private static boolean ownCancel() {
        io.aio4j.Task<?> t = io.aio4j.Aio.currentTask();
        return t != null && t.cancelling() > 0;
    }

    @Override
    public void ping(byte[] data) throws IOException {
        send(new Frame.Ping(data.clone()));
    }

    @Override
    public Message recv() throws IOException {
        for (;;) {
            Frame f;
            try {
                f = Suspend.call(session.getIncoming()::receive);
            } catch (io.aio4j.CancelledError e) {
                if (ownCancel()) {
                    throw e;
                }
                throw closedError();
            } catch (Exception e) {
                if (e instanceof ClosedReceiveChannelException) {
                    throw closedError();
                }
                if (e instanceof io.ktor.websocket.ProtocolViolationException
                        || e instanceof io.ktor.websocket.FrameTooBigException) {
                    throw closedError(); // the session closes with 1002 / 1009: ConnectionClosed says which
                }
                throw rethrow(e);
            }
            if (f instanceof Frame.Text t) {
                return new Message.Text(FrameCommonKt.readText(t));
            }
            if (f instanceof Frame.Binary b) {
                return new Message.Binary(b.getData());
            }
            // control frames are handled by the session
        }
    }

    private ConnectionClosed closedError() {
        CloseReason r = closeReasonOrAbnormal();
        return new ConnectionClosed(r.getCode(), r.getMessage());
    }

    private CloseReason closeReasonOrAbnormal() {
        CloseReason r = closed;
        if (r == null) {
            try {
                r = Suspend.call(session.getCloseReason()::await);
            } catch (Exception | io.aio4j.CancelledError e) {
                if (e instanceof io.aio4j.CancelledError c && ownCancel()) {
                    throw c;
                }
                r = null;
            }
            if (r == null) {
                r = new CloseReason((short) 1006, "the connection dropped without a close handshake");
            }
            closed = r;
        }
        return r;
    }

    private static IOException rethrow(Exception e) throws IOException {
        if (e instanceof IOException io) {
            throw io;
        }
        throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(e);
    }

    @Override
    public void close(int code, String reason) throws IOException {
        if (closed != null) {
            return;
        }
        try {
            Suspend.<Unit>call(k -> WebSocketSessionKt.close(session, new CloseReason((short) code, reason), k));
        } catch (io.aio4j.CancelledError e) {
            if (ownCancel()) {
                throw e;
            }
            // the session was already gone: closed
        } catch (Exception e) {
            if (!(e instanceof ClosedSendChannelException)) {
                throw rethrow(e);
            }
        }
        closed = new CloseReason((short) code, reason);
    }

    @Override
    public void close() {
        try {
            close(1000, "");
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public int closeCode() {
        CloseReason r = closed;
        return r == null ? -1 : r.getCode();
    }

    @Override
    public String closeReason() {
        CloseReason r = closed;
        return r == null ? null : r.getMessage();
    }

    @Override
    public Iterator<Message> iterator() {
        return new Iterator<>() {
            private Message next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = recv();
                    } catch (ConnectionClosed c) {
                        if (!c.ok()) {
                            throw new UncheckedIOException(c);
                        }
                        done = true; // async for ends on a normal close
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return !done;
            }

            @Override
            public Message next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the WebSocket is closed");
                }
                Message m = next;
                next = null;
                return m;
            }
        };
    }

    void terminate() {
        session.terminate();
    }

    @Override
    public String toString() {
        return "<WebSocket " + (closed == null ? "open" : "closed " + closed.getCode()) + ">";
    }
}

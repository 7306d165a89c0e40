package io.aio4j.ws.internal;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.TimerHandle;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.sync.Event;
import io.aio4j.ws.ConnectionClosed;
import io.aio4j.ws.HandshakeRequest;
import io.aio4j.ws.Message;
import io.aio4j.ws.PongWaiter;
import io.aio4j.ws.WebSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;

/**
 * One WebSocket connection over an aio4j stream: the RFC 6455 protocol as the websockets library runs
 * it. A reader task parses frames, answers pings, queues messages (up to {@code maxQueue}, then it
 * stops reading) and runs the closing handshake; the server closes TCP first (half-close where the
 * transport can), the client waits for that EOF, each within {@code closeTimeout}.
 *
 * <p>Loop-confined: every method runs in a task of the loop that opened the connection.
 */
public final class WebSocketImpl implements WebSocket {
    private enum State { OPEN, CLOSING, CLOSED }

    private final boolean client;
    private final StreamReader in;
    private final StreamWriter out;
    private final Settings settings;
    private final PerMessageDeflate deflate;
    private final String subprotocol;
    private final HandshakeRequest request;
    private final EventLoop loop;
    private final Event closed = new Event();
    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private final LinkedHashMap<ByteBuffer, Pong> pings = new LinkedHashMap<>();
    private final Task<Void> reader;
    private final Task<Void> keepalive;

    private State state = State.OPEN;
    private int rcvdCode = -1;
    private String rcvdReason;
    private int sentCode = -1;
    private String sentReason;
    private Waiter recvWaiter;
    private Waiter readerWaiter;
    private TimerHandle closeTimer;

    WebSocketImpl(boolean client, StreamReader in, StreamWriter out, Settings settings, PerMessageDeflate deflate,
            String subprotocol, HandshakeRequest request) {
        this.client = client;
        this.in = in;
        this.out = out;
        this.settings = settings;
        this.deflate = deflate;
        this.subprotocol = subprotocol;
        this.request = request;
        this.loop = Aio.getRunningLoop();
        this.reader = Aio.createTask("websocket reader", this::readFrames);
        this.keepalive = settings.pingInterval() == null ? null : Aio.createTask("websocket keepalive", this::keepAlive);
    }

    @Override
    public HandshakeRequest request() {
        return request;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    // ---- sending -------------------------------------------------------------------------------

    @Override
    public void send(String text) throws IOException {
        byte[] payload = Utf8.encode(text);
        sendMessage(Frames.TEXT, payload);
    }

    @Override
    public void send(byte[] data) throws IOException {
        sendMessage(Frames.BINARY, data.clone());
    }

    private void sendMessage(int opcode, byte[] payload) throws IOException {
        checkOpen();
        boolean compressed = deflate != null && deflate.compresses();
        writeFrame(opcode, compressed, compressed ? deflate.compress(payload) : payload);
        try {
            out.drain();
        } catch (IOException e) {
            throw closedError(); // the connection dropped under the write
        }
    }

    private void checkOpen() throws ConnectionClosed {
        if (state != State.OPEN) {
            throw closedError();
        }
    }

    /** Writes one whole frame, unless the transport is already going away. */
    private void writeFrame(int opcode, boolean rsv1, byte[] payload) {
        if (!out.isClosing()) {
            out.write(Frames.encode(opcode, rsv1, payload, client));
        }
    }

    @Override
    public PongWaiter ping(byte[] data) throws IOException {
        checkOpen();
        byte[] payload = data == null ? java.nio.ByteBuffer.allocate(4).putInt(java.util.concurrent.ThreadLocalRandom.current().nextInt()).array()
                : data.clone();
        if (payload.length > 125) {
            throw new IllegalArgumentException("a ping carries at most 125 bytes: " + payload.length);
        }
        ByteBuffer key = ByteBuffer.wrap(payload);
        if (pings.containsKey(key)) {
            throw new IllegalStateException("already waiting for a pong with the same data");
        }
        Pong p = new Pong(loop.time());
        pings.put(key, p);
        writeFrame(Frames.PING, false, payload);
        try {
            out.drain();
        } catch (IOException e) {
            throw closedError();
        }
        return p;
    }

    /** A pong answers its ping and every earlier one (websockets: pongs may be coalesced). */
    private void pongArrived(byte[] payload) {
        ByteBuffer key = ByteBuffer.wrap(payload);
        if (!pings.containsKey(key)) {
            return; // unsolicited: allowed as a heartbeat (RFC 6455 5.5.3)
        }
        double now = loop.time();
        for (Iterator<java.util.Map.Entry<ByteBuffer, Pong>> it = pings.entrySet().iterator(); it.hasNext(); ) {
            java.util.Map.Entry<ByteBuffer, Pong> e = it.next();
            it.remove();
            e.getValue().arrived(now);
            if (e.getKey().equals(key)) {
                break;
            }
        }
    }

    private Void keepAlive() throws Exception {
        for (;;) {
            Aio.sleep(settings.pingInterval());
            if (state != State.OPEN) {
                return null;
            }
            PongWaiter p;
            try {
                p = ping(null);
                Aio.timeout(settings.pingTimeout(), p::await);
            } catch (io.aio4j.TimeoutError e) {
                close(1011, "keepalive ping timeout");
                return null;
            } catch (ConnectionClosed e) {
                return null;
            }
        }
    }

    // ---- receiving -----------------------------------------------------------------------------

    @Override
    public Message recv() throws IOException {
        if (recvWaiter != null) {
            throw new IllegalStateException("recv() is already waiting in another task (websockets: ConcurrencyError)");
        }
        for (;;) {
            Message m = messages.poll();
            if (m != null) {
                if (readerWaiter != null && messages.size() < settings.maxQueue()) {
                    readerWaiter.wake();
                }
                return m;
            }
            if (state == State.CLOSED) {
                throw closedError();
            }
            Waiter w = new Waiter();
            recvWaiter = w;
            try {
                w.await("WebSocket.recv");
            } finally {
                recvWaiter = null;
            }
        }
    }

    /** The reader task: frames until the close handshake, a protocol error or the connection's end. */
    private Void readFrames() {
        ByteArrayOutputStream fragments = null;
        int fragmentOpcode = 0;
        boolean fragmentCompressed = false;
        try {
            for (;;) {
                long room = settings.maxSize() - (fragments == null ? 0 : fragments.size());
                Frames.Frame f = Frames.read(in, !client, room, deflate != null);
                switch (f.opcode()) {
                    case Frames.TEXT, Frames.BINARY -> {
                        if (fragments != null) {
                            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "expected a continuation frame");
                        }
                        if (f.fin()) {
                            deliver(f.opcode(), f.rsv1(), f.payload());
                        } else {
                            fragments = new ByteArrayOutputStream();
                            fragments.write(f.payload());
                            fragmentOpcode = f.opcode();
                            fragmentCompressed = f.rsv1();
                        }
                    }
                    case Frames.CONT -> {
                        if (fragments == null) {
                            throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "unexpected continuation frame");
                        }
                        fragments.write(f.payload());
                        if (f.fin()) {
                            byte[] whole = fragments.toByteArray();
                            fragments = null;
                            deliver(fragmentOpcode, fragmentCompressed, whole);
                        }
                    }
                    case Frames.PING -> {
                        if (state == State.OPEN) {
                            writeFrame(Frames.PONG, false, f.payload());
                        }
                    }
                    case Frames.PONG -> pongArrived(f.payload());
                    default -> { // CLOSE
                        closeReceived(f.payload());
                        return null;
                    }
                }
            }
        } catch (ProtocolError e) {
            fail(e.code, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            // the connection dropped (EOF or reset mid-frame): no close frame, 1006
        } catch (CancelledError e) {
            out.abort(); // the loop is going away, or the close timed out
        } finally {
            finish();
        }
        return null;
    }

    private void deliver(int opcode, boolean compressed, byte[] payload) throws ProtocolError {
        if (compressed) {
            payload = deflate.decompress(payload, settings.maxSize());
        }
        Message m = opcode == Frames.TEXT ? new Message.Text(Utf8.decode(payload)) : new Message.Binary(payload);
        if (state != State.OPEN) {
            return; // this side is closing: what still comes is dropped (websockets: the same)
        }
        messages.add(m);
        if (recvWaiter != null) {
            recvWaiter.wake();
        }
        while (messages.size() >= settings.maxQueue() && state == State.OPEN) {
            Waiter w = new Waiter(); // pause reading until recv() makes room: TCP pushes back on the peer
            readerWaiter = w;
            try {
                w.await("WebSocket reader");
            } finally {
                readerWaiter = null;
            }
        }
    }

    /** The peer's close frame: record it, echo it if this side had not closed, then end the TCP connection. */
    private void closeReceived(byte[] payload) throws IOException {
        int code;
        String reason;
        if (payload.length == 0) {
            code = 1005;
            reason = "";
        } else {
            try {
                if (payload.length == 1) {
                    throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "close frame too short");
                }
                code = (payload[0] & 0xff) << 8 | (payload[1] & 0xff);
                if (!Frames.validCloseCode(code)) {
                    throw new ProtocolError(ProtocolError.PROTOCOL_ERROR, "invalid close code: " + code);
                }
                reason = Utf8.decode(java.util.Arrays.copyOfRange(payload, 2, payload.length));
            } catch (ProtocolError e) {
                fail(e.code, e.getMessage());
                return;
            }
        }
        rcvdCode = code;
        rcvdReason = reason;
        if (state == State.OPEN) {
            sentCode = code;
            sentReason = reason;
            writeFrame(Frames.CLOSE, false, payload); // the echo (RFC 6455 5.5.1)
            startClosing();
        }
        endTcp();
    }

    /** Fails the connection (RFC 6455 7.1.7): a close frame with {@code code} if none was sent, then TCP's end. */
    private void fail(int code, String reason) {
        if (state == State.OPEN) {
            sentCode = code;
            sentReason = reason;
            writeFrame(Frames.CLOSE, false, Frames.closePayload(code, reason));
            startClosing();
        }
        try {
            endTcp();
        } catch (IOException e) {
            // gone already
        }
    }

    /**
     * After the close frames: the server half-closes (or, on TLS, closes) first; both then read and
     * drop whatever comes until the peer's EOF (the close timer bounds the wait).
     */
    private void endTcp() throws IOException {
        if (!client) {
            if (out.canWriteEof()) {
                out.writeEof();
            } else {
                out.close();
            }
        }
        while (in.read(64 * 1024).length > 0) {
            // dropped
        }
    }

    private void startClosing() {
        state = State.CLOSING;
        if (readerWaiter != null) {
            readerWaiter.wake();
        }
        closeTimer = loop.callLater(settings.closeTimeout(), () -> {
            if (state != State.CLOSED) {
                out.abort(); // the peer did not finish the closing handshake in time
            }
        });
    }

    private void finish() {
        state = State.CLOSED;
        if (closeTimer != null) {
            closeTimer.cancel();
        }
        out.close();
        if (recvWaiter != null) {
            recvWaiter.wake();
        }
        ConnectionClosed e = closedError();
        for (Pong p : pings.values()) {
            p.fail(e);
        }
        pings.clear();
        if (keepalive != null) {
            keepalive.cancel();
        }
        if (deflate != null) {
            deflate.end();
        }
        closed.set();
    }

    private ConnectionClosed closedError() {
        return new ConnectionClosed(rcvdCode < 0 ? 1006 : rcvdCode, rcvdReason, sentCode, sentReason);
    }

    // ---- closing -------------------------------------------------------------------------------

    @Override
    public void close(int code, String reason) throws IOException {
        if (!Frames.validCloseCode(code)) {
            throw new IllegalArgumentException("invalid close code (1000-1003, 1007-1014, 3000-4999): " + code);
        }
        if (Utf8.encode(reason).length > 123) {
            throw new IllegalArgumentException("a close reason is at most 123 UTF-8 bytes: "
                    + Utf8.encode(reason).length + " in \"" + reason + "\"");
        }
        startClose(code, reason);
        closed.await();
    }

    /** Sends the close frame if the connection is open and lets the reader finish the handshake. */
    void startClose(int code, String reason) {
        if (state == State.OPEN) {
            sentCode = code;
            sentReason = reason;
            writeFrame(Frames.CLOSE, false, Frames.closePayload(code, reason));
            startClosing();
        }
    }

    @Override
    public void close() {
        try {
            close(1000, "");
        } catch (IOException e) {
            // closed anyway
        }
    }

    /** Drops the connection now (no handshake). */
    void abort() {
        out.abort();
    }

    /** Waits until the connection is closed. */
    void waitClosed() {
        closed.await();
    }

    @Override
    public int closeCode() {
        return state != State.CLOSED ? -1 : rcvdCode < 0 ? 1006 : rcvdCode;
    }

    @Override
    public String closeReason() {
        return state != State.CLOSED ? null : rcvdReason == null ? "" : rcvdReason;
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

    @Override
    public String toString() {
        return "<WebSocket " + (client ? "client " : "server ") + state.name().toLowerCase(java.util.Locale.ROOT)
                + (state == State.CLOSED ? " " + closeCode() : "") + ">";
    }
}

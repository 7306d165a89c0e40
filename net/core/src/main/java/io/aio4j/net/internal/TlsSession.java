package io.aio4j.net.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over a stream transport with the JDK's {@link SSLEngine}: asyncio's {@code sslproto}. The
 * transport hands it ciphertext as it arrives and plaintext to send; it hands back ciphertext to
 * send and plaintext (and EOF) for the reader. Called holding the transport's lock.
 */
final class TlsSession {
    /** Where a session's output goes. */
    interface Sink {
        void sendCipher(ByteBuffer data) throws IOException;

        void deliver(byte[] data, int off, int len);

        void deliverEof();

        void handshakeDone();
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** The {@code extraInfo} names a TLS connection answers ({@link #info}). */
    static final java.util.Set<String> KEYS = java.util.Set.of("sslcontext", "ssl_object", "cipher", "peercert");

    final SSLEngine engine;
    private final javax.net.ssl.SSLContext context;
    private final Sink sink;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private final ArrayDeque<ByteBuffer> plainOut = new ArrayDeque<>();
    private boolean handshaking = true;
    private boolean inboundDone;

    TlsSession(javax.net.ssl.SSLContext context, SSLEngine engine, Sink sink) {
        this.context = context;
        this.engine = engine;
        this.sink = sink;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /**
     * An engine for one side of a connection. A client verifies the server's certificate and, when
     * {@code serverHostname} is given, its name (asyncio's {@code check_hostname}; an IP literal against
     * the certificate's IP addresses, and no SNI for it); a server asks for a client certificate as
     * {@code clientAuth} says.
     */
    static SSLEngine engine(javax.net.ssl.SSLContext context, String serverHostname, boolean asServer,
            io.aio4j.net.ClientAuth clientAuth) {
        if (asServer) {
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            switch (clientAuth) {
                case REQUEST -> engine.setWantClientAuth(true);
                case REQUIRE -> engine.setNeedClientAuth(true);
                default -> engine.setWantClientAuth(false);
            }
            return engine;
        }
        SSLEngine engine = serverHostname != null ? context.createSSLEngine(serverHostname, -1) : context.createSSLEngine();
        engine.setUseClientMode(true);
        javax.net.ssl.SSLParameters p = engine.getSSLParameters();
        if (serverHostname != null) {
            p.setEndpointIdentificationAlgorithm("HTTPS"); // asyncio: check_hostname=True
            if (!Connector.isIpLiteral(serverHostname)) {
                p.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(serverHostname)));
            }
        }
        engine.setSSLParameters(p);
        return engine;
    }

    /** asyncio's TLS {@code get_extra_info} keys ({@link #KEYS}); null for another name. */
    Object info(String name) {
        return switch (name) {
            case "sslcontext" -> context;
            case "ssl_object" -> engine;
            case "cipher" -> engine.getSession().getCipherSuite();
            case "peercert" -> peerCertificate();
            default -> null;
        };
    }

    /** The peer's certificate ({@code extraInfo("peercert")}), or null if it sent none. */
    private Object peerCertificate() {
        try {
            java.security.cert.Certificate[] chain = engine.getSession().getPeerCertificates();
            return chain.length > 0 ? chain[0] : null;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    void begin() throws IOException {
        engine.beginHandshake();
        step();
    }

    boolean handshaking() {
        return handshaking;
    }

    /** Room for ciphertext read from the socket; call {@link #step()} after filling it. */
    ByteBuffer netInSpace() {
        if (!netIn.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        return netIn;
    }

    /** Drives the engine until it needs more input from the peer. */
    void step() throws IOException {
        for (int guard = 0; guard < 10_000; guard++) {
            SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
            switch (hs) {
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run(); // certificate checks: short and CPU-bound, as asyncio runs them inline
                    }
                }
                case NEED_WRAP -> {
                    if (!wrapOnce(EMPTY) && engine.isOutboundDone()) {
                        return;
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!unwrapOnce()) {
                        return;
                    }
                }
                default -> { // NOT_HANDSHAKING
                    if (handshaking) {
                        handshaking = false;
                        sink.handshakeDone();
                        flushPlain();
                    }
                    if (!unwrapOnce()) {
                        return;
                    }
                }
            }
        }
        throw new SSLException("TLS engine made no progress");
    }

    /** One unwrap of buffered ciphertext; false when more input is needed (or the peer closed). */
    private boolean unwrapOnce() throws IOException {
        if (inboundDone) {
            return false;
        }
        netIn.flip();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        deliverAppIn();
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW:
                return false;
            case BUFFER_OVERFLOW:
                ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() * 2);
                appIn.flip();
                bigger.put(appIn);
                appIn = bigger;
                return true;
            case CLOSED:
                inboundDone = true; // the peer's close_notify
                sink.deliverEof();
                if (!engine.isOutboundDone()) {
                    close();
                }
                return false;
            default:
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0
                        || r.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
        }
    }

    private void deliverAppIn() {
        if (appIn.position() > 0) {
            appIn.flip();
            sink.deliver(appIn.array(), appIn.arrayOffset() + appIn.position(), appIn.remaining());
            appIn.clear();
        }
    }

    /** One wrap of {@code src}; false if it produced nothing. */
    private boolean wrapOnce(ByteBuffer src) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        for (;;) {
            SSLEngineResult r = engine.wrap(src, out);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                out = ByteBuffer.allocate(out.capacity() * 2);
                continue;
            }
            out.flip();
            if (out.hasRemaining()) {
                sink.sendCipher(out);
                return true;
            }
            return false;
        }
    }

    /** Plaintext to send: encrypted now, or after the handshake. */
    void write(byte[] data, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(java.util.Arrays.copyOfRange(data, off, off + len));
        if (handshaking) {
            plainOut.add(src);
            return;
        }
        wrapAll(src);
    }

    private void flushPlain() throws IOException {
        ByteBuffer src;
        while ((src = plainOut.pollFirst()) != null) {
            wrapAll(src);
        }
    }

    private void wrapAll(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            wrapOnce(src);
            if (engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                step(); // a key update or renegotiation
            }
        }
    }

    /** Sends close_notify. */
    void close() throws IOException {
        engine.closeOutbound();
        while (!engine.isOutboundDone()) {
            if (!wrapOnce(EMPTY)) {
                break;
            }
        }
    }
}

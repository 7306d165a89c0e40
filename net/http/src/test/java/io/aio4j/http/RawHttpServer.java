package io.aio4j.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A raw HTTP/1.1 server for tests of bad and edge-case responses: each request on a connection
 * (keep-alive) gets what {@code reply} writes, byte for byte; counts the connections it accepted.
 */
final class RawHttpServer implements AutoCloseable {
    /** Writes the response to {@code request} (its request line and headers); false closes the connection. */
    @FunctionalInterface
    interface Reply {
        boolean write(String request, OutputStream out) throws IOException;
    }

    private final ServerSocket ss;
    final AtomicInteger connections = new AtomicInteger();

    RawHttpServer(Reply reply) throws IOException {
        this(null, reply);
    }

    RawHttpServer(SSLContext tls, Reply reply) throws IOException {
        this(tls, null, reply);
    }

    /** A TLS server that speaks only {@code protocols} (e.g. "TLSv1.3"). */
    RawHttpServer(SSLContext tls, String[] protocols, Reply reply) throws IOException {
        ss = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        if (protocols != null) {
            ((javax.net.ssl.SSLServerSocket) ss).setEnabledProtocols(protocols);
        }
        Thread.ofPlatform().daemon().name("raw-http").start(() -> {
            while (!ss.isClosed()) {
                Socket s;
                try {
                    s = ss.accept();
                } catch (IOException e) {
                    return;
                }
                connections.incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> serve(s, reply));
            }
        });
    }

    private static void serve(Socket s, Reply reply) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (;;) {
                String request = readHead(in);
                if (request == null) {
                    return;
                }
                boolean keep = reply.write(request, out);
                out.flush();
                if (!keep) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The request line and headers, or null at EOF; a body (Content-Length) is read and dropped. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) != -1; ) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String h = head.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String line : h.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        in.readNBytes(Integer.parseInt(line.substring(15).trim()));
                    }
                }
                return h;
            }
        }
        return null;
    }

    String url(String path) {
        return "http://127.0.0.1:" + ss.getLocalPort() + path;
    }

    int port() {
        return ss.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        ss.close();
    }
}

package io.aio4j.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.AsyncIterable;
import io.aio4j.TimeoutError;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streamed and multipart bodies, per-request timeouts and redirects, and HTTP proxies (plain and CONNECT). */
class RequestFeaturesTest {

    @Test
    void aStreamedBodyIsSentChunkedAsItIsProduced() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session()) {
            Aio.run(() -> {
                AsyncIterable<byte[]> chunks = Aio.generator(out -> {
                    for (int i = 0; i < 5; i++) {
                        Aio.sleep(0.001); // produced over time, in a task
                        out.yield(("part" + i + ";").getBytes(US_ASCII));
                    }
                });
                try (Response r = session.post(srv.url("/post"), RequestOptions.none().withBody(chunks, "text/plain"))) {
                    assertEquals("part0;part1;part2;part3;part4;", r.text());
                }
            });
        }
    }

    @Test
    void aMultipartBodyCarriesFieldsAndFiles() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session()) {
            Aio.run(() -> {
                FormData form = new FormData().add("title", "holiday").add("photo", new byte[] {1, 2, 3}, "beach.jpg", "image/jpeg");
                try (Response r = session.post(srv.url("/post"), RequestOptions.none().withMultipart(form))) {
                    String body = r.text();
                    assertTrue(r.header("content-type").startsWith("multipart/form-data; boundary="), r.header("content-type"));
                    assertTrue(body.contains("Content-Disposition: form-data; name=\"title\"\r\n\r\nholiday\r\n"), body);
                    assertTrue(body.contains("name=\"photo\"; filename=\"beach.jpg\"\r\nContent-Type: image/jpeg"), body);
                }
            });
        }
    }

    @Test
    void aRequestsOwnTimeoutAndRedirectPolicyWinOverTheSessions() throws Exception {
        try (TestHttpServer srv = new TestHttpServer(); ClientSession session = Http.session()) {
            Aio.run(() -> {
                TimeoutError e = assertThrows(TimeoutError.class, () -> session.get(srv.url("/delay/2000"),
                        RequestOptions.none().withTotalTimeout(Duration.ofMillis(100))));
                assertTrue(e.getMessage().contains("100 ms"), e.getMessage());
                try (Response r = session.get(srv.url("/redirect"), RequestOptions.none().withFollowRedirects(false))) {
                    assertEquals(302, r.status());
                }
            });
        }
        try (RawHttpServer loop = new RawHttpServer((req, out) -> {
            out.write("HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n".getBytes(US_ASCII));
            return true;
        }); ClientSession session = Http.session()) {
            Aio.run(() -> {
                TooManyRedirects e = assertThrows(TooManyRedirects.class,
                        () -> session.get(loop.url("/"), RequestOptions.none().withMaxRedirects(3)));
                assertEquals(3, e.history().size());
            });
        }
    }

    /**
     * A minimal HTTP proxy on aio4j's own server: absolute-form requests are forwarded (one per
     * connection), CONNECT opens a tunnel. Records each request line it got.
     */
    private static Server proxy(List<String> seen, String requiredAuth) throws Exception {
        return Net.startServer((in, out) -> {
            String head = new String(in.readuntil("\r\n\r\n".getBytes(ISO_8859_1)), ISO_8859_1);
            String line = head.substring(0, head.indexOf("\r\n"));
            seen.add(line);
            if (requiredAuth != null && !head.contains("Proxy-Authorization: " + requiredAuth)) {
                out.write("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n".getBytes(ISO_8859_1));
                out.close();
                return;
            }
            String[] parts = line.split(" ");
            Connection up;
            if (parts[0].equals("CONNECT")) {
                String[] hp = parts[1].split(":");
                up = Net.openConnection(hp[0], Integer.parseInt(hp[1]));
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(ISO_8859_1));
            } else {
                java.net.URI u = java.net.URI.create(parts[1]);
                up = Net.openConnection(u.getHost(), u.getPort());
                String rest = head.substring(head.indexOf("\r\n"));
                String target = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                up.writer().write((parts[0] + " " + target + " HTTP/1.1" + rest.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))
                        .getBytes(ISO_8859_1));
            }
            io.aio4j.Task<Void> toServer = Aio.createTask(() -> pipe(in, up.writer()));
            pipe(up.reader(), out);
            toServer.cancel();
            up.close();
            out.close();
        }, "127.0.0.1", 0);
    }

    private static void pipe(StreamReader from, StreamWriter to) throws Exception {
        for (byte[] b; (b = from.read(65536)).length > 0; ) {
            to.write(b);
            to.drain();
        }
    }

    @Test
    void plainAndTunnelledRequestsGoThroughAProxyWithItsCredentials() throws Exception {
        var cert = io.aio4j.testkit.TestCertificates.custom("dns:localhost,ip:127.0.0.1");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (TestHttpServer plain = new TestHttpServer();
             RawHttpServer tls = new RawHttpServer(cert.server(), (req, out) -> {
                 out.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret".getBytes(US_ASCII));
                 return true;
             })) {
            Aio.run(() -> {
                Server p = proxy(seen, "Basic dXNlcjpwYXNz"); // user:pass
                String proxyUrl = "http://user:pass@127.0.0.1:" + p.port();
                try (ClientSession session = Http.session(SessionOptions.defaults().withProxy(proxyUrl).withSslContext(cert.client()))) {
                    try (Response r = session.get(plain.url("/get?x=1"))) {
                        assertTrue(r.text().contains("\"query\":\"x=1\""), r.text());
                    }
                    try (Response r = session.get("https://127.0.0.1:" + tls.port() + "/hidden")) {
                        assertEquals("secret", r.text()); // end-to-end TLS through the tunnel
                    }
                }
                try (ClientSession session = Http.session()) { // no credentials: the proxy refuses the tunnel
                    ClientHttpProxyError e = assertThrows(ClientHttpProxyError.class, () -> session.get(
                            "https://127.0.0.1:" + tls.port() + "/", RequestOptions.none().withProxy("http://127.0.0.1:" + p.port())));
                    assertEquals(407, e.status());
                }
                p.close();
            });
        }
        assertEquals("GET " + "http://127.0.0.1:", seen.get(0).substring(0, 21));
        assertTrue(seen.get(1).startsWith("CONNECT 127.0.0.1:"), seen.toString());
        assertThrows(IllegalArgumentException.class, () -> SessionOptions.defaults().withProxy("socks5://127.0.0.1:1080"));
    }
}

package io.aio4j.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What a client must never do: return a body cut short as whole, or trust the wrong certificate. */
class ClientIntegrityTest {

    private static byte[] head(String status, String... headers) {
        return ("HTTP/1.1 " + status + "\r\n" + String.join("\r\n", headers) + "\r\n\r\n").getBytes(US_ASCII);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAPayloadError() throws Exception {
        // aiohttp: ClientPayloadError("Response payload is not completed")
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            out.write(head("200 OK", "Content-Length: 100000", "Content-Type: application/octet-stream"));
            out.write(new byte[50_000]);
            return false; // and close: 50,000 bytes short
        }); ClientSession session = Http.session()) {
            Aio.run(() -> {
                // the error comes with the body, or with the response when the engine noticed first
                ClientPayloadError e = assertThrows(ClientPayloadError.class, () -> {
                    try (Response r = session.get(srv.url("/"))) {
                        r.bytes();
                    }
                });
                assertTrue(e.getMessage().contains("not completed"), e.getMessage());
            });
        }
    }

    @Test
    void aChunkedBodyCutBeforeItsLastChunkIsAPayloadError() throws Exception {
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            out.write(head("200 OK", "Transfer-Encoding: chunked"));
            out.write("5\r\nhello\r\n".getBytes(US_ASCII)); // no 0-length chunk: cut
            return false;
        }); ClientSession session = Http.session()) {
            Aio.run(() -> assertThrows(ClientPayloadError.class, () -> {
                try (Response r = session.get(srv.url("/"))) {
                    r.text();
                }
            }));
        }
    }

    @Test
    void sequentialRequestsReuseOneKeptAliveConnection() throws Exception {
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            out.write(head("200 OK", "Content-Length: 2", "Content-Type: text/plain"));
            out.write("ok".getBytes(US_ASCII));
            return true;
        }); ClientSession session = Http.session()) {
            Aio.run(() -> {
                for (int i = 0; i < 20; i++) {
                    try (Response r = session.get(srv.url("/" + i))) {
                        assertEquals("ok", r.text());
                    }
                }
            });
            assertEquals(1, srv.connections.get(), "connections opened for 20 sequential requests");
        }
    }

    @Test
    void anIpLiteralIsCheckedAgainstTheCertificatesIpAddressesNotItsReverseName() throws Exception {
        // a certificate whose only name is DNS:localhost must not be accepted for https://127.0.0.1
        var dnsOnly = io.aio4j.testkit.TestCertificates.custom("dns:localhost");
        try (RawHttpServer srv = new RawHttpServer(dnsOnly.server(), (req, out) -> {
            out.write(head("200 OK", "Content-Length: 2"));
            out.write("ok".getBytes(US_ASCII));
            return false;
        }); ClientSession session = Http.session(SessionOptions.defaults().withSslContext(dnsOnly.client()))) {
            Aio.run(() -> {
                IOException e = assertThrows(IOException.class, () -> session.get("https://127.0.0.1:" + srv.port() + "/"));
                assertTrue(String.valueOf(e).toLowerCase().contains("certificate")
                        || String.valueOf(e).toLowerCase().contains("subject alternative"), String.valueOf(e));
                // and by its name it is fine
                try (Response r = session.get("https://localhost:" + srv.port() + "/")) {
                    assertEquals("ok", r.text());
                }
            });
        }
    }

    private static IOException badResponse(byte[] response, java.time.Duration total) throws Exception {
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            out.write(response);
            out.flush();
            if (total != null) { // an endless chunked body
                for (;;) {
                    out.write("1\r\nx\r\n".getBytes(US_ASCII));
                    out.flush();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return false;
                    }
                }
            }
            return false;
        }); ClientSession session = Http.session(total == null ? SessionOptions.defaults()
                : SessionOptions.defaults().withTotalTimeout(total))) {
            return Aio.run(() -> {
                try (Response r = session.get(srv.url("/"))) {
                    r.bytes();
                    throw new AssertionError("a bad response was read as a good one: " + r);
                } catch (IOException e) {
                    return e; // an I/O error: catch (Exception) sees it, and the task is not cancelling
                }
            });
        }
    }

    @Test
    void badResponsesAreIoErrorsNeverCancellationsOrShortBodies() throws Exception {
        assertTrue(badResponse(head("200 OK", "Content-Length: -5"), null) != null);
        assertTrue(badResponse(head("200 OK", "Content-Length: 99999999999999999999999"), null) != null);
        byte[] badChunk = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n").getBytes(US_ASCII);
        assertTrue(badResponse(badChunk, null) != null);
    }

    @Test
    void anEndlessBodyEndsInTimeoutErrorAtTheTotalTimeout() throws Exception {
        io.aio4j.TimeoutError e = assertThrows(io.aio4j.TimeoutError.class, () -> badResponse(
                head("200 OK", "Transfer-Encoding: chunked"), java.time.Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("GET"), e.getMessage());
    }

    /** A server whose replies depend on the request line: redirects, and what a request arrived as. */
    private static RawHttpServer redirecting() throws IOException {
        return new RawHttpServer((req, out) -> {
            String line = req.substring(0, req.indexOf("\r\n"));
            String[] parts = line.split(" ");
            String method = parts[0];
            String path = parts[1];
            int length = 0;
            for (String h : req.split("\r\n")) {
                if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            if (path.startsWith("/to/")) { // /to/302/b: a 302 to /b
                String[] p = path.split("/");
                out.write(head(p[2] + " Moved", "Location: /" + p[3], "Content-Length: 0"));
            } else if (path.startsWith("/loop")) {
                out.write(head("302 Found", "Location: /loop", "Content-Length: 0"));
            } else {
                byte[] body = (method + " " + path + " " + length).getBytes(US_ASCII);
                out.write(head("200 OK", "Content-Length: " + body.length, "Content-Type: text/plain"));
                out.write(body);
            }
            return true;
        });
    }

    @Test
    void redirectsAreFollowedAsAiohttpDoes() throws Exception {
        // aiohttp: 303, and 301/302 after a POST, go on as GET without the body; 307/308 repeat both
        try (RawHttpServer srv = redirecting(); ClientSession session = Http.session()) {
            Aio.run(() -> {
                RequestOptions body = RequestOptions.none().withBody("abc");
                for (String[] c : new String[][] {{"302", "GET /b 0"}, {"301", "GET /b 0"}, {"303", "GET /b 0"},
                        {"307", "POST /b 3"}, {"308", "POST /b 3"}}) {
                    try (Response r = session.post(srv.url("/to/" + c[0] + "/b"), body)) {
                        assertEquals(c[1], r.text(), "after a " + c[0]);
                        assertEquals(1, r.history().size());
                        assertEquals(Integer.parseInt(c[0]), r.history().get(0).status());
                    }
                }
                try (Response r = session.get(srv.url("/to/302/b"))) {
                    assertEquals("GET /b 0", r.text());
                }
                TooManyRedirects e = assertThrows(TooManyRedirects.class, () -> session.get(srv.url("/loop")));
                assertEquals(10, e.history().size()); // aiohttp: len(history) >= max_redirects (10)
                assertEquals(302, e.status());
            });
            assertEquals(1, srv.connections.get(), "redirects reuse the kept-alive connection");
        }
    }

    private static byte[] compress(String how, byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream z = how.equals("gzip") ? new java.util.zip.GZIPOutputStream(out)
                : new java.util.zip.DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void compressedBodiesAreAskedForAndDecodedAndACutOneIsAPayloadError() throws Exception {
        byte[] text = "hello, compressed world\n".repeat(2000).getBytes(US_ASCII);
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            boolean asked = req.toLowerCase(java.util.Locale.ROOT).contains("accept-encoding: gzip, deflate");
            String how = req.contains("/gzip") ? "gzip" : "deflate";
            byte[] body = compress(how, text);
            if (req.contains("/cut")) {
                body = java.util.Arrays.copyOf(body, body.length / 2);
            }
            out.write(head("200 OK", "Content-Encoding: " + how, "Content-Length: " + body.length,
                    "X-Asked: " + asked));
            out.write(body);
            return true;
        }); ClientSession session = Http.session()) {
            Aio.run(() -> {
                for (String how : new String[] {"gzip", "deflate"}) {
                    try (Response r = session.get(srv.url("/" + how))) {
                        assertEquals("true", r.header("X-Asked"));
                        assertEquals(new String(text, US_ASCII), r.text(), how);
                    }
                }
                try (Response r = session.get(srv.url("/gzip/cut"))) {
                    assertThrows(ClientPayloadError.class, r::bytes);
                }
            });
        }
    }

    @Test
    void jsonChecksTheContentTypeAndTextFindsItsCharset() throws Exception {
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            byte[] body;
            String type;
            if (req.contains("/html")) {
                body = "{\"a\": 1}".getBytes(US_ASCII);
                type = "text/html";
            } else if (req.contains("/latin")) {
                body = "caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); // not UTF-8
                type = "text/plain";
            } else {
                body = "{\"a\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                type = "application/vnd.api+json";
            }
            out.write(head("200 OK", "Content-Type: " + type, "Content-Length: " + body.length));
            out.write(body);
            return true;
        }); ClientSession session = Http.session()) {
            Aio.run(() -> {
                try (Response r = session.get(srv.url("/html"))) {
                    ContentTypeError e = assertThrows(ContentTypeError.class, r::json);
                    assertTrue(e.getMessage().contains("Attempt to decode JSON with unexpected mimetype: text/html"), e.getMessage());
                    assertEquals(1, r.json((String) null).get("a").asInt()); // aiohttp: json(content_type=None)
                }
                try (Response r = session.get(srv.url("/json"))) {
                    assertEquals("caf\u00e9", r.json().get("a").asText()); // +json is JSON, and JSON is UTF-8
                }
                try (Response r = session.get(srv.url("/latin"))) {
                    assertEquals("caf\u00e9", r.text()); // no charset, not UTF-8: windows-1252
                }
            });
        }
    }

    @Test
    void aTls13OnlyServerIsReachableAndAPrivateCaIsTrustedPerSession() throws Exception {
        var cert = io.aio4j.testkit.TestCertificates.custom("dns:localhost,ip:127.0.0.1");
        try (RawHttpServer srv = new RawHttpServer(cert.server(), new String[] {"TLSv1.3"}, (req, out) -> {
            out.write(head("200 OK", "Content-Length: 2"));
            out.write("ok".getBytes(US_ASCII));
            return false;
        }); ClientSession session = Http.session(SessionOptions.defaults().withSslContext(cert.client()))) {
            Aio.run(() -> {
                try (Response r = session.get("https://127.0.0.1:" + srv.port() + "/")) {
                    assertEquals("ok", r.text());
                }
            });
        }
    }
}

package io.aio4j.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.net.ClientAuth;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** TLS 1.2 and 1.3 for clients and servers, with the JDK's SSLSocket as the independent peer. */
class TlsTest {
    static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        for (byte[] line : reader) {
            writer.write(line);
            writer.drain();
        }
    }


    /** A JDK TLS echo server for one connection, limited to {@code protocol} (null: any). */
    static SSLServerSocket jdkTlsEcho(String protocol) throws Exception {
        SSLServerSocket ss = (SSLServerSocket) TestCertificates.server().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        if (protocol != null) {
            ss.setEnabledProtocols(new String[] {protocol});
        }
        Thread.ofPlatform().daemon().start(() -> {
            try (ss; Socket s = ss.accept()) {
                s.getInputStream().transferTo(s.getOutputStream());
            } catch (IOException e) {
                // the test sees the effect
            }
        });
        return ss;
    }

    @Test
    void aClientSpeaksTls13AndTls12ToAJdkServer() throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            SSLServerSocket ss = jdkTlsEcho(protocol);
            Aio.run(() -> {
                Connection c = Net.openConnection("localhost", ss.getLocalPort(),
                        ConnectOptions.defaults().withSsl(TestCertificates.client()));
                javax.net.ssl.SSLEngine engine = (javax.net.ssl.SSLEngine) c.writer().extraInfo("ssl_object");
                assertEquals(protocol, engine.getSession().getProtocol());
                assertTrue(((String) c.writer().extraInfo("cipher")).startsWith("TLS_"));
                c.writer().write("secret\n".getBytes(UTF_8));
                assertEquals("secret\n", new String(c.reader().readline(), UTF_8));
                byte[] big = new byte[1_000_000];
                new java.util.Random(1).nextBytes(big);
                aio4jWriteAndReadBack(c, big);
                c.close();
                c.writer().waitClosed();
            });
        }
    }

    private static void aio4jWriteAndReadBack(Connection c, byte[] big) throws Exception {
        var reading = Aio.createTask(() -> c.reader().readexactly(big.length));
        c.writer().write(big);
        c.writer().drain();
        assertArrayEquals(big, reading.await());
    }

    @Test
    void aTlsServerServesAJdkClient() throws Exception {
        Aio.run(() -> {
            Server server = Net.startServer(TlsTest::echo, "127.0.0.1", 0,
                    ServerOptions.defaults().withSsl(TestCertificates.server()));
            String reply = Aio.toThread(() -> {
                try (SSLSocket s = (SSLSocket) TestCertificates.client().getSocketFactory().createSocket("127.0.0.1", server.port())) {
                    javax.net.ssl.SSLParameters p = s.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    s.setSSLParameters(p);
                    s.getOutputStream().write("over tls\n".getBytes(UTF_8));
                    return new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8)).readLine();
                }
            });
            assertEquals("over tls", reply);
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aWrongHostNameFailsTheHandshake() throws Exception {
        SSLServerSocket ss = jdkTlsEcho(null);
        Aio.run(() -> {
            SSLException e = assertThrows(SSLException.class, () -> Net.openConnection("127.0.0.1", ss.getLocalPort(),
                    ConnectOptions.defaults().withSsl(TestCertificates.client()).withServerHostname("wrong.example.com")));
            assertTrue(e.getMessage().toLowerCase().contains("no name matching")
                    || e.getMessage().toLowerCase().contains("certificate"), e.getMessage());
        });
    }

    @Test
    void anUntrustedCertificateIsRejectedByDefault() throws Exception {
        SSLServerSocket ss = jdkTlsEcho(null);
        Aio.run(() -> {
            SSLException e = assertThrows(SSLException.class, () -> Net.openConnection("localhost", ss.getLocalPort(),
                    ConnectOptions.defaults().withTls()));
            assertTrue(e.getMessage().contains("PKIX") || e.getMessage().contains("certif"), e.getMessage());
        });
    }

    @Test
    void startTlsUpgradesAPlainConnection() throws Exception {
        ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try (plain; Socket s = plain.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8));
                OutputStream out = s.getOutputStream();
                if ("STARTTLS".equals(in.readLine())) {
                    out.write("OK\n".getBytes(UTF_8));
                    out.flush();
                    SSLSocket tls = (SSLSocket) TestCertificates.server().getSocketFactory().createSocket(s, "localhost", s.getPort(), true);
                    tls.setUseClientMode(false);
                    String line = new BufferedReader(new InputStreamReader(tls.getInputStream(), UTF_8)).readLine();
                    tls.getOutputStream().write(("tls " + line + "\n").getBytes(UTF_8));
                    tls.getOutputStream().flush();
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                // the test sees the effect
            }
        });
        Aio.run(() -> {
            Connection c = Net.openConnection("127.0.0.1", plain.getLocalPort());
            c.writer().write("STARTTLS\n".getBytes(UTF_8));
            assertEquals("OK\n", new String(c.reader().readline(), UTF_8));
            c.writer().startTls(TestCertificates.client(), "localhost");
            assertInstanceOf(java.security.cert.X509Certificate.class, c.writer().extraInfo("peercert"));
            c.writer().write("hello\n".getBytes(UTF_8));
            assertEquals("tls hello\n", new String(c.reader().readline(), UTF_8));
            c.close();
        });
    }

    @Test
    void aServerRequiringClientCertificatesSeesThePeerCertificate() throws Exception {
        Aio.run(() -> {
            Server server = Net.startServer((r, w) -> {
                Object cert = w.extraInfo("peercert");
                w.write((cert instanceof java.security.cert.X509Certificate x ? x.getSubjectX500Principal().getName() : "none")
                        .getBytes(UTF_8));
                w.write("\n".getBytes(UTF_8));
                w.drain();
                w.close();
            }, "127.0.0.1", 0, ServerOptions.defaults().withSsl(TestCertificates.mutual()).withClientAuth(ClientAuth.REQUIRE));
            try (Connection c = Net.openConnection("127.0.0.1", server.port(),
                    ConnectOptions.defaults().withSsl(TestCertificates.mutual()).withServerHostname("localhost"))) {
                String subject = new String(c.reader().readline(), UTF_8);
                assertTrue(subject.contains("CN="), subject);
                assertNotNull(c.writer().extraInfo("peercert"), "the client sees the server's certificate");
                assertFalse(c.writer().canWriteEof(), "TLS has no half-close");
                assertThrows(UnsupportedOperationException.class, () -> c.writer().writeEof());
            }
            // a client without a certificate fails the handshake, or sees the connection end at once
            assertThrows(IOException.class, () -> {
                try (Connection c = Net.openConnection("127.0.0.1", server.port(),
                        ConnectOptions.defaults().withSsl(TestCertificates.client()).withServerHostname("localhost"))) {
                    byte[] line = c.reader().readline();
                    if (line.length == 0) {
                        throw new IOException("closed by the server");
                    }
                }
            });
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aServerRequestingClientCertificatesAcceptsAClientWithout() throws Exception {
        Aio.run(() -> {
            Server server = Net.startServer((r, w) -> {
                w.write((w.extraInfo("peercert") == null ? "none\n" : "cert\n").getBytes(UTF_8));
                w.drain();
                w.close();
            }, "127.0.0.1", 0, ServerOptions.defaults().withSsl(TestCertificates.mutual()).withClientAuth(ClientAuth.REQUEST));
            try (Connection c = Net.openConnection("127.0.0.1", server.port(),
                    ConnectOptions.defaults().withSsl(TestCertificates.client()).withServerHostname("localhost"))) {
                assertEquals("none\n", new String(c.reader().readline(), UTF_8));
            }
            server.close();
            server.waitClosed();
        });
    }
}

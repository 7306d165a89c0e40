package io.aio4j.testkit;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for tests: one self-signed certificate for {@code localhost} and {@code 127.0.0.1} (an EC key,
 * valid for two days), made once per JVM with the JDK's {@code keytool}, and the {@link SSLContext}s
 * that present or trust it.
 *
 * {@snippet :
 * Server server = Net.startServer(handler, "127.0.0.1", 0,
 *         ServerOptions.defaults().withSsl(TestCertificates.server()));
 * Connection c = Net.openConnection("127.0.0.1", server.port(),
 *         ConnectOptions.defaults().withSsl(TestCertificates.client()).withServerHostname("localhost"));
 * }
 *
 * @apiNote asyncio: none (CPython's test suite ships its certificates as files); OkHttp's
 *     {@code HeldCertificate}
 */
public final class TestCertificates {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static KeyStore keyStore;

    private TestCertificates() {
    }

    /** The key store holding the certificate and its key (alias {@code test}, password {@code changeit}). */
    public static synchronized KeyStore keyStore() throws Exception {
        if (keyStore == null) {
            keyStore = generate("dns:localhost,ip:127.0.0.1");
        }
        return keyStore;
    }

    /**
     * A certificate of its own, with exactly the subject alternative names {@code sans} (keytool's
     * syntax: {@code "dns:localhost"}, {@code "ip:127.0.0.1"}): for tests of name checks.
     */
    public record Custom(SSLContext server, SSLContext client) {
    }

    /** {@link Custom}: a new self-signed certificate for {@code sans}, with its server and client contexts. */
    public static Custom custom(String sans) throws Exception {
        KeyStore ks = generate(sans);
        return new Custom(serverContext(ks), clientContext(ks));
    }

    private static KeyStore generate(String sans) throws Exception {
        Path dir = Files.createTempDirectory("aio4j-tls");
        Path ks = dir.resolve("test.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        java.lang.Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "test", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=" + sans,
                "-validity", "2", "-keystore", ks.toString(), "-storepass", "changeit", "-storetype", "PKCS12")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore k = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            k.load(in, PASSWORD);
        }
        Files.delete(ks);
        Files.delete(dir);
        return k;
    }

    private static SSLContext serverContext(KeyStore ks) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static SSLContext clientContext(KeyStore ks) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A context presenting the test certificate. */
    public static SSLContext server() throws Exception {
        return serverContext(keyStore());
    }

    /** A context trusting the test certificate (and nothing else). */
    public static SSLContext client() throws Exception {
        return clientContext(keyStore());
    }

    /** A context presenting the test certificate and trusting it: both ends of mutual TLS. */
    public static SSLContext mutual() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(), PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keyStore());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}

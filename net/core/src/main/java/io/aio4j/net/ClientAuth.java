package io.aio4j.net;

/**
 * Whether a TLS server asks its clients for a certificate ({@link ServerOptions#withClientAuth}).
 * The certificate a client presented is the connection's {@code extraInfo("peercert")}.
 *
 * @apiNote asyncio: the server {@code SSLContext}'s {@code verify_mode}: {@code CERT_NONE},
 *     {@code CERT_OPTIONAL}, {@code CERT_REQUIRED}
 */
public enum ClientAuth {
    /** No client certificate is asked for (the default). */
    NONE,
    /** A client certificate is asked for; a client without one is still accepted. */
    REQUEST,
    /** A client without a certificate the server's trust managers accept fails the handshake. */
    REQUIRE
}

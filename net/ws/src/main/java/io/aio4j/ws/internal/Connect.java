package io.aio4j.ws.internal;

import io.aio4j.Aio;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.ws.HandshakeRequest;
import io.aio4j.ws.WebSocket;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The client's side of the opening: the URI, the TCP (and TLS) connection, the upgrade request. */
public final class Connect {
    private Connect() {
    }

    /**
     * Connects to a {@code ws://} or {@code wss://} URI within the open timeout.
     *
     * @throws IllegalArgumentException for a URI that is not a WebSocket URI (websockets: {@code InvalidURI})
     */
    public static WebSocket connect(String uri, Settings settings) throws IOException {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a WebSocket URI: " + uri + " (" + e.getReason() + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || u.getHost() == null) {
            throw new IllegalArgumentException("not a WebSocket URI (ws://host[:port]/path or wss://...): " + uri);
        }
        if (u.getRawFragment() != null) {
            throw new IllegalArgumentException("a WebSocket URI has no fragment (RFC 6455 3): " + uri);
        }
        boolean tls = scheme.equals("wss");
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        int port = u.getPort() < 0 ? (tls ? 443 : 80) : u.getPort();
        String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        String key = Handshake.newKey();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        add(headers, "Host", u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + port);
        add(headers, "Upgrade", "websocket");
        add(headers, "Connection", "Upgrade");
        add(headers, "Sec-WebSocket-Key", key);
        add(headers, "Sec-WebSocket-Version", "13");
        if (settings.compression()) {
            add(headers, "Sec-WebSocket-Extensions", PerMessageDeflate.CLIENT_OFFER);
        }
        if (!settings.subprotocols().isEmpty()) {
            add(headers, "Sec-WebSocket-Protocol", String.join(", ", settings.subprotocols()));
        }
        if (settings.origin() != null) {
            add(headers, "Origin", settings.origin());
        }
        boolean agent = false;
        for (Map.Entry<String, String> h : settings.headers()) {
            add(headers, h.getKey(), h.getValue());
            agent |= h.getKey().equalsIgnoreCase("user-agent");
        }
        if (!agent) {
            add(headers, "User-Agent", "aio4j-ws");
        }
        HandshakeRequest request = new HandshakeRequest(path, lowerCased(headers));
        byte[] requestBytes = Handshake.request(new HandshakeRequest(path, headers));
        ConnectOptions co = ConnectOptions.defaults();
        if (tls) {
            co = (settings.ssl() == null ? co.withTls() : co.withSsl(settings.ssl())).withServerHostname(host);
        }
        ConnectOptions options = co;
        return Aio.waitFor(settings.openTimeout(), () -> {
            Connection c = Net.openConnection(host, port, options);
            try {
                c.writer().write(requestBytes);
                c.writer().drain();
                Handshake.Accepted a = Handshake.checkResponse(Handshake.readHead(c.reader()), key,
                        settings.subprotocols(), settings.compression());
                return new WebSocketImpl(true, c.reader(), c.writer(), settings, a.deflate(), a.subprotocol(), request);
            } catch (Throwable e) {
                c.writer().abort(); // a failed or cancelled opening leaves nothing open
                throw e;
            }
        });
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        headers.forEach((k, v) -> m.computeIfAbsent(k.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(v));
        return m;
    }
}

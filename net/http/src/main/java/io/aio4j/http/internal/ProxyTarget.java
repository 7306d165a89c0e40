package io.aio4j.http.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An HTTP proxy: where it listens, and the {@code Proxy-Authorization} its URL's user info asks for (or null). */
public record ProxyTarget(String url, String host, int port, String authorization) {

    /** @throws IllegalArgumentException unless {@code url} is an {@code http://} URL with a host */
    public static ProxyTarget of(String url) {
        URI u;
        try {
            u = new URI(java.util.Objects.requireNonNull(url, "proxy"));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a valid proxy URL: " + url + " (" + e.getReason() + ")");
        }
        if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("a proxy is an http:// URL with a host (as aiohttp's): " + url);
        }
        String auth = null;
        if (u.getRawUserInfo() != null) {
            auth = "Basic " + Base64.getEncoder().encodeToString(URLDecoder.decode(u.getRawUserInfo(), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8));
        }
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        return new ProxyTarget(url, host, u.getPort() < 0 ? 80 : u.getPort(), auth);
    }

    /** What the pool keys the proxied connections by. */
    String key() {
        return host + ":" + port;
    }
}

package io.aio4j.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a request goes: an absolute {@code http://} or {@code https://} URL taken apart for the
 * connection ({@link #host}, {@link #port}, {@link #tls}), the {@code Host} header and the request target.
 */
record Target(String url, boolean tls, String host, int port, String hostHeader, String pathAndQuery) {

    /** The absolute form, for a request through a proxy: scheme, host header, path and query. */
    String absolute() {
        return (tls ? "https://" : "http://") + hostHeader + pathAndQuery;
    }

    /** The pool's key: one set of kept-alive connections per scheme, host and port. */
    String origin() {
        return (tls ? "https://" : "http://") + hostHeader;
    }

    /** @throws IllegalArgumentException naming the URL, for one that is not absolute http(s) */
    static Target of(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + url + " (" + e.getReason() + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http:// or https:// URL: " + url);
        }
        boolean tls = scheme.equals("https");
        String host = u.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = u.getPort() < 0 ? (tls ? 443 : 80) : u.getPort();
        String hostHeader = u.getPort() < 0 || port == (tls ? 443 : 80) ? host : host + ":" + port;
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        return new Target(url, tls, bare, port, hostHeader, path + query);
    }
}

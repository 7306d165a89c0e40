package io.aio4j.http.web;

import java.time.Duration;
import java.util.Objects;

/**
 * A cookie a response sets ({@link StreamResponse#setCookie(Cookie)}), with its attributes
 * (RFC 6265): built by {@link #of(String, String)} and the {@code with} methods.
 *
 * @param name the name: an HTTP token
 * @param value the value: cookie-octets only (no space, {@code "}, {@code ,}, {@code ;} or {@code \})
 * @param path the {@code Path} attribute, or null
 * @param domain the {@code Domain} attribute, or null
 * @param maxAge the {@code Max-Age} attribute, or null (a session cookie)
 * @param secure the {@code Secure} flag
 * @param httpOnly the {@code HttpOnly} flag
 * @param sameSite the {@code SameSite} attribute ({@code Strict}, {@code Lax} or {@code None}), or null
 * @apiNote asyncio: the arguments of aiohttp's {@code response.set_cookie(name, value, path=..., ...)}
 */
public record Cookie(String name, String value, String path, String domain, Duration maxAge, boolean secure,
        boolean httpOnly, String sameSite) {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException for a name that is not a token, a value with characters a
     *     cookie may not hold, or an unknown SameSite
     */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!RequestHead.isToken(name)) {
            throw new IllegalArgumentException("a cookie's name is an HTTP token: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("a cookie's value holds no space, '\"', ',', ';', '\\' or "
                        + "control/non-ASCII characters (RFC 6265 cookie-octet): " + value);
            }
        }
        if (sameSite != null && !(sameSite.equals("Strict") || sameSite.equals("Lax") || sameSite.equals("None"))) {
            throw new IllegalArgumentException("SameSite is Strict, Lax or None: " + sameSite);
        }
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("a cookie's Max-Age is not negative: " + maxAge);
        }
    }

    /** A session cookie with {@code Path=/}. */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, "/", null, null, false, false, null);
    }

    /** This cookie with {@code Path=path}. */
    public Cookie withPath(String path) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** This cookie with {@code Domain=domain}. */
    public Cookie withDomain(String domain) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** This cookie with {@code Max-Age} (whole seconds). */
    public Cookie withMaxAge(Duration maxAge) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** This cookie with the {@code Secure} flag. */
    public Cookie withSecure(boolean secure) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** This cookie with the {@code HttpOnly} flag. */
    public Cookie withHttpOnly(boolean httpOnly) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** This cookie with {@code SameSite}. */
    public Cookie withSameSite(String sameSite) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** The {@code Set-Cookie} header value. */
    String header() {
        StringBuilder b = new StringBuilder(name).append('=').append(value);
        if (domain != null) {
            b.append("; Domain=").append(domain);
        }
        if (maxAge != null) {
            b.append("; Max-Age=").append(maxAge.toSeconds());
        }
        if (path != null) {
            b.append("; Path=").append(path);
        }
        if (sameSite != null) {
            b.append("; SameSite=").append(sameSite);
        }
        if (secure) {
            b.append("; Secure");
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        return b.toString();
    }
}

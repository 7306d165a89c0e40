package io.aio4j.ws.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What both {@code ClientOptions} and {@code ServeOptions} hold, with the websockets library's
 * defaults; each public options class shows the part that applies to its side.
 */
public record Settings(int maxSize, int maxQueue, boolean compression, List<String> subprotocols,
        List<Map.Entry<String, String>> headers, String origin, List<String> origins, SSLContext ssl,
        Duration openTimeout, Duration closeTimeout, Duration pingInterval, Duration pingTimeout) {

    public static final Settings DEFAULTS = new Settings(1 << 20, 16, true, List.of(), List.of(), null, null, null,
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(20));

    public Settings {
        subprotocols = List.copyOf(subprotocols);
        headers = List.copyOf(headers);
        origins = origins == null ? null : List.copyOf(origins);
    }

    public Settings withMaxSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1 byte: " + bytes);
        }
        return new Settings(bytes, maxQueue, compression, subprotocols, headers, origin, origins, ssl, openTimeout,
                closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withMaxQueue(int messages) {
        if (messages < 1) {
            throw new IllegalArgumentException("maxQueue must be at least 1 message: " + messages);
        }
        return new Settings(maxSize, messages, compression, subprotocols, headers, origin, origins, ssl, openTimeout,
                closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withCompression(boolean on) {
        return new Settings(maxSize, maxQueue, on, subprotocols, headers, origin, origins, ssl, openTimeout,
                closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withSubprotocols(List<String> names) {
        for (String n : names) {
            if (n == null || n.isEmpty() || !n.chars().allMatch(c -> c > 0x20 && c < 0x7f && ",;\"()<>@:/[]?={}\\".indexOf(c) < 0)) {
                throw new IllegalArgumentException("a subprotocol is an HTTP token (RFC 6455 4.1): \"" + n + "\"");
            }
        }
        return new Settings(maxSize, maxQueue, compression, names, headers, origin, origins, ssl, openTimeout,
                closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withHeader(String name, String value) {
        Objects.requireNonNull(value, "value");
        if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an HTTP header is a token name and a one-line value: " + name + ": " + value);
        }
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new Settings(maxSize, maxQueue, compression, subprotocols, h, origin, origins, ssl, openTimeout,
                closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withOrigin(String o) {
        return new Settings(maxSize, maxQueue, compression, subprotocols, headers, o, origins, ssl, openTimeout,
                closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withOrigins(List<String> allowed) {
        return new Settings(maxSize, maxQueue, compression, subprotocols, headers, origin, allowed, ssl, openTimeout,
                closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withSsl(SSLContext context) {
        return new Settings(maxSize, maxQueue, compression, subprotocols, headers, origin, origins,
                Objects.requireNonNull(context, "context"), openTimeout, closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withOpenTimeout(Duration d) {
        return new Settings(maxSize, maxQueue, compression, subprotocols, headers, origin, origins, ssl,
                positive("openTimeout", d), closeTimeout, pingInterval, pingTimeout);
    }

    public Settings withCloseTimeout(Duration d) {
        return new Settings(maxSize, maxQueue, compression, subprotocols, headers, origin, origins, ssl, openTimeout,
                positive("closeTimeout", d), pingInterval, pingTimeout);
    }

    /** Keepalive pings every {@code interval} (null: none), each to be answered within {@code timeout}. */
    public Settings withPing(Duration interval, Duration timeout) {
        return new Settings(maxSize, maxQueue, compression, subprotocols, headers, origin, origins, ssl, openTimeout,
                closeTimeout, interval == null ? null : positive("pingInterval", interval), positive("pingTimeout", timeout));
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }
}

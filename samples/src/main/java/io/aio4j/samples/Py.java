package io.aio4j.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Printing values the way Python's {@code print} does, so that ports print the same lines. */
public final class Py {
    private Py() {
    }

    /** {@code print(value)} of what Python's {@code json.loads} returns: {@code {'key': 'value'}}. */
    public static String repr(JsonNode n) {
        if (n.isObject()) {
            StringBuilder b = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(str(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            return b.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < n.size(); i++) {
                b.append(i > 0 ? ", " : "").append(repr(n.get(i)));
            }
            return b.append(']').toString();
        }
        if (n.isTextual()) {
            return str(n.asText());
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? "True" : "False";
        }
        return n.isNull() ? "None" : n.toString();
    }

    private static String str(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** {@code print(list_of_str)}: {@code ['a', 'b']}. */
    public static String repr(List<String> strings) {
        return strings.stream().map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code print(addr)} of a socket address: {@code ('127.0.0.1', 54321)}. */
    public static String repr(java.net.SocketAddress address) {
        if (address instanceof java.net.InetSocketAddress a) {
            return "(" + str(a.getAddress().getHostAddress()) + ", " + a.getPort() + ")";
        }
        return String.valueOf(address);
    }

    /** {@code repr(bytes_or_str)} of a string: {@code 'text'}, with Python's escapes for newlines. */
    public static String repr(String s) {
        return str(s).replace("\n", "\\n");
    }
}

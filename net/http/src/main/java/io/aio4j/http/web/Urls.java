package io.aio4j.http.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Percent-decoding of paths and forms, and header parameters ({@code charset=...}). */
final class Urls {
    private Urls() {
    }

    /** {@code raw} with its %XX escapes decoded as UTF-8 ('+' stays '+'); a bad escape is a 400. */
    static String decodePath(String raw) {
        return raw.indexOf('%') < 0 ? raw : decode(raw, false);
    }

    private static String decode(String s, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                if (lo < 0) {
                    throw HttpException.badRequest("Bad Request: invalid percent-escape in " + (s.length() > 60 ? s.substring(0, 60) : s));
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code a=1&b=2&a=3} as names with their values in order (also a query string). */
    static Map<String, List<String>> parseForm(String s) {
        if (s.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            m.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(m);
    }

    /** The parameter {@code name} of a header value such as {@code text/html; charset=utf-8}, or null. */
    static String parameter(String header, String name) {
        if (header == null) {
            return null;
        }
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }
}

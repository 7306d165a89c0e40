package io.aio4j.http.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * aiohttp's {@code UrlDispatcher}: routes by method and path, with aiohttp's patterns — a fixed path,
 * {@code {name}} for one segment ({@code [^{}/]+}) and {@code {name:regex}} for a custom one — and
 * static directories. A path that no route matches is a 404; a path matched for other methods is a
 * 405 with an {@code Allow} header. A {@code GET} route answers {@code HEAD} too.
 */
final class Router {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::((?:[^{}]|\\{[^{}]*\\})+))?\\}");

    /** A resolved request: the handler and the path's variables. */
    record Match(Handler handler, Map<String, String> matchInfo) {}

    private record Dynamic(String pattern, Pattern regex, List<String> names, Map<String, Handler> byMethod) {}

    private final Map<String, Map<String, Handler>> fixed = new HashMap<>();
    private final List<Dynamic> dynamic = new ArrayList<>();
    private final Map<String, Dynamic> dynamicByPattern = new HashMap<>();
    private final Map<String, StaticFiles> statics = new LinkedHashMap<>();

    void add(String method, String path, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(path, "path");
        String m = Objects.requireNonNull(method, "method");
        if (!m.equals("*") && !RequestHead.isToken(m)) {
            throw new IllegalArgumentException("an HTTP method is a token (or \"*\" for any): " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with '/': " + path);
        }
        Map<String, Handler> byMethod;
        if (path.indexOf('{') < 0) {
            byMethod = fixed.computeIfAbsent(path, p -> new LinkedHashMap<>());
        } else {
            Dynamic d = dynamicByPattern.get(path);
            if (d == null) {
                d = compile(path);
                dynamic.add(d);
                dynamicByPattern.put(path, d);
            }
            byMethod = d.byMethod();
        }
        if (byMethod.containsKey(m)) {
            throw new IllegalArgumentException("a route for " + m + " " + path + " exists already");
        }
        byMethod.put(m, handler);
    }

    void addStatic(String prefix, Path directory, boolean showIndex) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("a static route's prefix starts with '/': " + prefix);
        }
        statics.put(p, new StaticFiles(p, directory, showIndex));
    }

    private static Dynamic compile(String path) {
        StringBuilder re = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher v = VARIABLE.matcher(path);
        int at = 0;
        while (v.find()) {
            String literal = path.substring(at, v.start());
            if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
                throw new IllegalArgumentException("invalid variable in route " + path + ": " + literal);
            }
            re.append(Pattern.quote(literal));
            if (names.contains(v.group(1))) {
                throw new IllegalArgumentException("route " + path + " names {" + v.group(1) + "} twice");
            }
            names.add(v.group(1));
            String custom = v.group(2);
            try {
                re.append("(").append(custom == null ? "[^{}/]+" : Pattern.compile(custom).pattern()).append(")");
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regex in route " + path + ": " + custom, e);
            }
            at = v.end();
        }
        String rest = path.substring(at);
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("invalid variable in route " + path + ": " + rest);
        }
        re.append(Pattern.quote(rest));
        return new Dynamic(path, Pattern.compile(re.toString()), names, new LinkedHashMap<>());
    }

    /**
     * The route for {@code method} and the (decoded) {@code path}.
     *
     * @throws HttpException 404 or 405
     */
    Match resolve(String method, String path) {
        Set<String> allowed = new LinkedHashSet<>();
        Map<String, Handler> f = fixed.get(path);
        if (f != null) {
            Handler h = pick(f, method, allowed);
            if (h != null) {
                return new Match(h, Map.of());
            }
        }
        for (Dynamic d : dynamic) {
            Matcher m = d.regex().matcher(path);
            if (m.matches()) {
                Handler h = pick(d.byMethod(), method, allowed);
                if (h != null) {
                    Map<String, String> info = new LinkedHashMap<>();
                    for (int i = 0; i < d.names().size(); i++) {
                        info.put(d.names().get(i), m.group(i + 1));
                    }
                    return new Match(h, java.util.Collections.unmodifiableMap(info));
                }
            }
        }
        for (StaticFiles s : statics.values()) {
            if (path.startsWith(s.prefix() + "/")) {
                if (method.equals("GET") || method.equals("HEAD")) {
                    return new Match(s, Map.of("filename", path.substring(s.prefix().length() + 1)));
                }
                allowed.add("GET");
                allowed.add("HEAD");
            }
        }
        if (!allowed.isEmpty()) {
            throw new HttpException(405).withHeader("Allow", String.join(",", allowed));
        }
        throw HttpException.notFound();
    }

    private static Handler pick(Map<String, Handler> byMethod, String method, Set<String> allowed) {
        Handler h = byMethod.get(method);
        if (h == null && method.equals("HEAD")) {
            h = byMethod.get("GET");
        }
        if (h == null) {
            h = byMethod.get("*");
        }
        if (h == null) {
            allowed.addAll(byMethod.keySet());
            if (byMethod.containsKey("GET")) {
                allowed.add("HEAD");
            }
        }
        return h;
    }
}

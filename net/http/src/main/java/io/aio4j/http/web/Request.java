package io.aio4j.http.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.aio4j.http.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as a handler sees it: aiohttp's {@code web.Request}. The head is parsed; the body
 * is read from the connection only when the handler asks for it — all at once ({@link #bytes()},
 * {@link #text()}, {@link #json()}, {@link #post()}, limited to {@link WebOptions#clientMaxSize()},
 * over which they throw a 413) or as it arrives ({@link #content()}, unlimited, with back-pressure).
 * A body cut short, or badly framed, is an {@link HttpException} 400, never a shorter body. A request
 * belongs to its connection's task: use it there (or in tasks that end before the handler returns).
 *
 * @apiNote asyncio: {@code aiohttp.web.Request}
 */
public final class Request {
    private final HttpConnection connection;
    private final RequestHead head;
    private final RequestBody body;
    private final String path;
    private Map<String, String> matchInfo = Map.of();
    private Map<String, List<String>> query;
    private Map<String, String> cookies;
    private final Map<String, Object> attributes = new HashMap<>();
    private BodyReader content;
    private byte[] read;

    Request(HttpConnection connection, RequestHead head, RequestBody body) {
        this.connection = connection;
        this.head = head;
        this.body = body;
        this.path = Urls.decodePath(head.path());
    }

    /**
     * The method, e.g. {@code GET}.
     *
     * @apiNote asyncio: {@code request.method}
     */
    public String method() {
        return head.method();
    }

    /**
     * The path, percent-decoded, without the query.
     *
     * @apiNote asyncio: {@code request.path}
     */
    public String path() {
        return path;
    }

    /**
     * The path as sent (still percent-encoded).
     *
     * @apiNote asyncio: {@code request.raw_path} (without the query)
     */
    public String rawPath() {
        return head.path();
    }

    /**
     * The request target as sent: path and query.
     *
     * @apiNote asyncio: {@code request.path_qs}
     */
    public String target() {
        return head.target();
    }

    /**
     * The query string as sent, without the {@code ?} ({@code ""} if none).
     *
     * @apiNote asyncio: {@code request.query_string}
     */
    public String queryString() {
        return head.query();
    }

    /**
     * The decoded query parameters, each name with its values in order.
     *
     * @apiNote asyncio: {@code request.query}
     */
    public Map<String, List<String>> query() {
        if (query == null) {
            query = Urls.parseForm(head.query());
        }
        return query;
    }

    /**
     * The first value of query parameter {@code name}, or null.
     *
     * @apiNote asyncio: {@code request.query.get(name)}
     */
    public String query(String name) {
        List<String> v = query().get(name);
        return v == null ? null : v.get(0);
    }

    /**
     * {@code "HTTP/1.1"} or {@code "HTTP/1.0"}.
     *
     * @apiNote asyncio: {@code request.version}
     */
    public String version() {
        return head.http11() ? "HTTP/1.1" : "HTTP/1.0";
    }

    /**
     * The headers, names in lower case, values in order.
     *
     * @apiNote asyncio: {@code request.headers}
     */
    public Map<String, List<String>> headers() {
        return head.headers();
    }

    /**
     * The first value of header {@code name} (any case), or null.
     *
     * @apiNote asyncio: {@code request.headers.get(name)}
     */
    public String header(String name) {
        return head.header(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The Host header, or null.
     *
     * @apiNote asyncio: {@code request.host}
     */
    public String host() {
        return head.header("host");
    }

    /**
     * {@code "https"} on a TLS connection, else {@code "http"}.
     *
     * @apiNote asyncio: {@code request.scheme}
     */
    public String scheme() {
        return connection.secure() ? "https" : "http";
    }

    /**
     * The absolute URL: scheme, host and target.
     *
     * @apiNote asyncio: {@code str(request.url)}
     */
    public String url() {
        return scheme() + "://" + (host() == null ? "localhost" : host()) + head.target();
    }

    /**
     * The client's IP address as text, or null if unknown.
     *
     * @apiNote asyncio: {@code request.remote}
     */
    public String remote() {
        SocketAddress a = connection.peer();
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : a == null ? null : a.toString();
    }

    /**
     * The client's socket address, or null.
     *
     * @apiNote asyncio: {@code request.transport.get_extra_info("peername")}
     */
    public SocketAddress peer() {
        return connection.peer();
    }

    /**
     * The cookies the client sent.
     *
     * @apiNote asyncio: {@code request.cookies}
     */
    public Map<String, String> cookies() {
        if (cookies == null) {
            Map<String, String> c = new LinkedHashMap<>();
            List<String> values = head.headers().getOrDefault("cookie", List.of());
            for (String v : values) {
                for (String pair : v.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        String val = pair.substring(eq + 1).trim();
                        if (val.length() >= 2 && val.startsWith("\"") && val.endsWith("\"")) {
                            val = val.substring(1, val.length() - 1);
                        }
                        c.putIfAbsent(pair.substring(0, eq).trim(), val);
                    }
                }
            }
            cookies = Collections.unmodifiableMap(c);
        }
        return cookies;
    }

    /**
     * The variables of the route's pattern.
     *
     * @apiNote asyncio: {@code request.match_info}
     */
    public Map<String, String> matchInfo() {
        return matchInfo;
    }

    /**
     * The value of the route variable {@code name}.
     *
     * @throws IllegalArgumentException if the route has no such variable
     * @apiNote asyncio: {@code request.match_info[name]}
     */
    public String matchInfo(String name) {
        String v = matchInfo.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the route has no variable {" + name + "}: " + matchInfo.keySet());
        }
        return v;
    }

    void matchInfo(Map<String, String> info) {
        this.matchInfo = info;
    }

    /**
     * The media type of the Content-Type header, lower case, without parameters ({@code application/octet-stream} if none).
     *
     * @apiNote asyncio: {@code request.content_type}
     */
    public String contentType() {
        String ct = head.header("content-type");
        if (ct == null) {
            return "application/octet-stream";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The charset of the Content-Type header, or null.
     *
     * @apiNote asyncio: {@code request.charset}
     */
    public String charset() {
        return Urls.parameter(head.header("content-type"), "charset");
    }

    /**
     * The Content-Length, or -1 (none, or chunked).
     *
     * @apiNote asyncio: {@code request.content_length}
     */
    public long contentLength() {
        return body.length();
    }

    /**
     * Whether the request has a body (a Content-Length over 0, or chunked).
     *
     * @apiNote asyncio: {@code request.body_exists}
     */
    public boolean hasBody() {
        return body.chunked() || body.length() > 0;
    }

    /**
     * Whether the client asked to keep the connection open.
     *
     * @apiNote asyncio: {@code request.keep_alive}
     */
    public boolean keepAlive() {
        return head.keepAlive();
    }

    /**
     * The attribute {@code key} a middleware set, or null.
     *
     * @apiNote asyncio: {@code request[key]}
     */
    public Object get(String key) {
        return attributes.get(key);
    }

    /**
     * Sets attribute {@code key} (a middleware's way to hand values to handlers).
     *
     * @apiNote asyncio: {@code request[key] = value}
     */
    public void set(String key, Object value) {
        attributes.put(key, value);
    }

    /**
     * The body as it arrives, for reading in pieces: not limited in size, read from the connection
     * only as fast as it is consumed.
     *
     * @apiNote asyncio: {@code request.content} (a {@code StreamReader})
     */
    public BodyReader content() {
        if (content == null) {
            content = new BodyReader(body);
        }
        return content;
    }

    /**
     * The whole body (read once; later calls return the same bytes).
     *
     * @throws HttpException 413 over {@link WebOptions#clientMaxSize()}, 400 if it is cut short
     * @apiNote asyncio: {@code await request.read()}
     */
    public byte[] bytes() throws IOException {
        if (read == null) {
            long max = connection.options().clientMaxSize();
            if (body.length() > max) {
                throw tooLarge(max, body.length());
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream((int) Math.max(0, Math.min(body.length(), 1 << 16)));
            for (byte[] b; (b = body.read(1 << 16)) != null;) {
                if (all.size() + (long) b.length > max) {
                    throw tooLarge(max, all.size() + (long) b.length);
                }
                all.write(b, 0, b.length);
            }
            read = all.toByteArray();
        }
        return read;
    }

    private static HttpException tooLarge(long max, long size) {
        return new HttpException(413, "Request Entity Too Large",
                "Maximum request body size " + max + " exceeded, actual body size " + size);
    }

    /**
     * The body as text, in the Content-Type's charset (UTF-8 if none).
     *
     * @apiNote asyncio: {@code await request.text()}
     */
    public String text() throws IOException {
        String cs = charset();
        Charset charset;
        try {
            charset = cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("unknown charset in Content-Type: " + cs);
        }
        return new String(bytes(), charset);
    }

    /**
     * The body parsed as JSON.
     *
     * @throws HttpException 400 if it is not JSON
     * @apiNote asyncio: {@code await request.json()}
     */
    public JsonNode json() throws IOException {
        try {
            return Json.MAPPER.readTree(bytes());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw HttpException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The body parsed as JSON into {@code type} (Jackson's data binding).
     *
     * @throws HttpException 400 if it is not JSON of that shape
     * @apiNote asyncio: {@code Model(**await request.json())}
     */
    public <T> T json(Class<T> type) throws IOException {
        try {
            return Json.MAPPER.readValue(bytes(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw HttpException.badRequest("the body is not JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /**
     * The form fields of a {@code application/x-www-form-urlencoded} or {@code multipart/form-data}
     * body (files included); an empty form for any other type.
     *
     * @throws HttpException 400 for a malformed multipart body
     * @apiNote asyncio: {@code await request.post()}
     */
    public Form post() throws IOException {
        String type = contentType();
        if (type.equals("application/x-www-form-urlencoded")) {
            return Form.fields(Urls.parseForm(new String(bytes(), StandardCharsets.UTF_8)));
        }
        if (type.equals("multipart/form-data")) {
            String boundary = Urls.parameter(head.header("content-type"), "boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw HttpException.badRequest("multipart/form-data without a boundary");
            }
            return Multipart.parse(bytes(), boundary);
        }
        return Form.fields(Map.of());
    }

    HttpConnection connection() {
        return connection;
    }

    RequestHead head() {
        return head;
    }

    RequestBody body() {
        return body;
    }

    @Override
    public String toString() {
        return "<Request " + method() + " " + head.target() + " >";
    }
}

package io.aio4j.http.internal;

import io.aio4j.TimeoutError;
import io.aio4j.bridge.Suspend;
import io.aio4j.http.ClientSession;
import io.aio4j.http.RequestOptions;
import io.aio4j.http.Response;
import io.aio4j.http.SessionOptions;
import io.ktor.client.HttpClient;
import io.ktor.client.HttpClientKt;
import io.ktor.client.engine.cio.CIO;
import io.ktor.client.engine.cio.CIOEngineConfig;
import io.ktor.client.plugins.HttpTimeoutKt;
import io.ktor.client.plugins.cookies.HttpCookies;
import io.ktor.client.request.HttpRequestBuilder;
import io.ktor.client.statement.HttpResponse;
import io.ktor.client.statement.HttpStatement;
import io.ktor.http.ContentType;
import io.ktor.http.HttpMethod;
import io.ktor.http.URLParserKt;
import io.ktor.http.content.ByteArrayContent;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import kotlin.Unit;

/** aiohttp's {@code ClientSession} on Ktor's CIO client: one pool, one cookie store. */
public final class ClientSessionImpl implements ClientSession {
    private final HttpClient client;
    private final SessionOptions options;
    private volatile boolean closed;

    public ClientSessionImpl(SessionOptions o) {
        this.options = Objects.requireNonNull(o, "options");
        this.client = HttpClientKt.HttpClient(CIO.INSTANCE, (io.ktor.client.HttpClientConfig<CIOEngineConfig> cfg) -> {
            cfg.setFollowRedirects(o.followRedirects());
            cfg.setExpectSuccess(false); // statuses are checked with raiseForStatus, as aiohttp
            cfg.engine(e -> {
                e.setMaxConnectionsCount(o.limit());
                e.getEndpoint().setMaxConnectionsPerRoute(o.limitPerHost() == 0 ? o.limit() : o.limitPerHost());
                return Unit.INSTANCE;
            });
            cfg.install(HttpTimeoutKt.getHttpTimeout(), t -> {
                t.setRequestTimeoutMillis(millis(o.totalTimeout()));
                t.setConnectTimeoutMillis(millis(o.connectTimeout()));
                t.setSocketTimeoutMillis(millis(o.readTimeout()));
                return Unit.INSTANCE;
            });
            if (o.cookies()) {
                cfg.install(HttpCookies.Companion, c -> Unit.INSTANCE);
            }
            return Unit.INSTANCE;
        });
    }

    private static Long millis(Duration d) {
        return d == null ? null : Math.max(1, d.toMillis());
    }

    @Override
    public Response request(String method, String url, RequestOptions ro) throws IOException {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ro, "options");
        if (closed) {
            throw new IllegalStateException("Session is closed");
        }
        HttpRequestBuilder b = new HttpRequestBuilder();
        b.setMethod(HttpMethod.Companion.parse(method.toUpperCase(java.util.Locale.ROOT)));
        String full = resolve(url);
        URLParserKt.takeFrom(b.getUrl(), full);
        for (Map.Entry<String, String> p : ro.params()) {
            b.getUrl().getParameters().append(p.getKey(), p.getValue());
        }
        options.headers().forEach((k, v) -> b.getHeaders().set(k, v));
        ro.headers().forEach((k, v) -> b.getHeaders().set(k, v));
        byte[] body = ro.body();
        if (body != null) {
            b.setBody(new ByteArrayContent(body, ContentType.Companion.parse(ro.contentType()), null));
            b.setBodyType(null);
        }
        HttpStatement statement = new HttpStatement(b, client);
        HttpResponse response;
        try {
            response = Suspend.call(statement::fetchStreamingResponse);
        } catch (Exception e) {
            throw Errors.map(e, method + " " + full);
        }
        return new ResponseImpl(statement, response, method + " " + full);
    }

    private String resolve(String url) {
        if (options.baseUrl() == null || url.contains("://")) {
            return url;
        }
        return URI.create(options.baseUrl()).resolve(url).toString();
    }

    @Override
    public void close() {
        closed = true;
        client.close();
    }

    @Override
    public String toString() {
        return "<ClientSession" + (options.baseUrl() != null ? " base_url=" + options.baseUrl() : "")
                + (closed ? " closed" : "") + ">";
    }

    /** Ktor's failures as aio4j's: timeouts become {@link TimeoutError}. */
    static final class Errors {
        private Errors() {
        }

        static RuntimeException map(Exception e, String what) throws IOException {
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof io.ktor.client.plugins.HttpRequestTimeoutException
                        || c instanceof io.ktor.client.network.sockets.ConnectTimeoutException
                        || c instanceof java.net.SocketTimeoutException) {
                    throw new TimeoutError(what + ": " + c.getMessage(), e); // a body read wraps it in a closed channel
                }
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(e);
        }
    }
}

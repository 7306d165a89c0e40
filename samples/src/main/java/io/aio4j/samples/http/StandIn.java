package io.aio4j.samples.http;

import io.aio4j.Aio;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.Web;
import io.aio4j.http.web.WebServer;
import java.io.IOException;

/**
 * The offline stand-in for the sites the seeds fetch (httpbin.org, example.com, ...): an aio4j web
 * application (aiohttp.web's way) on a free loopback port of the sample's own loop, with the same
 * endpoints and fixed bodies, so every sample runs without internet and prints the same thing every
 * time. Its {@code /delay/N} handler sleeps with {@code Aio.sleep}, so the tour's virtual clock
 * fast-forwards it like the samples' own sleeps.
 *
 * <pre>{@code
 * async def delay(request):
 *     seconds = int(request.match_info["seconds"])
 *     await asyncio.sleep(seconds)
 *     return web.json_response({"delay": seconds})
 * }</pre>
 */
public final class StandIn implements AutoCloseable {
    static final String GET = "{\"args\": {}, \"headers\": {\"Host\": \"httpbin.org\"}, \"origin\": \"127.0.0.1\"}";
    static final String JSON = "{\"slideshow\": {\"author\": \"Yours Truly\", \"title\": \"Sample Slide Show\"}}";

    private final WebServer server;

    private StandIn(WebServer server) {
        this.server = server;
    }

    /** The stand-in's routes. */
    static Application app() {
        Application app = new Application()
                .get("/get", r -> json(GET))
                .get("/json", r -> json(JSON))
                .get("/delay/{seconds:\\d+}", r -> {
                    int seconds = Integer.parseInt(r.matchInfo("seconds"));
                    Aio.sleep(seconds);
                    return json("{\"delay\": " + seconds + "}");
                })
                .post("/post", r -> json("{\"json\": " + r.text() + "}"));
        for (String site : new String[] {"example.com", "python.org", "aiohttp.readthedocs.io"}) {
            String page = "<html><title>" + site + "</title><body>stand-in for " + site + "</body></html>";
            app.get("/" + site, r -> Response.text(page, "text/html"));
        }
        return app;
    }

    private static Response json(String body) {
        return Response.text(body, "application/json");
    }

    /**
     * Serves the stand-in on a free loopback port of the running loop.
     *
     * @throws IllegalStateException outside a task
     */
    public static StandIn start() throws IOException {
        return new StandIn(Web.serve(app(), "127.0.0.1", 0));
    }

    /** The stand-in's URL for {@code path}, e.g. {@code url("/get")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** The port, for the Python twins in the tests. */
    public int port() {
        return server.port();
    }

    /** Shuts the server down (gracefully: requests in flight finish). */
    @Override
    public void close() {
        server.shutdown();
    }
}

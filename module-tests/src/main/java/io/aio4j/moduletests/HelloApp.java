package io.aio4j.moduletests;

import io.aio4j.http.web.Application;
import io.aio4j.http.web.Response;

/** What a consumer module serves with aio4j's web server: aiohttp's hello world. */
public final class HelloApp {
    private HelloApp() {
    }

    /** {@code GET /{name}} answers {@code Hello, name}. */
    public static Application app() {
        return new Application().get("/{name}", r -> Response.text("Hello, " + r.matchInfo("name")));
    }
}

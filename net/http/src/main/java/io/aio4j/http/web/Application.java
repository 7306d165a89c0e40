package io.aio4j.http.web;

import io.aio4j.CheckedRunnable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * aiohttp's {@code web.Application}: the routes, the middlewares and the lifecycle hooks of a web
 * application, served by {@link Web#serve} or {@link Web#runApp}.
 *
 * <pre>{@code
 * Application app = new Application()
 *         .get("/", request -> Response.text("Hello, world"))
 *         .get("/users/{id}", request -> Response.json(Map.of("id", request.matchInfo("id"))));
 * Web.runApp(app, "127.0.0.1", 8080);
 * }</pre>
 *
 * Routes take aiohttp's patterns: a fixed path, {@code {name}} for one path segment and
 * {@code {name:regex}} for a custom match ({@link Request#matchInfo(String)}). A {@code GET} route
 * answers {@code HEAD} too. Routes, middlewares and hooks are added before the application is
 * served; it is frozen then (aiohttp's rule).
 *
 * @apiNote asyncio: {@code app = web.Application(); app.add_routes([web.get("/", handler)])}
 */
public final class Application {
    private final Router router = new Router();
    private final List<Middleware> middlewares = new ArrayList<>();
    private final List<CheckedRunnable<?>> onStartup = new ArrayList<>();
    private final List<CheckedRunnable<?>> onShutdown = new ArrayList<>();
    private final List<CheckedRunnable<?>> onCleanup = new ArrayList<>();
    private boolean frozen;

    /** An application with no routes. */
    public Application() {
    }

    /**
     * Adds a route for {@code method} ({@code "*"}: any method) and {@code path}; returns this.
     *
     * @throws IllegalArgumentException for a path that does not start with '/', a bad pattern, or a
     *     route that exists already
     * @throws IllegalStateException once the application is served
     * @apiNote asyncio: {@code app.router.add_route(method, path, handler)}
     */
    public Application route(String method, String path, Handler handler) {
        checkOpen();
        router.add(method, path, handler);
        return this;
    }

    /**
     * A {@code GET} (and {@code HEAD}) route.
     *
     * @apiNote asyncio: {@code web.get(path, handler)}
     */
    public Application get(String path, Handler handler) {
        return route("GET", path, handler);
    }

    /**
     * A {@code POST} route.
     *
     * @apiNote asyncio: {@code web.post(path, handler)}
     */
    public Application post(String path, Handler handler) {
        return route("POST", path, handler);
    }

    /**
     * A {@code PUT} route.
     *
     * @apiNote asyncio: {@code web.put(path, handler)}
     */
    public Application put(String path, Handler handler) {
        return route("PUT", path, handler);
    }

    /**
     * A {@code PATCH} route.
     *
     * @apiNote asyncio: {@code web.patch(path, handler)}
     */
    public Application patch(String path, Handler handler) {
        return route("PATCH", path, handler);
    }

    /**
     * A {@code DELETE} route.
     *
     * @apiNote asyncio: {@code web.delete(path, handler)}
     */
    public Application delete(String path, Handler handler) {
        return route("DELETE", path, handler);
    }

    /**
     * Serves the files under {@code directory} at {@code prefix}: {@code GET prefix/a/b.txt} answers
     * {@code directory/a/b.txt} as a {@link FileResponse}. A path that leaves the directory (by
     * {@code ..}, or through a symbolic link) is a 403, a missing file or a directory a 404.
     *
     * @throws IllegalArgumentException if {@code directory} is not a directory
     * @apiNote asyncio: {@code web.static(prefix, path)}
     */
    public Application addStatic(String prefix, Path directory) {
        checkOpen();
        Objects.requireNonNull(prefix, "prefix");
        if (!Files.isDirectory(Objects.requireNonNull(directory, "directory"))) {
            throw new IllegalArgumentException("a static route serves a directory: " + directory);
        }
        router.addStatic(prefix, directory, false);
        return this;
    }

    /**
     * Adds a middleware; the first added is the outermost.
     *
     * @apiNote asyncio: {@code web.Application(middlewares=[...])}
     */
    public Application middleware(Middleware middleware) {
        checkOpen();
        middlewares.add(Objects.requireNonNull(middleware, "middleware"));
        return this;
    }

    /**
     * Runs {@code hook} on the server's loop before the server accepts connections; a failure stops
     * the start.
     *
     * @apiNote asyncio: {@code app.on_startup.append(hook)}
     */
    public Application onStartup(CheckedRunnable<?> hook) {
        checkOpen();
        onStartup.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Runs {@code hook} when a graceful shutdown begins, after the server stopped accepting and
     * before it waits for the requests in flight (the place to close long-lived connections).
     *
     * @apiNote asyncio: {@code app.on_shutdown.append(hook)}
     */
    public Application onShutdown(CheckedRunnable<?> hook) {
        checkOpen();
        onShutdown.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    /**
     * Runs {@code hook} after the server has stopped and every connection has ended.
     *
     * @apiNote asyncio: {@code app.on_cleanup.append(hook)}
     */
    public Application onCleanup(CheckedRunnable<?> hook) {
        checkOpen();
        onCleanup.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("the application is being served: routes, middlewares and hooks "
                    + "are added before Web.serve (aiohttp freezes it the same way)");
        }
    }

    void freeze() {
        frozen = true;
    }

    Router router() {
        return router;
    }

    List<CheckedRunnable<?>> startupHooks() {
        return onStartup;
    }

    List<CheckedRunnable<?>> shutdownHooks() {
        return onShutdown;
    }

    List<CheckedRunnable<?>> cleanupHooks() {
        return onCleanup;
    }

    /** Answers a request: the route's handler inside the middlewares. */
    StreamResponse handle(Request request, Handler route) throws Exception {
        return call(0, request, route);
    }

    private StreamResponse call(int i, Request request, Handler route) throws Exception {
        if (i == middlewares.size()) {
            return route.handle(request);
        }
        return middlewares.get(i).handle(request, r -> call(i + 1, r, route));
    }
}

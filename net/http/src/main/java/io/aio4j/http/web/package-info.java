/**
 * aio4j's HTTP server, aiohttp's {@code aiohttp.web}: {@link io.aio4j.http.web.Application} (routes,
 * middlewares, hooks), {@link io.aio4j.http.web.Request}, {@link io.aio4j.http.web.Response},
 * {@link io.aio4j.http.web.StreamResponse}, {@link io.aio4j.http.web.FileResponse},
 * {@link io.aio4j.http.web.WebSocketResponse}, served by {@link io.aio4j.http.web.Web}.
 */
package io.aio4j.http.web;

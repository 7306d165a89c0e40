package io.aio4j.bench

import io.ktor.server.application.call
import io.ktor.server.cio.CIO
import io.ktor.server.engine.embeddedServer
import io.ktor.server.response.respondText
import io.ktor.server.routing.get
import io.ktor.server.routing.routing
import kotlinx.coroutines.runBlocking

/**
 * The HTTP server benchmark's Ktor row: Ktor's own CIO server engine with the same hello world, the
 * alternative aio4j's server was measured against (the issue: "Ktor's server engine or aio4j's own
 * transports"). Prints READY port, serves until killed.
 */
object KtorHelloServer {
    @JvmStatic
    fun main(args: Array<String>) {
        val server = embeddedServer(CIO, port = 0, host = "127.0.0.1") {
            routing {
                get("/") { call.respondText("Hello, World!") }
            }
        }.start(wait = false)
        val port = runBlocking { server.engine.resolvedConnectors().first().port }
        println("READY $port")
        System.out.flush()
        Thread.currentThread().join()
    }
}

@file:JvmName("Kotlinx")

package io.aio4j.bench

import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readAvailable
import io.ktor.utils.io.writeFully
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.cancelChildren
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.yield

// Raw kotlinx coroutines: the engine without aio4j's facade. Everything runs in runBlocking's event
// loop on one thread, as asyncio does.

/** n round trips through two unbounded channels (asyncio: two Queues). */
fun queuePingPong(n: Int) = runBlocking {
    val ping = Channel<Int>(Channel.UNLIMITED)
    val pong = Channel<Int>(Channel.UNLIMITED)
    val ponger = launch { repeat(n) { pong.send(ping.receive()) } }
    repeat(n) {
        ping.send(it)
        pong.receive()
    }
    ponger.join()
}

/** n coroutines started, then awaited in order. */
fun spawnAwait(n: Int): Long = runBlocking {
    val jobs = List(n) { i -> async { i } }
    var s = 0L
    for (j in jobs) s += j.await()
    s
}

/** n yields (asyncio: sleep(0)) with nothing else to run. */
fun yields(n: Int) = runBlocking { repeat(n) { yield() } }

/** n acquisitions of one Mutex by `tasks` coroutines that each yield while holding it. */
fun lockHandoff(n: Int, tasks: Int) = runBlocking {
    val m = Mutex()
    val per = n / tasks
    List(tasks) { launch { repeat(per) { m.withLock { yield() } } } }.joinAll()
}

/** awaitAll (asyncio: gather) of n coroutines that each yield once. */
fun gather(n: Int): Long = runBlocking {
    List(n) { i -> async { yield(); i } }.awaitAll().sumOf { it.toLong() }
}

/** n coroutines sleeping; `measure` runs while they all sleep. */
fun sleepers(n: Int, measure: Runnable) = runBlocking {
    repeat(n) { launch { delay(3_600_000) } }
    yield()
    measure.run()
    coroutineContext.cancelChildren()
}

/** A TCP echo server on Ktor's raw sockets (kotlinx's own networking), one coroutine per connection. */
fun echoServer(port: Int, ready: Runnable) = runBlocking {
    val selector = SelectorManager(Dispatchers.IO)
    val server = aSocket(selector).tcp().bind("127.0.0.1", port)
    ready.run()
    while (true) {
        val socket = server.accept()
        launch(Dispatchers.Default) {
            val input = socket.openReadChannel()
            val output = socket.openWriteChannel(autoFlush = false)
            val buf = ByteArray(65536)
            try {
                while (true) {
                    val n = input.readAvailable(buf, 0, buf.size)
                    if (n < 0) break
                    output.writeFully(buf, 0, n)
                    output.flush()
                }
            } catch (e: Throwable) {
                // the load client closed the connection
            } finally {
                socket.close()
            }
        }
    }
}

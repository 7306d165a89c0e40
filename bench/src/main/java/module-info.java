/** aio4j's benchmarks against asyncio, uvloop, raw kotlinx coroutines and plain virtual threads. */
module io.aio4j.bench {
    requires io.aio4j.api;
    requires kotlinx.coroutines.core;
}

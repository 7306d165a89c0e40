"""The foundation's quick bench, Python side: same work as QuickBench.java.

Prints one line per benchmark: NAME NANOS_PER_OP (best of several runs). With --uvloop, runs on
uvloop's loop; exits 3 if uvloop is not installed.
"""
import asyncio
import sys
import time

import micro  # the micro benchmarks' workloads, beside this script

ROUNDS = 5


def best(fn, n):
    times = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter_ns()
        fn(n)
        times.append((time.perf_counter_ns() - t0) / n)
    return min(times)


def queue_ping_pong(n):
    run(micro.ping_pong(n))


def ping_pong(n):
    async def main():
        loop = asyncio.get_running_loop()
        box = {}

        async def ponger():
            for _ in range(n):
                box["ping"] = loop.create_future()
                await box["ping"]
                box["pong"].set_result(None)

        t = asyncio.create_task(ponger())
        await asyncio.sleep(0)
        for _ in range(n):
            box["pong"] = loop.create_future()
            box["ping"].set_result(None)
            await box["pong"]
        await t
    run(main())


def spawn_await(n):
    async def child(i):
        return i

    async def main():
        tasks = [asyncio.create_task(child(i)) for i in range(n)]
        s = 0
        for t in tasks:
            s += await t
        return s
    run(main())


def sleep0(n):
    async def main():
        for _ in range(n):
            await asyncio.sleep(0)
    run(main())


def run(coro):
    if UVLOOP:
        import uvloop
        uvloop.run(coro) if hasattr(uvloop, "run") else asyncio.run(coro)
    else:
        asyncio.run(coro)


UVLOOP = "--uvloop" in sys.argv
if UVLOOP:
    try:
        import uvloop  # noqa: F401
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        sys.exit(3)

print("ping-pong", best(ping_pong, 100_000))
print("queue-ping-pong", best(queue_ping_pong, 100_000))
print("spawn-await", best(spawn_await, 100_000))
print("sleep0", best(sleep0, 1_000_000))

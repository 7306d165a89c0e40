"""The micro benchmarks' Python rows: the same work as Micro.java, on asyncio or (--uvloop) uvloop.

Prints one JSON object: {"pingPong": ns_per_op, ...}, best of several runs. Exits 3 if --uvloop is
asked for and uvloop is not installed.
"""
import asyncio
import json
import sys
import time

PING_PONGS = 10_000
SPAWNS = 100_000
YIELDS = 100_000
LOCKS = 10_000
LOCK_TASKS = 10
GATHER = 10_000
ROUNDS = 5


def run(coro):
    if "--uvloop" in sys.argv:
        import uvloop
        return uvloop.run(coro) if hasattr(uvloop, "run") else _uv_run(coro, uvloop)
    return asyncio.run(coro)


def _uv_run(coro, uvloop):
    uvloop.install()
    return asyncio.run(coro)


async def ping_pong(n=PING_PONGS):
    """n round trips between two tasks through two asyncio.Queues (the quick bench uses it too)."""
    ping, pong = asyncio.Queue(), asyncio.Queue()

    async def ponger():
        for _ in range(n):
            await pong.put(await ping.get())

    t = asyncio.create_task(ponger())
    for i in range(n):
        await ping.put(i)
        await pong.get()
    await t


async def spawn_await():
    async def child(i):
        return i
    tasks = [asyncio.create_task(child(i)) for i in range(SPAWNS)]
    s = 0
    for t in tasks:
        s += await t
    return s


async def sleep0():
    for _ in range(YIELDS):
        await asyncio.sleep(0)


async def lock_handoff():
    lock = asyncio.Lock()

    async def worker():
        for _ in range(LOCKS // LOCK_TASKS):
            async with lock:
                await asyncio.sleep(0)

    await asyncio.gather(*[worker() for _ in range(LOCK_TASKS)])


async def gather():
    async def child(i):
        await asyncio.sleep(0)
        return i
    return sum(await asyncio.gather(*[child(i) for i in range(GATHER)]))


BENCHES = {
    "pingPong": (ping_pong, PING_PONGS),
    "spawnAwait": (spawn_await, SPAWNS),
    "sleep0": (sleep0, YIELDS),
    "lockHandoff": (lock_handoff, LOCKS),
    "gather": (gather, GATHER),
}


def main():
    if "--uvloop" in sys.argv:
        try:
            import uvloop  # noqa: F401
        except ImportError:
            sys.exit(3)
    out = {}
    for name, (fn, n) in BENCHES.items():
        best = None
        for _ in range(ROUNDS):
            t0 = time.perf_counter_ns()
            run(fn())
            per = (time.perf_counter_ns() - t0) / n
            best = per if best is None else min(best, per)
        out[name] = best
    print(json.dumps(out))


if __name__ == "__main__":
    main()

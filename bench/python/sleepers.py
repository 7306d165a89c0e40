"""The memory benchmark's Python rows: N sleeping tasks; prints GROWTH kib of resident memory and
TRACED bytes per task (tracemalloc: what the tasks allocated and still hold)."""
import asyncio
import gc
import sys
import tracemalloc


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


async def main(n):
    gc.collect()
    before = rss_kib()
    traced = "--traced" in sys.argv
    if traced:
        tracemalloc.start()
    tasks = [asyncio.create_task(asyncio.sleep(3600)) for _ in range(n)]
    await asyncio.sleep(0)
    gc.collect()
    if traced:
        print("TRACED", tracemalloc.get_traced_memory()[0] // n, flush=True)
    print("GROWTH", rss_kib() - before, flush=True)
    for t in tasks:
        t.cancel()


if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()
asyncio.run(main(int(sys.argv[1])))

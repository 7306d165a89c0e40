"""The memory benchmark's Python rows: N sleeping tasks; prints GROWTH kib of resident memory."""
import asyncio
import gc
import sys


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


async def main(n):
    gc.collect()
    before = rss_kib()
    tasks = [asyncio.create_task(asyncio.sleep(3600)) for _ in range(n)]
    await asyncio.sleep(0)
    gc.collect()
    print("GROWTH", rss_kib() - before, flush=True)
    for t in tasks:
        t.cancel()


if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()
asyncio.run(main(int(sys.argv[1])))
